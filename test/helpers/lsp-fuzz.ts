import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { fileExistsFrom, loadConfigFor } from '../../server/src/config/load.ts';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { lintText, parseWithConfig } from '../../server/src/lint/lint.ts';
import { registerFor, relatedFromDisk } from '../../server/src/workspace/node-files.ts';
import { loadTestSpeller } from './spelling.ts';
import { LspClient } from './lsp-client.ts';
import { ROOT } from './lint.ts';

/**
 * Pieces of the dialect that random edits insert: headings, footnote references and
 * definitions, link definitions (also in quotes and lists), tables, quotes, list markers,
 * frontmatter lines, line breaks of every kind, escapes and character references.
 */
const FRAGMENTS = [
  'a', ' ', 'Ä', '😀', '\n', '\n\n', '\r\n', '\r\n\r\n', '\t', '    ',
  '#', '# ', '## ', '### ', '# Inledning\n', '## Kontrollmål 9: Finns rutiner?\n', '### Bedömning: Uppfyllt\n', '### Iakttagelser\n', '### Rekommendationer\n',
  '[^1]', '[^ny]', '[^1]: KF § 1/2019-01-01\n', '[^ny]: KF §16/2015-2-23\n', '[^2]: Kf&nbsp;§16/2015&#45;02-23\n', ']:', '[^',
  '[namn]', '[x][namn]', '[namn]: https://example.org\n', '> [namn]: https://example.org\n', '- [x]: <https://e.org> "t"\n', '\n[namn]: https://example.org\n\n',
  '|', '| a | b |\n| - | - |\n', '| [namn] | Uppfyllt |\n', '| Kontrollmål | Bedömning |\n| --- | --- |\n| Kontrollmål 1 | Uppfyllt |\n',
  '> ', '>', '\n> ', '> > ', '- ', '1. ', '\n- ', '  - ', '* ',
  '---', '---\n', '\n---\n', 'typ: missiv\n', 'typ: granskningsrapport\n', 'kommun: X\n', 'datum: 2019-02-30\n', 'status: slutlig\n', 'svar_senast: 2022-11-30\n', ':',
  'TODO', 'xx', 'senast 2022-11-30', 'KF § 16/2015-02-23', '\\', '\\§', '&amp;', '&nbsp;', '*', '_', '`', '```', '<!--', '-->', '<!-- granska-disable -->\n', '<div>\n', '===\n',
];

/** Requests sent between edits: those that build the current version's model before its validation is done. */
const REQUESTS = ['textDocument/completion', 'textDocument/hover', 'textDocument/documentSymbol', 'textDocument/foldingRange'];

export interface FuzzOptions {
  seed: number;
  /** How many single edits to send in all, spread over the open documents. */
  edits: number;
  /** Called now and then with progress, for the long form. */
  progress?: (done: number, stats: FuzzStats) => void;
}

export interface FuzzStats {
  edits: number;
  /** Final versions compared with the command line. */
  compared: number;
  published: number;
  /** One line per final version whose published diagnostics differ from the command line's. */
  mismatches: string[];
  /** One line per publication of a version older than one already published. */
  outdated: string[];
}

interface OpenDoc {
  uri: string;
  dir: string;
  doc: TextDocument;
  /** Where the previous edit ended. */
  last: number;
}

/** A small deterministic generator (an LCG, as bench/generate.ts), so that a seed replays a run exactly. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The samples' texts at their own paths, so that the server and the command line read the same `.granskarc.json`. */
function sampleFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.rev.md')) out.push(p);
    }
  };
  walk(path.join(ROOT, 'samples'));
  return out;
}

/**
 * Opens the samples in `dist/server.js --stdio` with debounce 0, sends random incremental
 * edits in bursts, and after each burst waits for the diagnostics of the burst's last
 * version and compares them with what the command line's `lintText` gives for the same
 * text and configuration. Every publication is also checked to be no older than one
 * before it. The documents' files are never written: the edits live in the editor only.
 */
export async function fuzzLanguageServer(options: FuzzOptions): Promise<FuzzStats> {
  const random = rng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const stats: FuzzStats = { edits: 0, compared: 0, published: 0, mismatches: [], outdated: [] };
  // The command line's side spells as the server does once its dictionary is loaded.
  await loadTestSpeller();
  const client = new LspClient();
  client.settings = { validate: 'onType', debounceMs: 0, locale: 'sv' };
  try {
    const samples = pathToFileURL(path.join(ROOT, 'samples')).href;
    await client.initialize('sv', samples, [{ uri: samples, name: 'samples' }]);
    const docs: OpenDoc[] = [];
    for (const [i, file] of sampleFiles().entries()) {
      let text = fs.readFileSync(file, 'utf8');
      // One document is edited with Windows line breaks throughout.
      if (i === 1) text = text.replace(/\r?\n/g, '\r\n');
      const uri = pathToFileURL(file).href;
      const doc = TextDocument.create(uri, 'granska', 1, text);
      docs.push({ uri, dir: path.dirname(file), doc, last: 0 });
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'granska', version: 1, text } });
    }
    for (const d of docs) await expectSame(client, d, stats, 'open', 0, docs);

    const requests: Promise<void>[] = [];
    while (stats.edits < options.edits) {
      const d = pick(docs);
      const sent = client.notifications(d.uri).length;
      const burst = 1 + Math.floor(random() * 6);
      const before = d.doc.getText();
      const log: string[] = [];
      for (let b = 0; b < burst && stats.edits < options.edits; b++) {
        // Sometimes several changes go in one notification, as an editor sends a multi-cursor edit.
        const changes: TextDocumentContentChangeEvent[] = [];
        const count = random() < 0.15 ? 2 : 1;
        for (let c = 0; c < count; c++) {
          const change = randomChange(d.doc.getText(), d.last, random, pick);
          d.last = change.at + change.insert.length;
          changes.push({ range: { start: d.doc.positionAt(change.at), end: d.doc.positionAt(change.at + change.cut) }, text: change.insert });
          log.push(JSON.stringify(change));
          stats.edits++;
        }
        d.doc = TextDocument.update(d.doc, changes, d.doc.version + 1);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: d.uri, version: d.doc.version }, contentChanges: changes });
        // Now and then a request right behind the edit, as an editor asks for completion or
        // hover while the server is still checking: it is answered from the version it names,
        // between the slices of the validation, which must still publish what the CLI gives.
        if (random() < 0.3) {
          const method = pick(REQUESTS);
          const position = d.doc.positionAt(Math.min(d.last, d.doc.getText().length));
          const version = d.doc.version;
          requests.push(
            client.connection.sendRequest(method, method === 'textDocument/completion' || method === 'textDocument/hover' ? { textDocument: { uri: d.uri }, position } : { textDocument: { uri: d.uri } })
              .then(() => undefined, (e: unknown) => { stats.mismatches.push(`${path.basename(d.uri)} v${version}: ${method} failed: ${String(e)}`); }),
          );
        }
      }
      await Promise.all(requests.splice(0));
      await expectSame(client, d, stats, `after ${log.join(' ')} on ${JSON.stringify(before)}`, sent, docs);
      options.progress?.(stats.edits, stats);
    }
    for (const d of docs) {
      // The server never publishes an older version of a document after a newer one.
      let newest = -1;
      for (const p of client.notifications(d.uri)) {
        stats.published++;
        if (p.version === undefined) continue;
        if (p.version < newest) stats.outdated.push(`${path.basename(d.uri)}: version ${p.version} published after ${newest}`);
        newest = Math.max(newest, p.version);
      }
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: d.uri } });
    }
  } finally {
    await client.shutdown().catch(() => client.process.kill());
  }
  return stats;
}

/**
 * Where the next edit goes: near the document's previous edit half the time (people type
 * where they typed), near the start (frontmatter, title) sometimes, else anywhere; often at
 * the start of a line, where block markers mean something. Never inside a surrogate pair.
 */
function randomChange(text: string, last: number, random: () => number, pick: <T>(list: readonly T[]) => T): { at: number; cut: number; insert: string } {
  const r = random();
  let at = r < 0.5
    ? last + Math.floor(random() * 80) - 40
    : r < 0.65 ? Math.floor(random() * 300) : Math.floor(random() * (text.length + 1));
  at = Math.max(0, Math.min(text.length, at));
  if (random() < 0.35) at = text.lastIndexOf('\n', at - 1) + 1;
  if (isLowSurrogate(text, at)) at--;
  let cut = random() < 0.5 ? 0 : Math.min(text.length - at, Math.floor(random() * (random() < 0.9 ? 8 : 120)));
  if (isLowSurrogate(text, at + cut)) cut++;
  const insert = random() < 0.15 ? '' : pick(FRAGMENTS);
  return { at, cut, insert };
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Waits for the diagnostics of the document's current version and compares them with the
 * command line's, given what the server sees: the other documents as they stand in the
 * editor (a missiv is checked against its report's open buffer) and the folder's register.
 * Spelling arrives after the structural diagnostics of a version, by design, so a version
 * agrees when a publication of it equals the command line's; the last one is reported if none does.
 */
async function expectSame(client: LspClient, d: OpenDoc, stats: FuzzStats, what: string, since = 0, docs: readonly OpenDoc[] = []): Promise<void> {
  const version = d.doc.version;
  const loaded = loadConfigFor(d.dir);
  const config = loaded.config;
  const open = (file: string) => {
    const o = docs.find((x) => fileURLToPath(x.uri) === file);
    return o ? parseWithConfig(o.doc.getText(), loadConfigFor(o.dir).config) : null;
  };
  const related = relatedFromDisk(d.dir, (text, file) => parseWithConfig(text, loadConfigFor(path.dirname(file)).config), { open, allowed: (file) => file.startsWith(path.join(ROOT, 'samples') + path.sep) });
  const expected = lintText(d.doc.getText(), { config, fileExists: fileExistsFrom(d.dir), register: registerFor(d.dir, loaded), related, locale: 'sv' });
  const cli = expected.map((x) => JSON.stringify(x));
  stats.compared++;
  let published: Diagnostic[];
  try {
    published = await client.diagnostics(d.uri, (x, p) => p.version === version && x.map((y) => JSON.stringify(y)).join('\n') === cli.join('\n'), since, 20_000);
    return;
  } catch {
    const all = client.notifications(d.uri).slice(since).filter((p) => p.version === version);
    published = all.length > 0 ? all[all.length - 1].diagnostics : [];
  }
  const server = published.map((x) => JSON.stringify(x));
  // Only the diagnostics that differ, so that a mismatch reads at a glance.
  const onlyServer = server.filter((x) => !cli.includes(x));
  const onlyCli = cli.filter((x) => !server.includes(x));
  stats.mismatches.push(`${path.basename(d.uri)} v${version} ${what}\n  only from the server: ${onlyServer.join('\n    ') || '(order differs)'}\n  only from the CLI: ${onlyCli.join('\n    ')}`);
}
