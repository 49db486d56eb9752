import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_NODE_FLAGS } from '../client/src/server-flags.js';
import { generateReport } from './generate.js';

/**
 * The LSP benchmark of issue 14: every row of the issue's table measured through the real
 * server (`dist/server.js --stdio`) the way an editor drives it, with the client's settings
 * answered through `workspace/configuration` and `debounceMs: 0`, so that what is measured
 * is the server's own work and not the editor's debounce.
 *
 * Each server row is measured in several fresh server processes; the table shows the median
 * over the processes and the spread (smallest and largest). The command-line row runs
 * `granska lint` and markdownlint-cli2 alternately on the same folder in the same run.
 *
 * It only observes the server from outside (requests, notifications and `/proc`), so it
 * runs unchanged whatever the server does inside: new rules, profiles, spelling or a
 * register only change the figures.
 */

export interface LspBenchOptions {
  /** The repository root: `dist/server.js`, `dist/cli.js` and node_modules are found from it. */
  root: string;
  /** Server processes per row (the median and spread are taken over them). */
  processes: number;
  /** Row 1: one-character edits per process, each waited for. */
  edits: number;
  /** Row 2: completion and hover requests per process (half each), each right after an edit. */
  requests: number;
  /**
   * The generator's targets for the large report (rows 1, 2, 5) and the small one (row 4).
   * 300 000 gives the issue's «314 KB» report (320 835 characters, 314 KiB) and 61 000 a
   * report of 66 KiB, the nearest the generator comes to 64 KB (it adds whole kontrollmål).
   */
  largeBytes: number;
  smallBytes: number;
  /** Row 6: the workspace's reports and their average size. */
  workspaceFiles: number;
  workspaceBytes: number;
  /** Row 7: the folder's reports, their size, and the whole-process runs of each linter. */
  lintFiles: number;
  lintBytes: number;
  lintRuns: number;
  /** Extra arguments for node when it starts the server (e.g. `--cpu-prof`). */
  nodeArgs: string[];
  /** How the editor speaks to the server: stdio (Neovim, Emacs, …) or node IPC (VS Code's client). */
  transport: Transport;
  seed: number;
  /** Which rows to run; all by default. */
  rows?: Set<Row>;
  /** Progress lines (to stderr by default, so stdout holds only the table). */
  log?: (line: string) => void;
}

export type Transport = 'stdio' | 'ipc';

export type Row = 'typing' | 'requests' | 'start' | 'open' | 'memory' | 'workspace' | 'cli';

export const DEFAULT_OPTIONS: Omit<LspBenchOptions, 'root'> = {
  processes: 3,
  edits: 200,
  requests: 80,
  largeBytes: 300_000,
  smallBytes: 61_000,
  workspaceFiles: 500,
  workspaceBytes: 60_000,
  lintFiles: 200,
  lintBytes: 60_000,
  lintRuns: 3,
  nodeArgs: [],
  transport: 'stdio',
  seed: 42,
};

/** A statistic over processes: the median and the smallest and largest value. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Every process's value, in the order measured. */
  values: number[];
}

export interface LspBenchResult {
  machine: { cpu: string; cores: number; node: string; memGiB: number };
  /** Sizes in characters (UTF-16 code units), as the generator and the issue count them. */
  sizes: { large: number; small: number; workspace: number; workspaceFiles: number; lint: number; lintFiles: number };
  typing?: { p50: Spread; p95: Spread; max: Spread; edits: number; cpuPerEdit: Spread };
  completion?: { p50: Spread; p95: Spread; max: Spread };
  hover?: { p50: Spread; p95: Spread; max: Spread };
  start?: Spread;
  startCpu?: Spread;
  openSmall?: Spread;
  openSmallCpu?: Spread;
  openLarge?: Spread;
  memory?: { rssOpen: Spread; rssAfterEdits: Spread; hwm: Spread };
  /** `cpu`: the server's CPU time from `initialized` until the index was ready (polls included). */
  workspace?: { ready: Spread; cpu: Spread; rss: Spread; hwm: Spread };
  cli?: { granska: Spread; markdownlint: Spread; ratio: Spread; granskaCpu: Spread; markdownlintCpu: Spread; cpuRatio: Spread; granskaCores: Spread; markdownlintCores: Spread; cores: number };
}

// ---------------------------------------------------------------------------------------
// Statistics

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least p of the samples at or below it.
  const rank = Math.min(s.length, Math.max(1, Math.ceil(p * s.length)));
  return s[rank - 1];
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function spread(values: number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), values };
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// ---------------------------------------------------------------------------------------
// Where to type: prose only

/**
 * Offsets in running prose where a one-character edit is an auditor typing a sentence: on
 * paragraph lines outside the frontmatter, not in headings, tables, lists, footnote
 * definitions or fences, and never inside a footnote reference such as `[^12]`.
 */
export function proseOffsets(text: string): number[] {
  const out: number[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let inFrontmatter = lines[0]?.trim() === '---';
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const start = offset;
    offset += line.length + 1;
    if (inFrontmatter) {
      if (i > 0 && line.trim() === '---') inFrontmatter = false;
      continue;
    }
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence || line.trim() === '' || /^\s*([#|>*+-]|\d+[.)]\s|\[\^|<)/.test(line)) continue;
    // Positions inside `[^label]` (after its `[`, up to its `]`) are footnote labels, not prose:
    // a letter there would change or break the reference.
    const blocked = new Uint8Array(line.length + 1);
    for (const m of line.matchAll(/\[\^[^\]\n]*\]/g)) blocked.fill(1, m.index + 1, m.index + m[0].length);
    for (let c = 0; c < line.length; c++) if (!blocked[c]) out.push(start + c);
  }
  return out;
}

/** Offsets of footnote references in prose: hover there says what the footnote holds. */
function footnoteReferenceOffsets(text: string): number[] {
  const prose = new Set(proseOffsets(text));
  const out: number[] = [];
  for (const m of text.matchAll(/\[\^[^\]\n]+\]/g)) if (prose.has(m.index - 1) || text[m.index - 1] === '.') out.push(m.index + 2);
  return out;
}

/** Where each line of a text starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The LSP position of an offset, from the text's line starts. */
function positionIn(starts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  // JavaScript strings count UTF-16 code units, which is what LSP positions count.
  return { line: lo, character: offset - starts[lo] };
}

// ---------------------------------------------------------------------------------------
// The client

/** Clock ticks per second of `/proc/<pid>/stat` times; 100 on every Linux this runs on, asked when possible. */
const CLOCK_TICKS = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(r.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

interface Published {
  version: number | undefined;
  at: number;
  count: number;
}

/** One server process and the editor's side of the conversation. */
class Server {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly spawnedAt: number;
  private readonly waiting = new Map<string, { version: number | null; resolve: (p: Published) => void }>();
  private readonly last = new Map<string, Published>();
  private exited = false;

  constructor(root: string, nodeArgs: string[], cwd: string, transport: Transport = 'stdio') {
    this.spawnedAt = performance.now();
    // Started as the editor starts it (its node flags first); `--node-args` come after and win.
    // Over IPC as VS Code's client starts it (`TransportKind.ipc`: `--node-ipc`, an IPC channel).
    const script = [...SERVER_NODE_FLAGS, ...nodeArgs, path.join(root, 'dist', 'server.js')];
    if (transport === 'ipc') {
      this.process = spawn(process.execPath, [...script, '--node-ipc'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], cwd });
      this.connection = createMessageConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process));
    } else {
      this.process = spawn(process.execPath, [...script, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], cwd });
      this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    }
    this.process.once('exit', () => {
      this.exited = true;
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const published: Published = { version: p.version, at: performance.now(), count: p.diagnostics.length };
      this.last.set(p.uri, published);
      const w = this.waiting.get(p.uri);
      if (w && (w.version === null || w.version === p.version)) {
        this.waiting.delete(p.uri);
        w.resolve(published);
      }
    });
    // Settings as the editor gives them, with no debounce: the figures are the server's own work.
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((i) => (i.section === 'granska' ? { validate: 'onType', debounceMs: 0, locale: 'sv' } : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid!;
  }

  /** Sends `initialize` and resolves with the time since the process was spawned. */
  async initialize(rootDir: string | null): Promise<number> {
    const rootUri = rootDir ? pathToFileURL(rootDir).href : null;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: path.basename(rootDir!) }] : null,
      locale: 'sv',
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, symbol: {} },
        textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
    });
    return performance.now() - this.spawnedAt;
  }

  async initialized(): Promise<void> {
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves when diagnostics for `uri` are published (for `version`, or any when null). */
  diagnostics(uri: string, version: number | null, timeoutMs = 60_000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(uri);
        reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(uri, {
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async open(uri: string, text: string): Promise<number> {
    const published = this.diagnostics(uri, 1);
    const t0 = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'granska', version: 1, text } });
    return (await published).at - t0;
  }

  async close(uri: string): Promise<void> {
    // The server answers a close with empty diagnostics; wait for them so nothing is in flight.
    const cleared = this.diagnostics(uri, null);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  }

  change(uri: string, version: number, at: { line: number; character: number }, removed: number, text: string): Promise<void> {
    const range = { start: at, end: { line: at.line, character: at.character + removed } };
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** VmRSS and VmHWM of the server process in MiB. */
  memory(): { rss: number; hwm: number } {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  }

  /**
   * CPU time (user and system) the server process has used so far, in ms. On a shared
   * machine wall times include waiting for a core; CPU time is the server's own work.
   */
  cpu(): number {
    const stat = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at the state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  }

  /** Shuts the server down the way an editor does, so a `--cpu-prof` profile gets written. */
  async stop(): Promise<void> {
    if (!this.exited) {
      const exit = new Promise<void>((resolve) => (this.exited ? resolve() : this.process.once('exit', () => resolve())));
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        this.process.kill();
      }
      const timer = setTimeout(() => this.process.kill(), 10_000);
      await exit;
      clearTimeout(timer);
    }
    this.connection.dispose();
  }
}

// ---------------------------------------------------------------------------------------
// The rows

interface EditorRun {
  start: number;
  /** Server CPU ms until `initialize` was answered, and for the small report's first diagnostics. */
  startCpu: number;
  openSmall: number;
  openSmallCpu: number;
  openLarge: number;
  rssOpen: number;
  rssAfterEdits: number;
  hwm: number;
  typing: number[];
  /** Server CPU ms per edit over the typing phase. */
  typingCpu: number;
  completion: number[];
  hover: number[];
}

/**
 * One server process the way an auditor uses it: start, open the small report and close it,
 * open the large one, then type in it (rows 1 and 2) and read the memory (row 5).
 */
async function editorRun(o: LspBenchOptions, texts: { small: string; large: string }, dir: string, runIndex: number): Promise<EditorRun> {
  const server = new Server(o.root, o.nodeArgs, dir, o.transport);
  try {
    const start = await server.initialize(dir);
    const startCpu = server.cpu();
    await server.initialized();
    const rows = o.rows;
    const want = (r: Row) => !rows || rows.has(r);
    // Only the start row wanted (e.g. to profile the start alone): nothing else runs.
    if (!(['typing', 'requests', 'open', 'memory'] as Row[]).some(want)) {
      return { start, startCpu, openSmall: NaN, openSmallCpu: NaN, openLarge: NaN, rssOpen: NaN, rssAfterEdits: NaN, hwm: NaN, typing: [], typingCpu: NaN, completion: [], hover: [] };
    }
    const smallUri = pathToFileURL(path.join(dir, 'liten.rev.md')).href;
    const largeUri = pathToFileURL(path.join(dir, 'stor.rev.md')).href;
    const cpuBeforeOpen = server.cpu();
    const openSmall = await server.open(smallUri, texts.small);
    const openSmallCpu = server.cpu() - cpuBeforeOpen;
    await server.close(smallUri);
    const openLarge = await server.open(largeUri, texts.large);
    const rssOpen = server.memory().rss;
    let version = 1;
    const base = texts.large;
    const rand = rng(o.seed * 7919 + runIndex);
    const prose = proseOffsets(base);
    if (prose.length === 0) throw new Error('the generated report has no prose to type in');
    // Positions come from the base text's line starts: building each version's text and
    // scanning it, as the bench did, made the client itself collect garbage and so delay the
    // messages it timed.
    const lines = lineStarts(base);

    /**
     * One keystroke: alternately a letter typed at a random prose position of the base text
     * and that letter deleted again, so the document stays the base text every other
     * version and every edit falls in prose.
     */
    let typedAt = -1;
    /** The position in the current version of an offset in the base text (after a typed letter, one further on its line). */
    const positionNow = (offset: number): { line: number; character: number } => {
      const p = positionIn(lines, offset);
      if (typedAt >= 0 && offset >= typedAt && positionIn(lines, typedAt).line === p.line) p.character += 1;
      return p;
    };
    const keystroke = async (): Promise<{ sent: number; published: Promise<Published>; at: { line: number; character: number } }> => {
      version++;
      const uri = largeUri;
      let sent: number;
      const published = server.diagnostics(uri, version);
      let at: { line: number; character: number };
      if (typedAt < 0) {
        typedAt = prose[Math.floor(rand() * prose.length)];
        const pos = positionIn(lines, typedAt);
        at = { line: pos.line, character: pos.character + 1 };
        sent = performance.now();
        await server.change(uri, version, pos, 0, 'e');
      } else {
        at = positionIn(lines, typedAt);
        typedAt = -1;
        sent = performance.now();
        await server.change(uri, version, at, 1, '');
      }
      return { sent, published, at };
    };

    const typing: number[] = [];
    let typingCpu = NaN;
    if (want('typing')) {
      const cpu0 = server.cpu();
      for (let i = 0; i < o.edits; i++) {
        const k = await keystroke();
        typing.push((await k.published).at - k.sent);
      }
      typingCpu = (server.cpu() - cpu0) / o.edits;
    }

    // Row 2: a request sent right after the edit, before its diagnostics can have arrived.
    const completion: number[] = [];
    const hover: number[] = [];
    if (want('requests')) {
      const footnotes = footnoteReferenceOffsets(base);
      for (let i = 0; i < o.requests; i++) {
        const k = await keystroke();
        // The position is computed before the clock starts: the figure is the server's answer.
        if (i % 2 === 0) {
          // Completion where the auditor is typing.
          const params = { textDocument: { uri: largeUri }, position: k.at };
          const t0 = performance.now();
          await server.connection.sendRequest('textDocument/completion', params);
          completion.push(performance.now() - t0);
        } else {
          // Hover over a footnote reference elsewhere in the report (its decision), when there is one.
          const target = footnotes.length > 0 ? footnotes[Math.floor(rand() * footnotes.length)] : null;
          const params = { textDocument: { uri: largeUri }, position: target === null ? k.at : positionNow(target) };
          const t0 = performance.now();
          await server.connection.sendRequest('textDocument/hover', params);
          hover.push(performance.now() - t0);
        }
        await k.published;
      }
    }
    const mem = server.memory();
    return { start, startCpu, openSmall, openSmallCpu, openLarge, rssOpen, rssAfterEdits: mem.rss, hwm: mem.hwm, typing, typingCpu, completion, hover };
  } finally {
    await server.stop();
  }
}

const POLL_MS = 100;

/** Row 6: a workspace of many reports; from `initialized` until `workspace/symbol` knows them all. */
async function workspaceRun(o: LspBenchOptions, dir: string, uris: Set<string>): Promise<{ ready: number; cpu: number; rss: number; hwm: number }> {
  const server = new Server(o.root, o.nodeArgs, dir, o.transport);
  try {
    await server.initialize(dir);
    const t0 = performance.now();
    await server.initialized();
    // Every generated report has exactly one heading that matches this query.
    const query = 'sammanfattningochrevisionellbedömning';
    const deadline = t0 + 120_000;
    // Each poll makes the server match the query against every indexed heading: polled every
    // 10 ms that was a third of its CPU time, so poll every 100 ms (the figure is that coarse).
    const cpu0 = server.cpu();
    for (;;) {
      const symbols = (await server.connection.sendRequest('workspace/symbol', { query })) as { name: string; location: { uri: string } }[] | null;
      const seen = new Set<string>();
      for (const s of symbols ?? []) if (/^Sammanfattning och revisionell bedömning/.test(s.name) && uris.has(s.location.uri)) seen.add(s.location.uri);
      if (seen.size >= uris.size) break;
      if (performance.now() > deadline) throw new Error(`the index knew ${seen.size} of ${uris.size} reports after 120 s`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const ready = performance.now() - t0;
    const cpu = server.cpu() - cpu0;
    const mem = server.memory();
    return { ready, cpu, ...mem };
  } finally {
    await server.stop();
  }
}

/** Runs a command once, its output discarded; wall time and the CPU time of it and its children. */
function timeProcess(command: string[], cwd: string): { wall: number; cpu: number; status: number | null } {
  // `times` prints the user and system time of the shell's finished children on its second line.
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1; s=$?; times; exit $s', 'bash', ...command], { cwd, encoding: 'utf8' });
  const wall = performance.now() - t0;
  const line = r.stdout.trim().split('\n')[1] ?? '';
  const secs = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { wall, cpu: (secs[0] ?? NaN) * 1000 + (secs[1] ?? NaN) * 1000, status: r.status };
}

function markdownlintCli2(root: string): string | null {
  const bin = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  return fs.existsSync(bin) ? bin : null;
}

/** Row 7: `granska lint DIR` against markdownlint-cli2 on the same folder, alternately, whole process. */
function cliRows(o: LspBenchOptions, dir: string): NonNullable<LspBenchResult['cli']> {
  const ml = markdownlintCli2(o.root);
  if (!ml) throw new Error('markdownlint-cli2 is not installed (npm ci installs it as a devDependency)');
  // markdownlint-cli2 lints what its configuration's globs name, relative to where it runs.
  fs.writeFileSync(path.join(dir, '.markdownlint-cli2.jsonc'), JSON.stringify({ globs: ['**/*.md'] }));
  const granska = [process.execPath, path.join(o.root, 'dist', 'cli.js'), 'lint', '.'];
  const markdownlint = [process.execPath, ml];
  const g: { wall: number; cpu: number }[] = [];
  const m: { wall: number; cpu: number }[] = [];
  // The reports were just written, so both read them from the page cache.
  for (let i = 0; i < o.lintRuns; i++) {
    for (const [cmd, into, name] of [[granska, g, 'granska'], [markdownlint, m, 'markdownlint-cli2']] as const) {
      const r = timeProcess(cmd, dir);
      // Exit status 1 means findings; anything else is a failure to measure.
      if (r.status !== 0 && r.status !== 1) throw new Error(`${name} exited with ${r.status}`);
      into.push(r);
    }
  }
  const cores = os.cpus().length;
  return {
    granska: spread(g.map((x) => x.wall)),
    markdownlint: spread(m.map((x) => x.wall)),
    ratio: spread(g.map((x, i) => x.wall / m[i].wall)),
    granskaCpu: spread(g.map((x) => x.cpu)),
    markdownlintCpu: spread(m.map((x) => x.cpu)),
    cpuRatio: spread(g.map((x, i) => x.cpu / m[i].cpu)),
    granskaCores: spread(g.map((x) => x.cpu / x.wall)),
    markdownlintCores: spread(m.map((x) => x.cpu / x.wall)),
    cores,
  };
}

/** Writes `count` generated reports into `dir`, sizes spread around `bytes`, each with its own seed. */
function writeReports(dir: string, count: number, bytes: number, seed: number): number {
  fs.mkdirSync(dir, { recursive: true });
  let total = 0;
  for (let i = 0; i < count; i++) {
    // Between half and one and a half of the average, so the archive is not all one size.
    const size = Math.round(bytes * (0.5 + ((i * 37) % 101) / 100));
    const text = generateReport(size, seed + i);
    total += text.length;
    fs.writeFileSync(path.join(dir, `rapport-${String(i + 1).padStart(3, '0')}.rev.md`), text);
  }
  return total;
}

export async function runLspBench(o: LspBenchOptions): Promise<LspBenchResult> {
  const log = o.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const want = (r: Row) => !o.rows || o.rows.has(r);
  if (!fs.existsSync(path.join(o.root, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run npm run build first');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-lsp-bench-'));
  const cpus = os.cpus();
  const small = generateReport(o.smallBytes, o.seed);
  const large = generateReport(o.largeBytes, o.seed);
  const result: LspBenchResult = {
    machine: { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, node: process.version, memGiB: Math.round(os.totalmem() / 2 ** 30) },
    sizes: { large: large.length, small: small.length, workspace: 0, workspaceFiles: o.workspaceFiles, lint: 0, lintFiles: o.lintFiles },
  };
  try {
    if (['typing', 'requests', 'start', 'open', 'memory'].some((r) => want(r as Row))) {
      const editorDir = path.join(tmp, 'editor');
      fs.mkdirSync(editorDir);
      const runs: EditorRun[] = [];
      for (let i = 0; i < o.processes; i++) {
        log(`lsp bench: editor process ${i + 1}/${o.processes}`);
        runs.push(await editorRun(o, { small, large }, editorDir, i));
      }
      const over = (f: (r: EditorRun) => number) => spread(runs.map(f));
      if (want('typing')) result.typing = { p50: over((r) => percentile(r.typing, 0.5)), p95: over((r) => percentile(r.typing, 0.95)), max: over((r) => Math.max(...r.typing)), edits: o.edits, cpuPerEdit: over((r) => r.typingCpu) };
      if (want('requests')) {
        result.completion = { p50: over((r) => percentile(r.completion, 0.5)), p95: over((r) => percentile(r.completion, 0.95)), max: over((r) => Math.max(...r.completion)) };
        result.hover = { p50: over((r) => percentile(r.hover, 0.5)), p95: over((r) => percentile(r.hover, 0.95)), max: over((r) => Math.max(...r.hover)) };
      }
      result.start = over((r) => r.start);
      result.startCpu = over((r) => r.startCpu);
      if (runs.some((r) => !Number.isNaN(r.openSmall))) {
        result.openSmall = over((r) => r.openSmall);
        result.openSmallCpu = over((r) => r.openSmallCpu);
        result.openLarge = over((r) => r.openLarge);
        result.memory = { rssOpen: over((r) => r.rssOpen), rssAfterEdits: over((r) => r.rssAfterEdits), hwm: over((r) => r.hwm) };
      }
    }
    if (want('workspace')) {
      const dir = path.join(tmp, 'arkiv');
      result.sizes.workspace = writeReports(dir, o.workspaceFiles, o.workspaceBytes, o.seed * 1000);
      const uris = new Set(fs.readdirSync(dir).map((f) => pathToFileURL(path.join(dir, f)).href));
      const runs: { ready: number; cpu: number; rss: number; hwm: number }[] = [];
      for (let i = 0; i < o.processes; i++) {
        log(`lsp bench: workspace process ${i + 1}/${o.processes}`);
        runs.push(await workspaceRun(o, dir, uris));
      }
      result.workspace = { ready: spread(runs.map((r) => r.ready)), cpu: spread(runs.map((r) => r.cpu)), rss: spread(runs.map((r) => r.rss)), hwm: spread(runs.map((r) => r.hwm)) };
    }
    if (want('cli')) {
      const dir = path.join(tmp, 'mapp');
      result.sizes.lint = writeReports(dir, o.lintFiles, o.lintBytes, o.seed * 2000);
      log(`lsp bench: granska lint and markdownlint-cli2, ${o.lintRuns} runs each`);
      result.cli = cliRows(o, dir);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// The table

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`);
const mib = (x: number) => `${x.toFixed(0)} MiB`;
const times = (x: number) => `${x.toFixed(2)}×`;
/** A median with its spread over processes, e.g. `24 ms (21–30)`. */
function fmt(s: Spread, unit: (x: number) => string): string {
  if (s.values.length < 2) return unit(s.median);
  return `${unit(s.median)} (${unit(s.min).replace(/ .*/, '')}–${unit(s.max)})`;
}

/** The issue's table with the measured figures beside the targets, as Markdown. */
export function formatLspTable(r: LspBenchResult, o: Pick<LspBenchOptions, 'processes' | 'edits' | 'requests' | 'lintRuns' | 'transport'>): string {
  const kb = (chars: number) => `${Math.round(chars / 1024)} KiB`;
  const lines: string[] = [];
  lines.push(`LSP benchmark (issue 14): node ${SERVER_NODE_FLAGS.join(' ')} dist/server.js ${o.transport === 'ipc' ? '--node-ipc' : '--stdio'} (as the editor starts it), debounceMs 0; ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memGiB} GiB, Node ${r.machine.node}`);
  lines.push(`Median over ${o.processes} server processes, spread (min–max) in brackets. Reports: ${kb(r.sizes.large)} and ${kb(r.sizes.small)}.`);
  lines.push('');
  lines.push('| what | target | measured |');
  lines.push('| --- | --- | --- |');
  if (r.typing) lines.push(`| one-character edit → fresh diagnostics (${r.typing.edits} edits) | p50 ≤ 8 ms, p95 ≤ 16 ms | p50 ${fmt(r.typing.p50, ms)}, p95 ${fmt(r.typing.p95, ms)}, max ${fmt(r.typing.max, ms)}; server CPU ${fmt(r.typing.cpuPerEdit, ms)} per edit |`);
  if (r.completion && r.hover) {
    lines.push(`| completion right after an edit (${Math.ceil(o.requests / 2)} requests) | p95 ≤ 5 ms | p50 ${fmt(r.completion.p50, ms)}, p95 ${fmt(r.completion.p95, ms)} |`);
    lines.push(`| hover right after an edit (${Math.floor(o.requests / 2)} requests) | p95 ≤ 5 ms | p50 ${fmt(r.hover.p50, ms)}, p95 ${fmt(r.hover.p95, ms)} |`);
  }
  if (r.start) lines.push(`| start to \`initialize\` answered | ≤ 120 ms | ${fmt(r.start, ms)}; server CPU ${fmt(r.startCpu!, ms)} |`);
  if (r.openSmall) lines.push(`| first diagnostics, ${kb(r.sizes.small)} report | ≤ 150 ms | ${fmt(r.openSmall, ms)}; server CPU ${fmt(r.openSmallCpu!, ms)} |`);
  if (r.openLarge) lines.push(`| first diagnostics, ${kb(r.sizes.large)} report (after the small one) | — | ${fmt(r.openLarge, ms)} |`);
  if (r.memory) lines.push(`| server memory with the ${kb(r.sizes.large)} report open | ≤ 100 MiB | VmRSS ${fmt(r.memory.rssOpen, mib)} after open, ${fmt(r.memory.rssAfterEdits, mib)} after the edits; VmHWM ${fmt(r.memory.hwm, mib)} |`);
  if (r.workspace) lines.push(`| workspace of ${r.sizes.workspaceFiles} reports (${(r.sizes.workspace / 1e6).toFixed(0)} MB): index ready / memory | ≤ 1.5 s / ≤ 150 MiB | ${fmt(r.workspace.ready, ms)} (polled every ${POLL_MS} ms; server CPU ${fmt(r.workspace.cpu, ms)}) / VmRSS ${fmt(r.workspace.rss, mib)}, VmHWM ${fmt(r.workspace.hwm, mib)} |`);
  if (r.cli) {
    const c = r.cli;
    lines.push(`| \`granska lint\` of ${r.sizes.lintFiles} reports (${(r.sizes.lint / 1e6).toFixed(1)} MB), whole process (${o.lintRuns} runs) | ≤ 0.4× markdownlint-cli2, all ${c.cores} cores busy | ${fmt(c.granska, ms)} vs markdownlint-cli2 ${fmt(c.markdownlint, ms)}: **${fmt(c.ratio, times)}**; cores busy ${c.granskaCores.median.toFixed(2)} of ${c.cores} (markdownlint-cli2 ${c.markdownlintCores.median.toFixed(2)}); CPU time ${fmt(c.granskaCpu, ms)} vs ${fmt(c.markdownlintCpu, ms)}: ${fmt(c.cpuRatio, times)} |`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------
// As a program: `node dist/bench.mjs --lsp [--quick] [--ipc] [--processes N] [--edits N] [--requests N] [--rows a,b] [--profile DIR]`

/** The repository root: the bench runs as `dist/bench.mjs`, so it is the folder above the script. */
export function repositoryRoot(): string {
  return path.resolve(path.dirname(process.argv[1]), '..');
}

/** Node flags with which each server process writes a CPU profile into `dir` when it exits. */
export function profileArgs(dir: string): string[] {
  return ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`, '--cpu-prof-interval=200'];
}

export async function lspMain(args: string[]): Promise<void> {
  const o: LspBenchOptions = { ...DEFAULT_OPTIONS, root: repositoryRoot() };
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (args.includes('--quick')) Object.assign(o, { processes: 2, edits: 60, requests: 30, workspaceFiles: 100, lintFiles: 40, lintRuns: 2 });
  if (value('--processes')) o.processes = Number(value('--processes'));
  if (value('--edits')) o.edits = Number(value('--edits'));
  // Row 6 at another size, e.g. a firm's archive: `--workspace-files 5000 --workspace-bytes 12000`.
  if (value('--workspace-files')) o.workspaceFiles = Number(value('--workspace-files'));
  if (value('--workspace-bytes')) o.workspaceBytes = Number(value('--workspace-bytes'));
  if (value('--requests')) o.requests = Number(value('--requests'));
  if (value('--rows')) o.rows = new Set(value('--rows')!.split(',') as Row[]);
  // `--ipc`: the server as VS Code's client starts it, over a node IPC channel instead of stdio.
  if (args.includes('--ipc')) o.transport = 'ipc';
  // Flags for the server's node after those the editor gives (client/src/server-flags.ts), e.g.
  // `--node-args "--max-semi-space-size=4"` to measure another heap setting.
  if (value('--node-args')) o.nodeArgs = value('--node-args')!.split(/\s+/).filter((a) => a !== '');
  const profile = value('--profile');
  if (profile) {
    fs.mkdirSync(profile, { recursive: true });
    o.nodeArgs = [...o.nodeArgs, ...profileArgs(profile)];
  }
  const result = await runLspBench(o);
  console.log(formatLspTable(result, o));
  if (args.includes('--json')) console.log(JSON.stringify(result));
  if (profile) console.log(`\n${summariseProfiles(path.resolve(profile))}`);
}

// ---------------------------------------------------------------------------------------
// Profiles

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where the server's CPU time went, from the `.cpuprofile` files of a folder (summed over
 * them): the functions with the most self time, and the self time per source module
 * (a package, or a file of ours), mapped through `dist/*.js.map` to the sources. Idle time
 * is left out of the shares.
 */
export function summariseProfiles(dir: string, top = 30): string {
  const maps = new Map<string, SourceMap | null>();
  const sourceMap = (url: string): SourceMap | null => {
    if (!maps.has(url)) {
      let map: SourceMap | null = null;
      try {
        const file = url.startsWith('file:') ? fileURLToPath(url) : url;
        if (file.endsWith('.js') && fs.existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
      } catch {
        map = null;
      }
      maps.set(url, map);
    }
    return maps.get(url)!;
  };
  /** A source path as a module: the package for node_modules, our file otherwise. */
  const moduleOf = (source: string): string => {
    const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
    if (pkg) return pkg[1];
    const ours = /(server|client|bench)\/src\/.*|bench\/.*/.exec(source);
    return ours ? ours[0] : source;
  };
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let busy = 0;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  for (const f of files) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CpuProfile;
    const keys = new Map<number, { fn: string; mod: string } | null>();
    for (const n of p.nodes) {
      const { functionName, url, lineNumber, columnNumber } = n.callFrame;
      if (functionName === '(idle)' || functionName === '(root)') {
        keys.set(n.id, null);
        continue;
      }
      // An empty object when the position has no mapping.
      const entry = (url ? sourceMap(url)?.findEntry(lineNumber, columnNumber) : undefined) as { originalSource?: string; originalLine?: number } | undefined;
      const source = entry?.originalSource ?? (url || '(native)');
      const line = entry?.originalLine ?? lineNumber;
      const mod = url ? moduleOf(source) : functionName;
      const shortSource = source.replace(/^.*\/node_modules\//, '').replace(/^.*\/(server|client|bench)\//, '$1/');
      keys.set(n.id, { fn: `${functionName || '(anonymous)'} ${url ? `${shortSource}:${line + 1}` : ''}`.trim(), mod });
    }
    for (let i = 0; i < p.samples.length; i++) {
      const k = keys.get(p.samples[i]);
      const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
      if (!k) continue;
      byFunction.set(k.fn, (byFunction.get(k.fn) ?? 0) + dt);
      byModule.set(k.mod, (byModule.get(k.mod) ?? 0) + dt);
      busy += dt;
    }
  }
  const table = (title: string, m: Map<string, number>) => {
    const out = [`| self ms | share | ${title} |`, '| ---: | ---: | --- |'];
    for (const [k, v] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`| ${v.toFixed(0)} | ${((100 * v) / busy).toFixed(1)} % | \`${k.replace(/\|/g, '\\|').slice(0, 120)}\` |`);
    return out.join('\n');
  };
  return [`Busy (not idle) CPU time over ${files.length} profile(s): ${busy.toFixed(0)} ms.`, '', table('function (source)', byFunction), '', table('module', byModule)].join('\n');
}

// ---------------------------------------------------------------------------------------
// A hover on another document while the worst hostile document is linted (issue 17)

/**
 * A server for the hover rows, in `dir`, with the 60 KB report open as `small` and its
 * diagnostics with spelling published; `big` is where the large document goes.
 */
async function serverWithReport(root: string, nodeArgs: string[], dir: string, report: string): Promise<{ server: Server; small: string; big: string }> {
  const server = new Server(root, nodeArgs, dir);
  await server.initialize(dir);
  await server.initialized();
  const small = pathToFileURL(path.join(dir, 'rapport.rev.md')).href;
  await server.open(small, report);
  // The dictionary loads after the first diagnostics, on the server's thread, and the
  // report is published again with spelling: wait for that, so that it is not measured.
  await server.diagnostics(small, 1, 30_000).catch(() => undefined);
  return { server, small, big: pathToFileURL(path.join(dir, 'stor.rev.md')).href };
}

/** One hover in the report (whose line starts are `starts`) at an offset, in milliseconds. */
async function timedHover(server: Server, uri: string, starts: number[], offset: number): Promise<number> {
  const params = { textDocument: { uri }, position: positionIn(starts, offset) };
  const t0 = performance.now();
  await server.connection.sendRequest('textDocument/hover', params);
  return performance.now() - t0;
}

/**
 * Opens a report, then the document of issue 17 that costs most to lint (a megabyte with
 * many errors, linted by a worker), and right away hovers five times in the report, one
 * after the other: the server must answer them while the worker lints. Each hover's time
 * from request to answer, and the same five hovers in a server with only the report open.
 */
export async function hoverWhileLarge(root: string, worst: string, runs = 3, nodeArgs: string[] = []): Promise<{ withLarge: number[][]; alone: number[][]; diagnosticsMs: number[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-hover-'));
  const report = generateReport(60_000, 3);
  const offsets = footnoteReferenceOffsets(report);
  const starts = lineStarts(report);
  const withLarge: number[][] = [];
  const alone: number[][] = [];
  // From opening the large document to its first diagnostics, per run.
  const diagnosticsMs: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      for (const large of [true, false]) {
        const { server, small, big } = await serverWithReport(root, nodeArgs, dir, report);
        const opened = performance.now();
        const published = large ? server.diagnostics(big, 1, 600_000).then(() => diagnosticsMs.push(performance.now() - opened)) : null;
        if (large) await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'granska', version: 1, text: worst } });
        const times: number[] = [];
        for (let i = 0; i < 5; i++) times.push(await timedHover(server, small, starts, offsets[i * 7 % offsets.length]));
        (large ? withLarge : alone).push(times);
        if (published) await published;
        await server.stop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { withLarge, alone, diagnosticsMs };
}

/**
 * Hovers in a 60 KB report while a large document is edited: each edit hands the large
 * version's text to its worker on the server's thread, and a hover sent meanwhile waits for
 * whatever of that hand-over is running. Returns every hover's time, in milliseconds.
 */
export async function hoverWhileLargeEdited(root: string, large: string, edits = 6, nodeArgs: string[] = []): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-hover-edit-'));
  const report = generateReport(60_000, 3);
  const offsets = footnoteReferenceOffsets(report);
  const starts = lineStarts(report);
  const times: number[] = [];
  const { server, small, big } = await serverWithReport(root, nodeArgs, dir, report);
  try {
    const published = server.diagnostics(big, 1, 600_000);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'granska', version: 1, text: large } });
    await published;
    // A word typed into the middle of the large document, one letter per version, and hovers
    // in the small report every 5 ms in between, as an editor sends them while one types.
    const at = positionIn(lineStarts(large), large.indexOf('\n', large.length >> 1));
    for (let v = 2; v < 2 + edits; v++) {
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: big, version: v },
        contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
      });
      at.character++;
      for (let i = 0; i < 20; i++) {
        times.push(await timedHover(server, small, starts, offsets[(v * 20 + i) % offsets.length]));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return times;
}
