import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { lint as markdownlint } from 'markdownlint/sync';
import { lintText, runRules, toDiagnostic } from '../server/src/lint/lint.js';
import { parseAuditDocument, parseNextVersion } from '../server/src/model/parse.js';
import { reportDocx } from '../server/src/render/docx.js';
import { reportFragment, reportHtmlDocument } from '../server/src/render/html.js';
import { renderReport } from '../server/src/render/report.js';
import { generateReport } from './generate.js';
import { lspMain } from './lsp.js';

/**
 * `npm run bench`: times a full Granska lint (parse + model + every rule) of generated
 * reports against markdownlint's lint of the same text (default rules), in one run, and
 * prints both and their ratio.
 *
 * Each linter is timed in a worker process of its own, in alternating rounds (Granska,
 * markdownlint, Granska, markdownlint). Timed in one process, each one's garbage lands in
 * the other's measurements and the ratio swings by a quarter from run to run on this
 * shared machine; alone, each pays only for its own allocations.
 */

declare const GRANSKA_VERSION: string;

const SIZES: { name: string; bytes: number; runs: number }[] = [
  { name: '10 KB', bytes: 10_000, runs: 40 },
  { name: '60 KB', bytes: 60_000, runs: 20 },
  { name: '300 KB', bytes: 300_000, runs: 10 },
  { name: '3 MB', bytes: 3_000_000, runs: 3 },
];
const ROUNDS = 3;
const SEED = 42;

type Tool = 'granska' | 'markdownlint';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** In a worker: time one tool on one generated report and print the samples as JSON. */
function worker(tool: Tool, bytes: number, runs: number): void {
  const text = generateReport(bytes, SEED);
  const run = tool === 'granska' ? () => lintText(text) : () => markdownlint({ strings: { report: text } });
  for (let i = 0; i < 3; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  process.stdout.write(JSON.stringify(samples));
}

function measure(tool: Tool, bytes: number, runs: number): number[] {
  // The bundled script itself (dist/bench.mjs) is the worker.
  const self = process.argv[1];
  const r = spawnSync(process.execPath, [self, '--worker', tool, String(bytes), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${tool} worker failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as number[];
}

async function main(): Promise<void> {
  console.log(`Granska ${typeof GRANSKA_VERSION === 'string' ? GRANSKA_VERSION : ''} — full lint vs markdownlint ${'0.40'}, same text, same run`);
  console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`Median ms of ${ROUNDS} alternating rounds per linter, each in its own process after warm-up.`);
  console.log('');
  console.log('| report | bytes | granska lint | markdownlint | ratio | diagnostics |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const size of SIZES) {
    const text = generateReport(size.bytes, SEED);
    const g: number[] = [];
    const m: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      g.push(...measure('granska', size.bytes, size.runs));
      m.push(...measure('markdownlint', size.bytes, size.runs));
    }
    const granska = median(g);
    const ml = median(m);
    console.log(`| ${size.name} | ${text.length} | ${granska.toFixed(1)} | ${ml.toFixed(1)} | ${(granska / ml).toFixed(2)}× | ${lintText(text).length} |`);
  }
  typing();
  await rendering();
  // The same rows measured through the real server over stdio, and the CLI against markdownlint-cli2 (issue 14).
  console.log('');
  await lspMain([]);
}

/**
 * Typing in a long report: after each one-character edit (an insertion, then its deletion,
 * at positions spread over the body), the time to fresh diagnostics: parse of the new
 * version reusing the previous one, model, rules and conversion to LSP diagnostics. The
 * editor's debounce comes on top and is not counted.
 */
function typing(): void {
  const base = generateReport(300_000, SEED);
  const bodyStart = base.indexOf('# Sammanfattning');
  let doc = parseAuditDocument(base);
  let text = base;
  const samples: number[] = [];
  let seed = 7;
  for (let i = 0; i < 120; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const at = bodyStart + (seed % (base.length - bodyStart - 1));
    // Insert a letter, then delete it again on the next round, so the report stays the same size.
    const next = i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : base;
    const t0 = performance.now();
    doc = parseNextVersion(doc, next);
    runRules(doc).map((f) => toDiagnostic(doc, f, 'sv'));
    const ms = performance.now() - t0;
    if (i >= 10) samples.push(ms);
    text = next;
  }
  samples.sort((a, b) => a - b);
  const p95 = samples[Math.floor(samples.length * 0.95)];
  console.log('');
  console.log(`Typing in the ${Math.round(base.length / 1000)} KB report: fresh diagnostics after a one-character edit, median ${median(samples).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${samples.length} edits; debounce not counted).`);
}

/**
 * The preview and the exports on the 300 KB report: from the current model to the preview's
 * HTML (what each debounced preview update costs the server), to the exported HTML file,
 * and to the .docx bytes.
 */
async function rendering(): Promise<void> {
  const doc = parseAuditDocument(generateReport(300_000, SEED));
  const time = async (f: () => unknown): Promise<number> => {
    const runs: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      await f();
      if (i >= 2) runs.push(performance.now() - t0);
    }
    return median(runs);
  };
  const preview = await time(() => reportFragment(renderReport(doc)));
  const html = await time(() => reportHtmlDocument(renderReport(doc)));
  const docx = await time(() => reportDocx(renderReport(doc)));
  console.log('');
  console.log(`Rendering the ${Math.round(doc.text.length / 1000)} KB report (median of 6 after warm-up): preview ${preview.toFixed(0)} ms, HTML export ${html.toFixed(0)} ms, Word export ${docx.toFixed(0)} ms.`);
}

const args = process.argv.slice(2);
if (args[0] === '--worker') worker(args[1] as Tool, Number(args[2]), Number(args[3]));
else if (args[0] === '--typing') typing();
else if (args[0] === '--render') void rendering();
else if (args[0] === '--lsp') void lspMain(args.slice(1)).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
else void main();
