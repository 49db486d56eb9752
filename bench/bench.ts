import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeFiles } from '../server/src/io/node.js';
import { performance } from 'node:perf_hooks';
import { lint as markdownlint } from 'markdownlint/sync';
import { lintDocument, lintText, runRules, toDiagnostic } from '../server/src/lint/lint.js';
import { parseAuditDocument, parseNextVersion } from '../server/src/model/parse.js';
import { reportDocx } from '../server/src/render/docx.js';
import { reportFragment, reportHtmlDocument } from '../server/src/render/html.js';
import { renderReport } from '../server/src/render/report.js';
import { generateReport } from './generate.js';
import { loadNodeSpeller } from '../server/src/spelling/host.js';
import { DEFAULT_CONFIG } from '../server/src/config/config.js';
import { formatIsoDate } from '../server/src/model/dates.js';
import type { AuditDocument } from '../server/src/model/types.js';
import { overviewHtml } from '../server/src/render/overview.js';
import { indexFiles, indexText, WorkspaceIndex } from '../server/src/workspace/index.js';
import { overviewOf } from '../server/src/workspace/overview.js';
import { recommendationsOf } from '../server/src/workspace/recommendations.js';
import { parseRegister } from '../server/src/workspace/register.js';
import { HOSTILE } from './hostile.js';
import { hoverWhileLarge, hoverWhileLargeEdited, lspMain, profileArgs, proseOffsets, repositoryRoot } from './lsp.js';
import { completions } from '../server/src/features/completion.js';
import { featureContext } from '../server/src/features/context.js';
import { hover } from '../server/src/features/hover.js';
import { completionsAfterEdit, hoverAfterEdit, proseEdit } from '../server/src/features/after-edit.js';

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
  typing(' (proofing off)');
  await spelling();
  await rendering();
  year();
  // The same rows measured through the real server over stdio, and the CLI against markdownlint-cli2 (issue 14).
  console.log('');
  await lspMain([]);
}

/**
 * An audit year of 500 reports (about 20 KB each), a missiv per report, 20 uppföljningar of
 * five reports each, and a register of every decision they cite: the register read, every
 * document checked with the cross-document rules, the overview built and rendered, and
 * the workspace index's memory.
 */
function year(): void {
  const REPORTS = 500;
  const texts = Array.from({ length: REPORTS }, (_, i) => generateReport(20_000, 1000 + i));
  const t0 = performance.now();
  const reports = texts.map((t) => parseAuditDocument(t));
  const parseMs = performance.now() - t0;
  const byName = new Map<string, AuditDocument>(reports.map((d, i) => [`r${i}.rev.md`, d]));
  const cited = new Set<string>();
  for (const d of reports) for (const r of d.decisions) if (r.date.valid) cited.add(`${r.organ};${r.paragraph};${formatIsoDate(r.date)};Rubrik för ${r.organ} § ${r.paragraph}`);
  const csv = `organ;paragraf;datum;rubrik\n${[...cited].join('\n')}\n`;
  let t = performance.now();
  const register = parseRegister(csv, null, DEFAULT_CONFIG.organs);
  const registerMs = performance.now() - t;

  const missivs = reports.map((d, i) => {
    const title = d.frontmatter?.fields.get('titel')?.value as string;
    const recs = recommendationsOf(d).slice(0, 3).map((r) => `- ${r.text}`).join('\n');
    return parseAuditDocument(`---\ntyp: missiv\nkommun: Exempelby kommun\ntitel: ${title}\ndatum: 2024-01-10\ntill: [kommunstyrelsen]\nsvar_senast: 2024-03-10\nrapport: r${i}.rev.md\nundertecknare:\n  - namn: A\n    roll: Ordförande\n---\n\nVi rekommenderar kommunstyrelsen att:\n\n${recs}\n\nVi önskar svar senast 2024-03-10.\n`);
  });
  const followUps = Array.from({ length: 20 }, (_, u) => {
    const earlier = [0, 1, 2, 3, 4].map((k) => `r${u * 5 + k}.rev.md`);
    const rows = earlier.flatMap((name) => recommendationsOf(byName.get(name)!).map((r) => `| ${r.text.replace(/\|/g, '\\|')} | Åtgärdad | ${name} |`));
    return parseAuditDocument(`---\ntyp: uppföljning\nkommun: Exempelby kommun\ntitel: Uppföljning ${u}\ndatum: 2024-06-01\ngranskade: [kommunstyrelsen]\ntidigare: [${earlier.join(', ')}]\n---\n\n# Uppföljning\n\n| Rekommendation | Status | Källa |\n| --- | --- | --- |\n${rows.join('\n')}\n`);
  });
  const related = (name: string) => byName.get(name) ?? null;
  const env = { register, related, fileExists: (name: string) => byName.has(name) };
  const lintAll = (docs: AuditDocument[], e: object) => {
    const t1 = performance.now();
    let n = 0;
    for (const d of docs) n += runRules(d, e).length;
    return { ms: performance.now() - t1, n };
  };
  lintAll(reports.slice(0, 20), env);
  const plain = lintAll(reports, {});
  const withRegister = lintAll(reports, env);
  const missivRun = lintAll(missivs, env);
  const followRun = lintAll(followUps, env);

  const all = [...reports, ...missivs, ...followUps].map((doc, i) => ({ path: i < REPORTS ? `r${i}.rev.md` : `d${i}.rev.md`, doc, config: DEFAULT_CONFIG }));
  t = performance.now();
  const overview = overviewOf(all, '2024-04-01');
  const overviewMs = performance.now() - t;
  t = performance.now();
  const html = overviewHtml(overview);
  const htmlMs = performance.now() - t;

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const index = new WorkspaceIndex();
  texts.forEach((text, i) => index.set(indexText(`file:///ar/r${i}.rev.md`, text)));
  gc?.();
  const indexMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;

  console.log('');
  console.log(`Audit year: ${REPORTS} reports (${Math.round(texts.reduce((n, x) => n + x.length, 0) / 2 ** 20)} MB), ${missivs.length} missiv, ${followUps.length} uppföljningar, register of ${register.entries.length} decisions.`);
  console.log(`  parse all reports ${parseMs.toFixed(0)} ms; read the register ${registerMs.toFixed(1)} ms`);
  console.log(`  lint every report: without register ${plain.ms.toFixed(0)} ms, with register and cross-document rules ${withRegister.ms.toFixed(0)} ms`);
  console.log(`  lint every missiv against its report ${missivRun.ms.toFixed(0)} ms; every uppföljning against its earlier reports ${followRun.ms.toFixed(0)} ms (${missivRun.n + followRun.n} findings)`);
  console.log(`  overview of ${all.length} documents from their models ${overviewMs.toFixed(0)} ms, its HTML ${htmlMs.toFixed(0)} ms (${Math.round(html.length / 1024)} KB)`);
  console.log(`  workspace index of the ${REPORTS} reports: ${indexMb.toFixed(1)} MB of heap${gc ? '' : ' (run with --expose-gc for a steady figure)'} (${[...index.all()].length} entries)`);
}

/**
 * Proofing: the dictionary's load time and memory, the first diagnostics of the 300 KB
 * report with spelling (every block checked, the word cache cold), and typing with
 * proofing on, to compare with the same loop without it.
 */
/** RSS and heap before and after loading the dictionary, in a process that does nothing else. */
async function dictionaryMemory(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const speller = await loadNodeSpeller();
  speller.check('kommunfullmäktigeledamot');
  gc?.();
  const after = process.memoryUsage();
  const mb = (x: number) => (x / 2 ** 20).toFixed(0);
  console.log(`Memory: RSS ${mb(before.rss)} → ${mb(after.rss)} MB (+${mb(after.rss - before.rss)} MB), JS heap +${mb(after.heapUsed - before.heapUsed)} MB.`);
}

async function spelling(): Promise<void> {
  const firstDiagnostics = (seed: number) => {
    const text = generateReport(300_000, seed);
    const t = performance.now();
    const doc = parseAuditDocument(text);
    runRules(doc).map((f) => toDiagnostic(doc, f, 'sv'));
    return performance.now() - t;
  };
  const off = firstDiagnostics(SEED + 1);
  const t0 = performance.now();
  await loadNodeSpeller();
  const loadMs = performance.now() - t0;
  const on = firstDiagnostics(SEED + 2);
  // Memory in a fresh process of its own: here the benchmarks' garbage would swamp it.
  const mem = spawnSync(process.execPath, ['--expose-gc', process.argv[1], '--dictionary-memory'], { encoding: 'utf8' });
  console.log('');
  console.log(`Dictionary load (hunspell-asm + dictionary-sv): ${loadMs.toFixed(0)} ms. ${mem.stdout.trim()}`);
  console.log(`First diagnostics of a 300 KB report (parse, model, every rule), cold: ${off.toFixed(0)} ms without proofing, ${on.toFixed(0)} ms with every word checked (the word cache cold too).`);
  typing(' (proofing on)');
}

/**
 * Typing in a long report: after each one-character edit (an insertion, then its deletion,
 * at positions spread over the body), the time to fresh diagnostics: parse of the new
 * version reusing the previous one, model, rules and conversion to LSP diagnostics. The
 * editor's debounce comes on top and is not counted.
 */
function typing(label = ''): void {
  const base = generateReport(300_000, SEED);
  const bodyStart = base.indexOf('# Sammanfattning');
  let doc = parseAuditDocument(base);
  let text = base;
  const samples: number[] = [];
  // Processor time too: on a shared machine the wall time includes waiting for a core.
  const cpuSamples: number[] = [];
  let seed = 7;
  for (let i = 0; i < 120; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const at = bodyStart + (seed % (base.length - bodyStart - 1));
    // Insert a letter, then delete it again on the next round, so the report stays the same size.
    const next = i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : base;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    doc = parseNextVersion(doc, next);
    runRules(doc).map((f) => toDiagnostic(doc, f, 'sv'));
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (i >= 10) {
      samples.push(ms);
      cpuSamples.push((c.user + c.system) / 1000);
    }
    text = next;
  }
  samples.sort((a, b) => a - b);
  const p95 = samples[Math.floor(samples.length * 0.95)];
  console.log('');
  cpuSamples.sort((a, b) => a - b);
  const cpuP95 = cpuSamples[Math.floor(cpuSamples.length * 0.95)];
  console.log(`Typing in the ${Math.round(base.length / 1000)} KB report${label}: fresh diagnostics after a one-character edit, median ${median(samples).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${samples.length} edits; debounce not counted); processor time median ${median(cpuSamples).toFixed(1)} ms, p95 ${cpuP95.toFixed(1)} ms.`);
}

/**
 * What a request right after a keystroke costs the server, in process: the next version's
 * model as the request reads it, then completion where the letter was typed or hover on a
 * footnote reference (alternately), in processor time; then the rules, as the validation
 * would run them before the next keystroke, counted apart. Edits as in `typing`, at prose
 * positions of the LSP benchmark.
 */
function requestCpu(): void {
  const base = generateReport(300_000, SEED);
  const prose = proseOffsets(base);
  const notes = [...base.matchAll(/\[\^[^\]\s]+\](?!:)/g)].map((m) => m.index + 2);
  let doc = parseAuditDocument(base);
  runRules(doc);
  let text = base;
  let seed = 7;
  const request: number[] = [];
  const rules: number[] = [];
  // The answer as the server gives it now: from the previous model when the keystroke allows
  // it (features/after-edit.ts), else from the parsed new version. Measured on the same edits.
  const served: number[] = [];
  let withoutParse = 0;
  let typed = -1;
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  for (let i = 0; i < 600; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const at = prose[seed % prose.length];
    const next = i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : base;
    const edit = i % 2 === 0 ? { start: at, end: at, text: 'x' } : { start: typed, end: typed + 1, text: '' };
    typed = i % 2 === 0 ? at : -1;
    const lines = doc.lines;
    const delta = edit.text.length - (edit.end - edit.start);
    // The position of an offset of the new text, from the old text's lines (no line break is typed).
    const positionOf = (offset: number) => {
      if (offset <= edit.start) return lines.positionAt(offset);
      const p = lines.positionAt(offset - delta);
      return p.line === lines.positionAt(edit.start).line ? { line: p.line, character: p.character + delta } : p;
    };
    const n = notes[seed % notes.length];
    const target = i % 4 < 2 ? (i % 2 === 0 ? at + 1 : at) : i % 2 === 0 && n >= at ? n + 1 : n;
    const f0 = cpu();
    const keystroke = proseEdit(doc, edit);
    const ctx0 = keystroke ? featureContext(doc) : null;
    const fast = keystroke && ctx0 ? (i % 4 < 2 ? completionsAfterEdit(ctx0, keystroke, positionOf(target)) : hoverAfterEdit(ctx0, keystroke, positionOf(target))) : undefined;
    const f1 = cpu();
    const c0 = cpu();
    doc = parseNextVersion(doc, next);
    const ctx = featureContext(doc);
    if (i % 4 < 2) completions(ctx, at);
    else {
      const n = notes[seed % notes.length];
      hover(ctx, i % 2 === 0 && n >= at ? n + 1 : n);
    }
    const c1 = cpu();
    runRules(doc);
    const c2 = cpu();
    if (i >= 50) {
      request.push(c1 - c0);
      rules.push(c2 - c1);
      served.push(fast !== undefined ? f1 - f0 : f1 - f0 + (c1 - c0));
      if (fast !== undefined) withoutParse++;
    }
    text = next;
  }
  const at = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)].toFixed(2);
  console.log(`Request right after a keystroke in the ${Math.round(base.length / 1000)} KB report, processor time: model and answer p50 ${at(request, 0.5)} ms, p95 ${at(request, 0.95)} ms; then the rules p50 ${at(rules, 0.5)} ms (${request.length} edits).`);
  console.log(`As the server answers (from the previous model when the keystroke allows, ${withoutParse} of ${served.length}): p50 ${at(served, 0.5)} ms, p95 ${at(served, 0.95)} ms.`);
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

/**
 * The hostile and very large inputs of issue 17 at full size, each in a process of its own
 * (so that one row's garbage and peak memory are its own): wall time of parse, model, rules
 * and diagnostics as the editor gets them, the peak memory of the process, the number of
 * diagnostics and the size of their message.
 */
const LARGE: { id: string; title: string; run: () => Promise<{ ms: number; cpuMs: number; count: number }> }[] = [
  ...HOSTILE.map((h) => ({ id: h.id, title: h.title, run: () => timed(() => h.make(1), (text) => lintDocument(parseAuditDocument(text)).length) })),
  { id: 'report-10mb', title: 'en rapport på 10 MB (lint)', run: () => timed(() => generateReport(10_000_000, SEED), (text) => lintDocument(parseAuditDocument(text)).length) },
  // The same report as a Windows editor sends it, every line ending `\r\n`.
  { id: 'report-10mb-crlf', title: 'rapporten på 10 MB med CRLF (lint)', run: () => timed(() => generateReport(10_000_000, SEED).replace(/\n/g, '\r\n'), (text) => lintDocument(parseAuditDocument(text)).length) },
  {
    id: 'word-10mb',
    title: 'Word-export av rapporten på 10 MB',
    // As `exportDocument` calls it: the writer lets go of the rendered tree as it writes.
    run: () => timed(() => parseAuditDocument(generateReport(10_000_000, SEED)), async (doc) => (await reportDocx(renderReport(doc), { release: true })).length),
  },
  {
    // What the preview and the HTML export cost the server for the same report: the renderer
    // and its serialization (the preview's markup alone, the export's whole page).
    id: 'html-10mb',
    title: 'HTML-export av rapporten på 10 MB',
    run: () => timed(() => parseAuditDocument(generateReport(10_000_000, SEED)), (doc) => reportHtmlDocument(renderReport(doc)).length),
  },
  {
    id: 'preview-10mb',
    title: 'förhandsvisning av rapporten på 10 MB',
    run: () => timed(() => parseAuditDocument(generateReport(10_000_000, SEED)), (doc) => reportFragment(renderReport(doc)).length),
  },
  {
    id: 'index-5000',
    title: 'arbetsyta med 5 000 rapporter, 59 MB (index)',
    // 5 000 different reports of about 12 KB on disk, indexed the way the language server does
    // it (one read per file, the byte scan, slices), so that the peak is the index's and not
    // that of 5 000 generated texts held at once.
    run: async () => {
      let folder = '';
      try {
        return await timed(
          () => (folder = writeArchive()),
          async (dir) => {
            const index = new WorkspaceIndex();
            const paths = fs.readdirSync(dir).map((name) => path.join(dir, name));
            await indexFiles(index, nodeFiles, paths, { uriOf: (file) => pathToFileURL(file).href, styleOf: () => ({ organs: DEFAULT_CONFIG.organs, style: DEFAULT_CONFIG.style }), skip: () => false });
            return [...index.all()].reduce((n, e) => n + e.decisions.length, 0);
          },
        );
      } finally {
        if (folder) fs.rmSync(folder, { recursive: true, force: true });
      }
    },
  },
];

/** 5 000 generated reports of about 12 KB in a new temporary folder, written one at a time. */
function writeArchive(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-archive-'));
  for (let i = 0; i < 5000; i++) fs.writeFileSync(path.join(dir, `r${i}.rev.md`), generateReport(12_000, i + 1));
  return dir;
}

/** Times `work` on what `prepare` made, leaving the generation out. */
async function timed<T>(prepare: () => T, work: (x: T) => number | Promise<number>): Promise<{ ms: number; cpuMs: number; count: number }> {
  const input = prepare();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const count = await work(input);
  const c = process.cpuUsage(c0);
  // CPU time (user and system) tells the work apart from waiting for a core on a shared machine.
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, count };
}

async function largeWorker(id: string): Promise<void> {
  const row = LARGE.find((r) => r.id === id)!;
  const { ms, cpuMs, count } = await row.run();
  process.stdout.write(JSON.stringify({ ms, cpuMs, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), count }));
}

function large(): void {
  console.log('');
  console.log('Hostile and very large inputs, full size, each in its own process (one run):');
  console.log('');
  console.log('| input | ms | CPU ms | peak MB | diagnostics / result |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of LARGE) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', process.argv[1], '--large', row.id], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 600_000 });
    if (r.status !== 0) {
      console.log(`| ${row.title} | failed (${r.signal ?? r.status}) | | | |`);
      continue;
    }
    const x = JSON.parse(r.stdout) as { ms: number; cpuMs: number; maxRssMb: number; count: number };
    console.log(`| ${row.title} | ${x.ms.toFixed(0)} | ${x.cpuMs.toFixed(0)} | ${x.maxRssMb} | ${x.count} |`);
  }
}

/**
 * Five hovers in a report while the worst hostile document is linted, and while the 10 MB
 * report is, against the same with the report alone (dist/server.js); and how long each
 * large document took from opening to its first diagnostics.
 */
/** Flags for the servers of `--large-hover`, e.g. `--profile DIR` to write a CPU profile per server. */
function hoverNodeArgs(): string[] {
  const at = process.argv.indexOf('--profile');
  const dir = at > 0 ? process.argv[at + 1] : undefined;
  return dir ? profileArgs(dir) : [];
}

async function largeHover(): Promise<void> {
  // `--large-hover edited` measures only the hovers while the 10 MB report is typed into.
  const onlyEdited = process.argv[3] === 'edited';
  const show = (runs: number[][]) => runs.map((t) => t.map((x) => x.toFixed(0)).join(', ') + ' ms').join('; ');
  for (const [name, text] of [
    ['the 1 MB document with many errors', HOSTILE.find((h) => h.id === 'many-diagnostics')!.make(1)],
    ['the 10 MB report', generateReport(10_000_000, SEED)],
  ] as const) {
    if (onlyEdited) break;
    const { withLarge, alone, diagnosticsMs } = await hoverWhileLarge(repositoryRoot(), text, 3, hoverNodeArgs());
    console.log('');
    console.log(`Five hovers in a 60 KB report right after opening ${name} (one line per server process):`);
    console.log(`  while it is linted: ${show(withLarge)}`);
    console.log(`  report alone:       ${show(alone)}`);
    console.log(`  its first diagnostics after: ${diagnosticsMs.map((x) => x.toFixed(0)).join(', ')} ms`);
  }
  const edited = await hoverWhileLargeEdited(repositoryRoot(), generateReport(10_000_000, SEED), 6, hoverNodeArgs());
  const sorted = [...edited].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  console.log('');
  console.log(`${edited.length} hovers in a 60 KB report, every 5 ms, while one letter at a time is typed into the 10 MB report:`);
  console.log(`  median ${at(0.5)} ms, p95 ${at(0.95)} ms, longest ${at(1)} ms`);
}

const args = process.argv.slice(2);
if (args[0] === '--worker') worker(args[1] as Tool, Number(args[2]), Number(args[3]));
else if (args[0] === '--typing') typing();
else if (args[0] === '--request-cpu') requestCpu();
else if (args[0] === '--dictionary-memory') void dictionaryMemory();
else if (args[0] === '--spelling') void (async () => { typing(' (proofing off)'); await spelling(); })();
else if (args[0] === '--render') void rendering();
else if (args[0] === '--year') year();
else if (args[0] === '--large' && args[1]) void largeWorker(args[1]);
else if (args[0] === '--large') void (async () => { large(); await largeHover(); })();
else if (args[0] === '--large-hover') void largeHover();
else if (args[0] === '--lsp') void lspMain(args.slice(1)).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
else void main().then(async () => { large(); await largeHover(); });
