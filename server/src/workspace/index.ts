import { parseDocument } from 'yaml';
import { formatIsoDate } from '../model/dates.js';
import { formatDecision, scanDecisions, type ReferenceForm } from '../model/decisions.js';
import { organTable, type OrganTable } from '../model/organs.js';
import { collapseSpace } from '../model/text.js';
import type { WorkspaceFiles } from '../io/files.js';
import { nextTurn } from '../next-turn.js';
import { detach } from '../detach.js';

/**
 * A compact index of the audit documents in the workspace, for features that look across
 * files: decision references cited elsewhere, the bodies a kommun's reports name, and
 * workspace symbols. Full trees are kept only for open documents; 500 reports fully parsed
 * would take a minute and half a gigabyte, while a line scan of them takes tens of
 * milliseconds (see ../shared/notes/performance.md, and docs/prestanda.md).
 */

/** A decision reference found in a footnote definition. */
export interface IndexedDecision {
  organ: string;
  organName: string | null;
  paragraph: number;
  /** ISO date. */
  date: string;
  /** The reference in the house style, e.g. `KF § 16/2015-02-23`: the key citations are compared by. */
  canonical: string;
  /** What the definition says after the reference, e.g. «Program för förbättrad asyl och integration». */
  title: string;
  line: number;
  character: number;
  length: number;
}

/** A level-1 or level-2 heading: what workspace symbols show (deeper headings are not kept). */
export interface IndexedHeading {
  level: number;
  text: string;
  line: number;
  /** For a kontrollmål: the grade after `### Bedömning:` within it, if any. */
  grade?: string;
}

export interface IndexEntry {
  uri: string;
  titel: string | null;
  /** Values of `granskade`, `till` and `kännedom`. */
  bodies: string[];
  headings: IndexedHeading[];
  decisions: IndexedDecision[];
}

const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const FRONTMATTER_OPEN = /^\uFEFF?---[ \t]*$/;
const FRONTMATTER_CLOSE = /^(---|\.\.\.)[ \t]*$/;

/**
 * A document's text as the scan sees it: a string (an open document's buffer) or the bytes
 * of a file. Lines are found by their breaks (CRLF, CR or LF, like `split(/\r\n|\r|\n/)`),
 * and only the few lines that can matter (headings, fences, footnote definitions, the
 * frontmatter) are made into strings: a file's 60 KB of prose is never decoded, and
 * nothing the index keeps refers to the file's text, so it is released at once.
 */
interface Source {
  readonly length: number;
  code(i: number): number;
  /** The offset of the next `\n` or `\r` at or after `from`, or `length`. */
  nextBreak(from: number): number;
  line(start: number, end: number): string;
  /** Whether `§` stands between `start` and `end`, looked for without decoding. */
  hasSection(start: number, end: number): boolean;
}

function breaks(indexOf: (code: number, from: number) => number, length: number): (from: number) => number {
  // Each kind of break is searched for again only once the scan has passed the last one
  // found (or goes back before where it searched), so a file without any CR costs one
  // search for it, not one per line.
  let lf = -2;
  let lfFrom = 0;
  let cr = -2;
  let crFrom = 0;
  return (from) => {
    if (lf === -2 || from < lfFrom || (lf !== -1 && lf < from)) {
      lf = indexOf(10, from);
      lfFrom = from;
    }
    if (cr === -2 || from < crFrom || (cr !== -1 && cr < from)) {
      cr = indexOf(13, from);
      crFrom = from;
    }
    const a = lf === -1 ? length : lf;
    const b = cr === -1 ? length : cr;
    return a < b ? a : b;
  };
}

function stringSource(text: string): Source {
  return {
    length: text.length,
    code: (i) => text.charCodeAt(i),
    nextBreak: breaks((c, from) => text.indexOf(c === 10 ? '\n' : '\r', from), text.length),
    // Copied, so that an entry kept after the buffer changes does not hold the old text.
    line: (start, end) => detach(text.slice(start, end)),
    hasSection: (start, end) => {
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0xa7) return true;
      return false;
    },
  };
}

const utf8 = new TextDecoder('utf-8');

function bytesSource(bytes: Uint8Array): Source {
  return {
    length: bytes.length,
    code: (i) => bytes[i],
    nextBreak: breaks((c, from) => bytes.indexOf(c, from), bytes.length),
    // A UTF-8 BOM decodes to U+FEFF, as the text of the file read with 'utf8' keeps it.
    line: (start, end) => utf8.decode(bytes.subarray(start, end)),
    // `§` is C2 A7 in UTF-8. A C2 is never read as part of the character before it (it is
    // no continuation byte), so the pair decodes to `§` wherever it stands, and only it does.
    hasSection: (start, end) => {
      for (let i = start + 1; i < end; i++) if (bytes[i] === 0xa7 && bytes[i - 1] === 0xc2) return true;
      return false;
    },
  };
}

/** Scans one document's text into its index entry. Never throws. */
export function indexText(uri: string, text: string, organs: OrganTable = defaultOrgans, style: ReferenceForm = 'A'): IndexEntry {
  return indexSource(uri, stringSource(text), organs, style);
}

/** Scans one file's bytes (UTF-8) into its index entry, decoding only the lines that matter. Never throws. */
export function indexBytes(uri: string, bytes: Uint8Array, organs: OrganTable = defaultOrgans, style: ReferenceForm = 'A'): IndexEntry {
  return indexSource(uri, bytesSource(bytes), organs, style);
}

function indexSource(uri: string, src: Source, organs: OrganTable, style: ReferenceForm): IndexEntry {
  const entry: IndexEntry = { uri, titel: null, bodies: [], headings: [], decisions: [] };
  const n = src.length;
  const after = (end: number) => end + (src.code(end) === 13 && src.code(end + 1) === 10 ? 2 : 1);
  let pos = 0;
  let line = 0;
  // The frontmatter: the first line opens it and the first `---` or `...` line closes it;
  // without a closing line there is none, and the scan starts at the top.
  const firstEnd = src.nextBreak(0);
  // Only a first line that starts with `-` (after a BOM) is read whole: a long first line of prose is not decoded.
  const first = src.code(0);
  if ((first === 45 || first === 0xfeff || first === 0xef) && FRONTMATTER_OPEN.test(src.line(0, firstEnd))) {
    const body: string[] = [];
    let p = firstEnd < n ? after(firstEnd) : n + 1;
    let l = 1;
    while (p <= n) {
      const end = src.nextBreak(p);
      const text = src.line(p, end);
      if (FRONTMATTER_CLOSE.test(text)) {
        readFrontmatter(body, entry);
        pos = end < n ? after(end) : n + 1;
        line = l + 1;
        break;
      }
      body.push(text);
      if (end >= n) break;
      p = after(end);
      l++;
    }
  }
  let inFence = false;
  let currentKm: IndexedHeading | null = null;
  while (pos <= n) {
    const end = src.nextBreak(pos);
    if (mayMatter(pos, end)) scanLine(src.line(pos, end), line);
    if (end >= n) break;
    pos = after(end);
    line++;
  }
  return entry;

  /**
   * Whether the line at `start` can change the entry, decided on its first characters so
   * that no other line is decoded: a fence (which `FENCE` then decides), a heading of level 1
   * or 2, a level-3 heading where a kontrollmål still lacks its grade, or a footnote
   * definition holding a `§`. Every line it passes over would have changed nothing.
   */
  function mayMatter(start: number, end: number): boolean {
    let i = start;
    while (i < end && i - start < 3 && src.code(i) === 32) i++;
    if (i >= end) return false;
    const c = src.code(i);
    if (c === 96 /* ` */ || c === 126 /* ~ */) return true;
    if (inFence) return false;
    if (c === 35 /* # */) {
      let h = i;
      while (h < end && src.code(h) === 35) h++;
      // More than six signs make no heading (and no footnote definition either).
      const level = h - i;
      return level <= 2 || (level === 3 && currentKm !== null && currentKm.grade === undefined);
    }
    return c === 91 /* [ */ && src.hasSection(i, end);
  }

  function scanLine(text: string, i: number): void {
    if (FENCE.test(text)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const h = HEADING.exec(text);
    if (h) {
      const level = h[1].length;
      const headingText = collapseSpace(h[2]);
      if (level <= 2) {
        const heading: IndexedHeading = { level, text: detach(headingText), line: i };
        entry.headings.push(heading);
        currentKm = /^(?:\d+(?:\.\d+)*\.?\s+)?kontrollmål\b/iu.test(heading.text) ? heading : null;
        return;
      }
      if (level !== 3 || !currentKm || currentKm.grade !== undefined) return;
      const grade = /^(?:\d+(?:\.\d+)*\.?\s+)?bedömning\s*[:–—-]\s*(.+)$/iu.exec(headingText);
      if (grade) currentKm.grade = detach(grade[1].trim());
      return;
    }
    const def = FOOTNOTE_DEFINITION.exec(text);
    if (!def || !text.includes('§')) return;
    const body = text.slice(def[0].length);
    const { refs } = scanDecisions(body, organs, { malformed: false, style, remember: false });
    if (refs.length === 0) return;
    // The title is what follows a definition's one reference (a reference to several
    // paragraphs gives one entry per paragraph, all with one span); with several references, none.
    const one = refs.every((x) => x.start === refs[0].start);
    const title = one ? detach(body.slice(refs[0].end).replace(/^[\s,.;:—–-]+/, '').trim()) : '';
    for (const r of refs) {
      const canonical = formatDecision(r, 'A') ?? r.raw;
      entry.decisions.push({
        organ: r.organ, organName: r.organName, paragraph: r.paragraph, date: formatIsoDate(r.date), canonical: detach(canonical),
        title, line: i, character: def[0].length + r.start, length: r.raw.length,
      });
    }
  }
}

const LIST_KEYS = new Set(['granskade', 'till', 'kännedom']);

/** The frontmatter's `titel` and bodies: by a cheap line reading when the YAML is plain, else by the YAML parser. */
function readFrontmatter(lines: readonly string[], entry: IndexEntry): void {
  const fast = plainFrontmatter(lines);
  if (fast) {
    entry.titel = fast.titel;
    entry.bodies.push(...fast.bodies);
    return;
  }
  readFrontmatterYaml(lines.join('\n'), entry);
}

/** A string of YAML's core schema that resolves to null, a boolean or a number rather than a string. */
const CORE_NOT_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const KEY_LINE = /^([\p{L}\p{N}_][\p{L}\p{N}_-]*):(?:[ \t]+(.*?))?[ \t]*$/u;
const LIST_ITEM = /^[ ]*-(?:[ \t]+(.*?))?[ \t]*$/;

type Scalar = { value: string | null } | undefined;

/**
 * One scalar as YAML 1.2's core schema reads it, in the plain forms reports use: plain,
 * "double-quoted" without escapes, 'single-quoted' without quotes inside. Undefined for
 * anything else (the caller then asks the YAML parser). `value` is null for non-strings.
 */
function plainScalar(raw: string): Scalar {
  if (raw === '') return { value: null };
  const dq = /^"([^"\\]*)"$/.exec(raw);
  if (dq) return { value: dq[1] };
  const sq = /^'([^']*)'$/.exec(raw);
  if (sq) return { value: sq[1] };
  // Indicators, comments, mapping values and multi-line forms are left to the parser.
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(raw) || /:(?:[ \t]|$)|[ \t]#/.test(raw) || raw.includes('\t')) return undefined;
  return { value: CORE_NOT_STRING.test(raw) ? null : raw };
}

/** `[a, b]` on one line, each item a plain scalar; undefined when it is anything else. */
function flowList(raw: string): (string | null)[] | undefined {
  const m = /^\[([^[\]{}"'#]*)\]$/.exec(raw);
  if (!m) return undefined;
  if (m[1].trim() === '') return [];
  const out: (string | null)[] = [];
  for (const item of m[1].split(',')) {
    const t = item.trim();
    if (t === '') return undefined;
    const s = plainScalar(t);
    if (!s) return undefined;
    out.push(s.value);
  }
  return out;
}

/**
 * Reads `titel`, `granskade`, `till` and `kännedom` from frontmatter lines without the YAML
 * parser, or returns null unless every line is a plain top-level `key: value` (a scalar or
 * a one-line `[a, b]`), a `- item` of the list under a key with no value, a blank line or a
 * comment: then the YAML parser decides, so that the result is always what it reads.
 */
export function plainFrontmatter(lines: readonly string[]): { titel: string | null; bodies: string[] } | null {
  const values = new Map<string, { scalar: string | null; list: (string | null)[] | null }>();
  let current: { value: { scalar: string | null; list: (string | null)[] | null }; inline: boolean; indent: number } | null = null;
  for (const line of lines) {
    if (/^[ \t]*(?:#.*)?$/.test(line)) continue;
    if (line.startsWith('\t')) return null;
    if (line.startsWith(' ') || line.startsWith('-')) {
      // A `- item` of the list under the key above, every item at one indentation (a more
      // indented line would continue the item before it).
      const item = LIST_ITEM.exec(line);
      if (!item || !current || current.inline) return null;
      const indent = line.length - line.trimStart().length;
      if (current.value.list === null) current.value.list = [];
      else if (indent !== current.indent) return null;
      current.indent = indent;
      const s = plainScalar(item[1] ?? '');
      if (!s) return null;
      current.value.list.push(s.value);
      continue;
    }
    const m = KEY_LINE.exec(line);
    if (!m || values.has(m[1])) return null;
    const raw = m[2] ?? '';
    let scalar: string | null = null;
    let list: (string | null)[] | null = null;
    if (raw.startsWith('[')) {
      const l = flowList(raw);
      if (!l) return null;
      list = l;
    } else {
      const s = plainScalar(raw);
      if (!s) return null;
      scalar = s.value;
    }
    const value = { scalar, list };
    values.set(m[1], value);
    current = { value, inline: raw !== '', indent: -1 };
  }
  const str = (v: string | null | undefined) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const titel = values.get('titel');
  const bodies: string[] = [];
  for (const key of LIST_KEYS) {
    for (const item of values.get(key)?.list ?? []) {
      const b = str(item);
      if (b) bodies.push(b);
    }
  }
  return { titel: titel?.list ? null : str(titel?.scalar), bodies };
}

function readFrontmatterYaml(yamlText: string, entry: IndexEntry): void {
  let data: unknown;
  try {
    data = parseDocument(yamlText, { version: '1.2', schema: 'core', logLevel: 'error' }).toJS();
  } catch {
    return;
  }
  if (!data || typeof data !== 'object') return;
  const d = data as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? detach(v.trim()) : null);
  entry.titel = str(d.titel);
  for (const key of ['granskade', 'till', 'kännedom']) {
    const v = d[key];
    if (Array.isArray(v)) for (const item of v) if (typeof item === 'string' && item.trim()) entry.bodies.push(detach(item.trim()));
  }
}

const defaultOrgans = organTable();

/**
 * The index of every audit document in the workspace, keyed by URI. An open document
 * changes at every keystroke but is asked about far less often, so its entry is made
 * lazily: `setLazy` records how to make it, and the first read makes it.
 */
export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly pending = new Map<string, () => IndexEntry | null>();

  set(entry: IndexEntry): void {
    this.pending.delete(entry.uri);
    this.entries.set(entry.uri, entry);
  }

  /** Records how to index a document when the index is next read; `make` returns null when it is gone. */
  setLazy(uri: string, make: () => IndexEntry | null): void {
    this.pending.set(uri, make);
  }

  delete(uri: string): void {
    this.pending.delete(uri);
    this.entries.delete(uri);
  }

  all(): IterableIterator<IndexEntry> {
    for (const [uri, make] of this.pending) {
      const entry = make();
      if (entry) this.entries.set(uri, entry);
    }
    this.pending.clear();
    return this.entries.values();
  }

  /**
   * Every document citing a decision, by its canonical form; without `except`, which is
   * neither indexed nor listed. A hover asks about the other documents than its own, and
   * indexing its own 300 KB buffer again after each keystroke was most of the hover's time.
   */
  citationsOf(canonical: string, except?: string): { uri: string; decision: IndexedDecision }[] {
    const out: { uri: string; decision: IndexedDecision }[] = [];
    const skipped = except !== undefined ? this.pending.get(except) : undefined;
    if (skipped) this.pending.delete(except!);
    try {
      for (const e of this.all()) if (e.uri !== except) for (const d of e.decisions) if (d.canonical === canonical) out.push({ uri: e.uri, decision: d });
    } finally {
      if (skipped) this.pending.set(except!, skipped);
    }
    return out;
  }

  /**
   * Distinct decisions cited anywhere, each with the most common title given to it (the
   * same decision is sometimes described in different words), most cited first.
   */
  decisions(): { canonical: string; title: string; count: number; decision: IndexedDecision }[] {
    const by = new Map<string, { titles: Map<string, number>; count: number; decision: IndexedDecision }>();
    for (const e of this.all()) {
      for (const d of e.decisions) {
        let x = by.get(d.canonical);
        if (!x) by.set(d.canonical, (x = { titles: new Map(), count: 0, decision: d }));
        x.count++;
        if (d.title) x.titles.set(d.title, (x.titles.get(d.title) ?? 0) + 1);
      }
    }
    return [...by.entries()]
      .map(([canonical, x]) => ({ canonical, count: x.count, decision: x.decision, title: [...x.titles.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '' }))
      .sort((a, b) => b.count - a.count || a.canonical.localeCompare(b.canonical, 'sv'));
  }

  /** Bodies named in `granskade`, `till` and `kännedom` across the workspace. */
  bodies(): string[] {
    const seen = new Set<string>();
    for (const e of this.all()) for (const b of e.bodies) seen.add(b);
    return [...seen];
  }
}

// ---------------------------------------------------------------------------------------
// Indexing the workspace's files

/** How a folder's documents are read: its configuration's organs and reference style. */
export type FolderStyle = (dir: string) => { organs: OrganTable; style: ReferenceForm };

/** The folder part of a path, with either separator, without `node:path` (the core also runs in a browser worker). */
function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut > 0 ? file.slice(0, cut) : cut === 0 ? file.slice(0, 1) : '.';
}

/**
 * The index entry of one file read through the host's files, or null when it cannot be
 * read. The one place the index reads a file: `readBytes` is one synchronous read on Node,
 * and the bytes are scanned without decoding the whole text.
 */
function entryOf(files: WorkspaceFiles, uri: string, file: string, styleOf: FolderStyle): IndexEntry | null {
  const read = files.readBytes(file);
  if (!read.ok) return null;
  const { organs, style } = styleOf(folderOf(file));
  return indexBytes(uri, read.value, organs, style);
}

/** Indexes one file, or drops it from the index when it cannot be read; `stillWanted` is asked once the file is read. */
export async function indexFile(index: WorkspaceIndex, files: WorkspaceFiles, uri: string, file: string, styleOf: FolderStyle, forget?: () => void, stillWanted: () => boolean = () => true): Promise<void> {
  const entry = await files.settle(() => entryOf(files, uri, file, styleOf), forget);
  if (!stillWanted()) return;
  if (entry) index.set(entry);
  else index.delete(uri);
}

/**
 * Indexes files, a slice of a few milliseconds at a time with a turn of the event loop
 * between slices, so that requests that arrive meanwhile are answered within a slice. Each
 * folder's configuration is looked up once. `skip` leaves out documents open in the editor,
 * which are indexed from their buffers. A host that fetches its files (the browser's) is
 * asked for 32 at a time, since each comes a request of its own.
 */
export async function indexFiles(
  index: WorkspaceIndex,
  files: WorkspaceFiles,
  paths: readonly string[],
  options: { uriOf: (file: string) => string; styleOf: FolderStyle; skip: (uri: string) => boolean; forget?: () => void; sliceMs?: number },
): Promise<void> {
  const styles = new Map<string, ReturnType<FolderStyle>>();
  const styleOf: FolderStyle = (dir) => {
    let s = styles.get(dir);
    if (!s) styles.set(dir, (s = options.styleOf(dir)));
    return s;
  };
  // A retry after files arrived must not reuse a style derived from a configuration that was not there yet.
  const forget = () => {
    styles.clear();
    options.forget?.();
  };
  const sliceMs = options.sliceMs ?? 8;
  const turn = () => new Promise<void>((resolve) => nextTurn(resolve));
  let sliceStart = performance.now();
  for (let i = 0; i < paths.length; i += 32) {
    const batch = paths.slice(i, i + 32);
    if (files.prefetch) await files.prefetch(batch);
    for (const file of batch) {
      if (performance.now() - sliceStart >= sliceMs) {
        await turn();
        sliceStart = performance.now();
      }
      const uri = options.uriOf(file);
      if (options.skip(uri)) continue;
      // The document may have been opened while its file was fetched; its buffer wins.
      await indexFile(index, files, uri, file, styleOf, forget, () => !options.skip(uri));
    }
  }
}
