import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { lint as markdownlint } from 'markdownlint/sync';
import { lintText } from '../server/src/lint/lint.js';
import { generateReport } from './generate.js';

/**
 * `npm run bench`: times a full Granska lint (parse + model + every rule) of generated
 * reports against markdownlint's lint of the same text (default rules), in one process
 * and one run, and prints both and their ratio. Medians of several runs after warm-up.
 */

const SIZES: { name: string; bytes: number; runs: number }[] = [
  { name: '10 KB', bytes: 10_000, runs: 30 },
  { name: '60 KB', bytes: 60_000, runs: 20 },
  { name: '300 KB', bytes: 300_000, runs: 12 },
  { name: '3 MB', bytes: 3_000_000, runs: 4 },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 2; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export function runBench(): { name: string; bytes: number; granska: number; markdownlint: number; ratio: number; diagnostics: number }[] {
  const rows = [];
  for (const size of SIZES) {
    const text = generateReport(size.bytes, 42);
    const diagnostics = lintText(text).length;
    // Alternate the two so that drift in machine load affects both alike.
    const g: number[] = [];
    const m: number[] = [];
    for (let round = 0; round < 2; round++) {
      g.push(time(() => lintText(text), Math.ceil(size.runs / 2)));
      m.push(time(() => markdownlint({ strings: { report: text } }), Math.ceil(size.runs / 2)));
    }
    const granska = median(g);
    const ml = median(m);
    rows.push({ name: size.name, bytes: text.length, granska, markdownlint: ml, ratio: granska / ml, diagnostics });
  }
  return rows;
}

const rows = runBench();
console.log(`Granska ${typeof GRANSKA_VERSION === 'string' ? GRANSKA_VERSION : ''} — full lint vs markdownlint, same text, same run (median ms)`);
console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${process.version}`);
console.log('');
console.log('| report | bytes | granska lint | markdownlint | ratio | diagnostics |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.bytes} | ${r.granska.toFixed(1)} | ${r.markdownlint.toFixed(1)} | ${r.ratio.toFixed(2)}× | ${r.diagnostics} |`);
}

declare const GRANSKA_VERSION: string;
