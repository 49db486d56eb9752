import assert from 'node:assert/strict';
import { DEFAULT_OPTIONS, formatLspTable, percentile, proseOffsets, runLspBench } from '../bench/lsp.ts';
import { generateReport } from '../bench/generate.ts';
import { ROOT } from './helpers/lint.ts';

/**
 * A smoke test of the LSP benchmark on tiny inputs: it must drive the real server through
 * every row and produce a figure for each. No time is asserted; budgets belong to `npm run bench`.
 */
describe('LSP benchmark (bench/lsp.ts)', () => {
  it('types only in prose: never in frontmatter, headings, tables, lists or footnote labels', () => {
    const text = generateReport(12_000, 3);
    const offsets = proseOffsets(text);
    assert.ok(offsets.length > 1000);
    const frontmatterEnd = text.indexOf('\n---\n') + 5;
    for (const at of offsets) {
      assert.ok(at >= frontmatterEnd, `offset ${at} is in the frontmatter`);
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const line = text.slice(lineStart, text.indexOf('\n', at) === -1 ? undefined : text.indexOf('\n', at));
      assert.doesNotMatch(line, /^(#|\||- |\[\^)/, `offset ${at} is on «${line.slice(0, 40)}»`);
      // Not inside a footnote reference: a letter there would change or break its label.
      for (const m of line.matchAll(/\[\^[^\]]*\]/g)) {
        const start = lineStart + m.index;
        assert.ok(at <= start || at >= start + m[0].length, `offset ${at} is in the footnote label ${m[0]}`);
      }
    }
  });

  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 20 }, (_, i) => 20 - i);
    assert.equal(percentile(xs, 0.5), 10);
    assert.equal(percentile(xs, 0.95), 19);
    assert.equal(percentile([7], 0.95), 7);
  });

  it('measures every row of the table through the real server', async () => {
    const result = await runLspBench({
      ...DEFAULT_OPTIONS,
      root: ROOT,
      processes: 1,
      edits: 6,
      requests: 4,
      largeBytes: 20_000,
      smallBytes: 8_000,
      workspaceFiles: 3,
      workspaceBytes: 8_000,
      lintFiles: 2,
      lintBytes: 8_000,
      lintRuns: 1,
      log: () => undefined,
    });
    const figures = [
      result.typing?.p50.median, result.typing?.p95.median, result.typing?.max.median, result.typing?.cpuPerEdit.median,
      result.completion?.p95.median, result.hover?.p95.median,
      result.start?.median, result.openSmall?.median, result.openLarge?.median,
      result.memory?.rssOpen.median, result.memory?.hwm.median,
      result.workspace?.ready.median, result.workspace?.rss.median,
      result.cli?.granska.median, result.cli?.markdownlint.median, result.cli?.ratio.median,
    ];
    for (const [i, f] of figures.entries()) assert.ok(typeof f === 'number' && Number.isFinite(f) && f >= 0, `figure ${i} is ${f}`);
    assert.ok(result.memory!.hwm.median >= result.memory!.rssOpen.median);
    const table = formatLspTable(result, { processes: 1, edits: 6, requests: 4, lintRuns: 1, transport: 'stdio' });
    for (const row of ['one-character edit', 'completion right after', 'hover right after', 'start to `initialize`', 'first diagnostics', 'server memory', 'workspace of 3 reports', '`granska lint` of 2 reports']) {
      assert.ok(table.includes(row), `the table has no row «${row}»:\n${table}`);
    }
  });

  it('measures the editor rows over node IPC too, as the VS Code client starts the server', async () => {
    const result = await runLspBench({
      ...DEFAULT_OPTIONS,
      root: ROOT,
      transport: 'ipc',
      processes: 1,
      edits: 6,
      requests: 4,
      largeBytes: 20_000,
      smallBytes: 8_000,
      rows: new Set(['typing', 'requests', 'start', 'open', 'memory']),
      log: () => undefined,
    });
    const figures = [result.typing?.p50.median, result.completion?.p95.median, result.hover?.p95.median, result.start?.median, result.openSmall?.median, result.memory?.rssOpen.median];
    for (const [i, f] of figures.entries()) assert.ok(typeof f === 'number' && Number.isFinite(f) && f >= 0, `figure ${i} is ${f}`);
    assert.match(formatLspTable(result, { processes: 1, edits: 6, requests: 4, lintRuns: 1, transport: 'ipc' }), /--node-ipc/);
  });
});
