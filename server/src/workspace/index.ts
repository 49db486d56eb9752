import { parseDocument } from 'yaml';
import { formatIsoDate } from '../model/dates.js';
import { formatDecision, scanDecisions, type ReferenceForm } from '../model/decisions.js';
import { organTable, type OrganTable } from '../model/organs.js';
import { collapseSpace } from '../model/text.js';

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

/** Scans one document's text into its index entry. Never throws. */
export function indexText(uri: string, text: string, organs: OrganTable = defaultOrgans, style: ReferenceForm = 'A'): IndexEntry {
  const entry: IndexEntry = { uri, titel: null, bodies: [], headings: [], decisions: [] };
  const lines = text.split(/\r\n|\r|\n/);
  let i = 0;
  if (/^\uFEFF?---[ \t]*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((l, n) => n > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
    if (close > 0) {
      readFrontmatter(lines.slice(1, close).join('\n'), entry);
      i = close + 1;
    }
  }
  let inFence = false;
  let currentKm: IndexedHeading | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const h = HEADING.exec(line);
    if (h) {
      const heading: IndexedHeading = { level: h[1].length, text: collapseSpace(h[2]), line: i };
      entry.headings.push(heading);
      if (heading.level <= 2) currentKm = /^(?:\d+(?:\.\d+)*\.?\s+)?kontrollmål\b/iu.test(heading.text) ? heading : null;
      const grade = /^(?:\d+(?:\.\d+)*\.?\s+)?bedömning\s*[:–—-]\s*(.+)$/iu.exec(heading.text);
      if (heading.level === 3 && grade && currentKm && currentKm.grade === undefined) currentKm.grade = grade[1].trim();
      continue;
    }
    const def = FOOTNOTE_DEFINITION.exec(line);
    if (!def || !line.includes('§')) continue;
    const body = line.slice(def[0].length);
    const { refs } = scanDecisions(body, organs, { malformed: false, style });
    for (const r of refs) {
      const canonical = formatDecision(r, 'A') ?? r.raw;
      // A reference to several paragraphs gives one entry per paragraph, all with one span.
      const after = refs.every((x) => x.start === r.start) ? body.slice(r.end) : '';
      entry.decisions.push({
        organ: r.organ, organName: r.organName, paragraph: r.paragraph, date: formatIsoDate(r.date), canonical,
        title: after.replace(/^[\s,.;:—–-]+/, '').trim(),
        line: i, character: def[0].length + r.start, length: r.raw.length,
      });
    }
  }
  return entry;
}

function readFrontmatter(yamlText: string, entry: IndexEntry): void {
  let data: unknown;
  try {
    data = parseDocument(yamlText, { version: '1.2', schema: 'core', logLevel: 'error' }).toJS();
  } catch {
    return;
  }
  if (!data || typeof data !== 'object') return;
  const d = data as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  entry.titel = str(d.titel);
  for (const key of ['granskade', 'till', 'kännedom']) {
    const v = d[key];
    if (Array.isArray(v)) for (const item of v) if (typeof item === 'string' && item.trim()) entry.bodies.push(item.trim());
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
