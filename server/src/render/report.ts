import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { h } from 'hastscript';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { DEFAULT_CONFIG, type GranskaConfig } from '../config/config.js';
import { scaleOf } from '../lint/lint.js';
import { stripSectionNumber } from '../model/text.js';
import type { AuditDocument, ControlObjective } from '../model/types.js';
import { gradeOnScale, kmName } from '../rules/util.js';
import { RENDER_HANDLERS } from './footnote-order.js';
import { rehypeRawBlocks } from './raw-html.js';
import { hasClass, textOf, visitElements } from './hast-tools.js';
import type { Msg } from '../i18n.js';
import { dataUri, type ImageResolver } from './images.js';
import { isRemote, placeholder, remoteNote, xmlSafe } from './safety.js';
import { REPORT_SCHEMA } from './schema.js';
import { TEXT, typeLabel } from './labels.js';

export { textOf } from './hast-tools.js';

export interface RenderOptions {
  config?: GranskaConfig;
  /**
   * Embeds the pictures a report names by relative path, for exports that must stand
   * alone. Without it (the preview) such paths are left for the page to resolve.
   */
  images?: ImageResolver;
}

/**
 * A picture that was not shown as the report names it, with where the report names it
 * (offsets into the document's text; null when the renderer cannot tell).
 */
export interface RenderWarning {
  start: number | null;
  end: number | null;
  message: Msg;
}

/** A heading of the rendered report, as the table of contents and the preview's outline see it. */
export interface RenderedHeading {
  id: string;
  level: number;
  /** «3.1» when the renderer numbered it, else empty. */
  number: string;
  text: string;
}

export interface RenderedReport {
  /** The whole report as one sanitized hast tree: what the HTML and Word writers serialize. */
  tree: HastRoot;
  /** The document title for a window or file: «Hultsfreds kommun – Granskning av …». */
  title: string;
  headings: RenderedHeading[];
  /** Whether the «UTKAST» mark is shown (any status but `slutlig`). */
  draft: boolean;
  letter: boolean;
  /** Pictures left out: remote ones (never fetched) and, in exports, those not embedded. */
  warnings: RenderWarning[];
  /** What the frontmatter says about the document, for a file's properties (Word, PDF). */
  properties: { title: string; authors: string[]; kommun?: string; firm?: string; date?: string; frontmatter?: string };
}

/** The class names the renderer gives grade badges, from the best grade of the scale to the worst. */
export type GradeClass = 'grade-good' | 'grade-partial' | 'grade-bad' | 'grade-unknown';

/**
 * Renders an audit document's model into the report a reader sees. The document's own
 * Markdown goes through remark-rehype, its raw HTML through hast-util-raw, and all of it
 * through rehype-sanitize; only then does the renderer add its own structure (title page,
 * numbering, contents, summary table, grade badges), built from text values, so nothing a
 * report contains can become script. Never throws: a document that cannot be read at all
 * still gives a page that says so.
 */
export function renderReport(doc: AuditDocument, options: RenderOptions = {}): RenderedReport {
  const config = options.config ?? DEFAULT_CONFIG;
  const fields = readFields(doc);
  const letter = doc.type === 'missiv';
  const draft = fields.status !== 'slutlig';
  const title = xmlSafe([fields.kommun, fields.titel].filter(Boolean).join(' – ') || TEXT.untitled);
  let body: HastRoot;
  try {
    const processor = unified()
      .use(remarkRehype, {
        allowDangerousHtml: true,
        handlers: RENDER_HANDLERS,
        // Ids are left bare here: rehype-sanitize prefixes every id with `user-content-`,
        // and the links are fixed up afterwards to match (see fixFragmentLinks).
        clobberPrefix: '',
        footnoteLabel: TEXT.footnotes,
        footnoteLabelProperties: { className: ['footnotes-title'] },
        footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
          `${TEXT.backToReference} ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`,
      })
      .use(rehypeRawBlocks)
      .use(rehypeSanitize, REPORT_SCHEMA);
    // runSync reads the model's tree without changing it: mdast-util-to-hast builds a new tree.
    body = processor.runSync(doc.root, new VFile(doc.text)) as HastRoot;
  } catch {
    body = { type: 'root', children: [h('p', { className: ['render-problem'] }, TEXT.unreadable)] };
  }
  const grades = scaleOf(doc, config).grades;
  const builder = new ReportBuilder(doc, grades);
  const headings: RenderedHeading[] = [];
  const content = builder.decorate(body.children, letter, headings);
  const children: HastContent[] = [];
  if (letter) {
    children.push(...letterParts(fields, draft, content));
  } else {
    const titlePage = titlePageOf(fields, doc, draft);
    if (titlePage) children.push(titlePage);
    if (headings.some((x) => x.level <= 2)) children.push(tocOf(headings));
    children.push(h('div', { className: ['report-body'] }, content as ElementContent[]));
  }
  const article = h('article', { className: ['granska-report', letter ? 'letter' : 'report', draft ? 'draft' : 'final'], lang: 'sv' }, children as ElementContent[]);
  const tree: HastRoot = { type: 'root', children: [article] };
  fixFragmentLinks(tree);
  const warnings: RenderWarning[] = [];
  pictures(tree, options.images, warnings);
  cleanText(tree);
  for (const x of headings) x.text = xmlSafe(x.text);
  // A letter's authors are the ones who sign it.
  const authors = fields.författare.length > 0 || !letter ? fields.författare : fields.undertecknare.map((s) => s.namn).filter(Boolean);
  const fm = doc.frontmatter;
  // The YAML as written, kept in the Word export so that an import gives it back.
  const yaml = fm && !fm.unclosed ? doc.text.slice(fm.contentStart, fm.span.end).replace(/\r?\n?---[ \t]*\r?\n?$/, '') : undefined;
  // Document properties go into XML too, so they are cleaned like the text.
  const safe = (v: string | undefined) => (v === undefined ? undefined : xmlSafe(v));
  const properties = { title: xmlSafe(fields.titel ?? title), authors: authors.map(xmlSafe), kommun: safe(fields.kommun), firm: safe(fields.revisionsbyrå), date: safe(fields.datum), frontmatter: safe(yaml) };
  return { tree, title, headings, draft, letter, warnings, properties };
}

interface Fields {
  typ?: string;
  kommun?: string;
  titel?: string;
  datum?: string;
  status?: string;
  revisionsbyrå?: string;
  författare: string[];
  diarienummer?: string;
  till: string[];
  kännedom: string[];
  svar_senast?: string;
  undertecknare: { namn: string; roll: string }[];
}

/** The frontmatter values the renderer shows, as text; values of a wrong type are left out. */
function readFields(doc: AuditDocument): Fields {
  const get = (key: string): unknown => doc.frontmatter?.fields.get(key)?.value;
  const text = (key: string): string | undefined => {
    const v = get(key);
    if (typeof v === 'string' && v.trim()) return v.trim();
    // YAML's core schema keeps dates as strings; a bare number (a dnr year) is shown as written.
    if (typeof v === 'number') return String(v);
    return undefined;
  };
  const list = (key: string): string[] => {
    const v = get(key);
    if (typeof v === 'string' && v.trim()) return [v.trim()];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
  };
  const signatories = get('undertecknare');
  return {
    typ: text('typ'),
    kommun: text('kommun'),
    titel: text('titel'),
    datum: text('datum'),
    status: text('status'),
    revisionsbyrå: text('revisionsbyrå'),
    författare: list('författare'),
    diarienummer: text('diarienummer'),
    till: list('till'),
    kännedom: list('kännedom'),
    svar_senast: text('svar_senast'),
    undertecknare: Array.isArray(signatories)
      ? signatories.flatMap((s) => {
          if (!s || typeof s !== 'object') return [];
          const r = s as Record<string, unknown>;
          const namn = typeof r.namn === 'string' ? r.namn.trim() : '';
          const roll = typeof r.roll === 'string' ? r.roll.trim() : '';
          return namn || roll ? [{ namn, roll }] : [];
        })
      : [],
  };
}

/** Label and value pairs as a `<dl>`, leaving out the empty ones; null when all are. */
function definitionList(className: string, pairs: [string, string | undefined][]): Element | null {
  const items = pairs.flatMap(([label, value]) => (value ? [h('dt', label), h('dd', value)] : []));
  return items.length > 0 ? h('dl', { className: [className] }, items) : null;
}

function titlePageOf(f: Fields, doc: AuditDocument, draft: boolean): Element | null {
  if (!doc.frontmatter) return null;
  return h('section', { className: ['title-page'], dataLine: 0 }, [
    draft ? h('p', { className: ['draft-mark'] }, TEXT.draft) : null,
    f.kommun ? h('p', { className: ['title-kommun'] }, f.kommun) : null,
    h('p', { className: ['title-type'] }, typeLabel(doc.type, f.typ)),
    h('p', { className: ['doc-title'] }, f.titel ?? TEXT.untitled),
    definitionList('title-meta', [
      [TEXT.date, f.datum],
      [TEXT.firm, f.revisionsbyrå],
      [f.författare.length > 1 ? TEXT.authors : TEXT.author, f.författare.join(', ') || undefined],
      [TEXT.registry, f.diarienummer],
      [TEXT.status, f.status ? capitalize(f.status) : TEXT.defaultStatus],
    ]),
  ].filter((x): x is Element => x !== null));
}

function tocOf(headings: readonly RenderedHeading[]): Element {
  const items: Element[] = [];
  for (const x of headings) {
    if (x.level > 2) continue;
    items.push(h('li', { className: [`toc-level-${x.level}`] }, [
      h('a', { href: `#${x.id}` }, x.number ? [h('span', { className: ['secno'] }, x.number), ' ', x.text] : [x.text]),
    ]));
  }
  return h('nav', { className: ['toc'] }, [h('p', { className: ['toc-title'] }, TEXT.contents), h('ol', items)]);
}

function letterParts(f: Fields, draft: boolean, content: HastContent[]): HastContent[] {
  const recipients = (label: string, names: string[]): Element | null =>
    names.length === 0 ? null : h('div', { className: ['recipients'] }, [h('p', { className: ['recipients-label'] }, label), h('ul', names.map((n) => h('li', capitalize(n))))]);
  return [
    h('header', { className: ['letter-head'], dataLine: 0 }, [
      h('div', { className: ['sender'] }, [h('p', TEXT.auditors), f.kommun ? h('p', f.kommun) : null].filter((x): x is Element => x !== null)),
      definitionList('letter-meta', [[TEXT.date, f.datum], [TEXT.registry, f.diarienummer], [TEXT.replyBy, f.svar_senast]]),
    ].filter((x): x is Element => x !== null)),
    draft ? h('p', { className: ['draft-mark'] }, TEXT.draft) : null,
    recipients(TEXT.to, f.till),
    recipients(TEXT.copyTo, f.kännedom),
    // The subject line is the letter's level-one heading: a screen reader's first stop.
    f.titel ? h('h1', { className: ['letter-subject'] }, f.titel) : null,
    h('div', { className: ['letter-body'] }, content as ElementContent[]),
    f.undertecknare.length > 0
      ? h('div', { className: ['signatures'] }, f.undertecknare.map((s) => h('div', { className: ['signatory'] }, [h('p', { className: ['signatory-name'] }, s.namn), h('p', { className: ['signatory-role'] }, s.roll)])))
      : null,
  ].filter((x): x is Element => x !== null);
}

/** Adds the renderer's own structure to the sanitized body, in one pass over its top level. */
class ReportBuilder {
  private readonly kmByHeading = new Map<number, ControlObjective>();
  private readonly gradeHeadings = new Map<number, ControlObjective>();
  private readonly recommendationHeadings = new Set<number>();
  private readonly badgeAfter = new Map<number, string>();

  constructor(private readonly doc: AuditDocument, private readonly grades: readonly string[]) {
    for (const km of doc.controlObjectives) {
      this.kmByHeading.set(km.headingSpan.start, km);
      // A grade written in its heading becomes the heading's badge; one written in prose or a
      // table (spec §13.4) is shown as a badge after the heading of the unit or its assessment.
      if (km.bedomning && (km.bedomning.gradeFrom === 'heading' || (!km.bedomning.gradeText && doc.profile.assessment.place === 'subsection'))) this.gradeHeadings.set(km.bedomning.headingSpan.start, km);
      else if (km.bedomning?.gradeText) this.badgeAfter.set(km.bedomning.headingSpan.start, km.bedomning.gradeText);
      if (km.rekommendation) this.recommendationHeadings.add(km.rekommendation.headingSpan.start);
    }
  }

  decorate(nodes: HastContent[], letter: boolean, headings: RenderedHeading[]): HastContent[] {
    const out = this.groupRecommendations(nodes.filter((n) => !(n.type === 'text' && n.value.trim() === '')));
    if (!letter) this.insertSummary(out);
    const selfNumbered = out.some((n) => n.type === 'element' && n.tagName === 'h1' && /^\d+(\.\d+)*\.?\s/.test(textOf(n).trim()));
    const counters = [0, 0, 0, 0, 0, 0];
    let index = 0;
    for (const n of out) {
      if (n.type !== 'element') continue;
      const start = offsetOf(n);
      if (start !== null) n.properties.dataLine = this.doc.lines.positionAt(start).line;
      if (hasClass(n, 'recommendation')) {
        for (const c of n.children) {
          if (c.type !== 'element') continue;
          const at = offsetOf(c);
          if (at !== null) c.properties.dataLine = this.doc.lines.positionAt(at).line;
          if (n.properties.dataLine === undefined) n.properties.dataLine = c.properties.dataLine;
          if (isHeading(c)) this.heading(c, letter, selfNumbered, counters, headings, index++);
        }
        continue;
      }
      if (isHeading(n)) this.heading(n, letter, selfNumbered, counters, headings, index++);
      else if (n.tagName === 'table') this.gradeCells(n);
      else if (n.tagName === 'section' && n.properties.dataFootnotes !== undefined) n.properties.className = ['footnotes'];
    }
    // A grade written in prose or a table is shown as a badge on a line of its own after its
    // heading, so that the heading's text (contents, Word's navigation, PDF bookmarks) stays as written.
    for (let i = out.length - 1; i >= 0; i--) {
      const n = out[i];
      const start = n.type === 'element' && isHeading(n) ? offsetOf(n) : null;
      const grade = start !== null ? this.badgeAfter.get(start) : undefined;
      if (grade) out.splice(i + 1, 0, h('p', { className: ['grade-line'], dataLine: (n as Element).properties.dataLine }, [this.badge(grade, grade)]));
    }
    return out;
  }

  private heading(n: Element, letter: boolean, selfNumbered: boolean, counters: number[], headings: RenderedHeading[], index: number): void {
    const level = Number(n.tagName.slice(1));
    const start = offsetOf(n);
    const text = textOf(n).trim();
    let number = '';
    if (!letter && !selfNumbered && level <= 3) {
      counters[level - 1]++;
      for (let i = level; i < counters.length; i++) counters[i] = 0;
      number = counters.slice(0, level).map((c) => String(Math.max(c, 1))).join('.');
    }
    const id = `avsnitt-${index + 1}`;
    n.properties.id = id;
    const km = start !== null ? this.kmByHeading.get(start) : undefined;
    const graded = start !== null ? this.gradeHeadings.get(start) : undefined;
    if (km) n.properties.className = ['kontrollmal'];
    if (graded?.bedomning) {
      // «Bedömning: Delvis uppfyllt» keeps its words, with the grade shown as a badge.
      const grade = graded.bedomning.gradeText;
      n.children = [{ type: 'text', value: `${TEXT.assessment}: ` }, this.badge(grade || TEXT.noGrade, grade)];
    }
    if (number) n.children.unshift(h('span', { className: ['secno'] }, number), { type: 'text', value: ' ' });
    headings.push({ id, level, number, text: number ? stripSectionNumber(text) : text });
  }

  badge(label: string, grade: string): Element {
    return h('span', { className: ['grade', this.gradeClass(grade)] }, label);
  }

  gradeClass(grade: string): GradeClass {
    const resolved = grade ? gradeOnScale(this.doc, grade) : null;
    if (resolved === null) return 'grade-unknown';
    const rank = this.grades.indexOf(resolved);
    if (rank === 0) return 'grade-good';
    return rank === this.grades.length - 1 ? 'grade-bad' : 'grade-partial';
  }

  /** Turns the Bedömning cells of the document's summary table into badges. */
  private gradeCells(table: Element): void {
    const summary = this.doc.summaryTable;
    if (!summary || offsetOf(table) !== summary.span.start) return;
    table.properties.className = ['summary-table'];
    for (const section of table.children) {
      if (section.type !== 'element' || section.tagName !== 'tbody') continue;
      for (const row of section.children) {
        if (row.type !== 'element') continue;
        const cells = row.children.filter((c): c is Element => c.type === 'element');
        const cell = cells[summary.gradeColumn];
        const grade = cell ? textOf(cell).trim() : '';
        if (cell && grade) cell.children = [this.badge(grade, grade)];
      }
    }
  }

  /**
   * A report without its own «Bedömningar mot kontrollmål» table gets one generated from
   * the kontrollmål, at the end of the Sammanfattning's introduction (before its first
   * subsection), or first in the body when there is no Sammanfattning.
   */
  private insertSummary(out: HastContent[]): void {
    if (this.doc.summaryTable || this.doc.controlObjectives.length === 0) return;
    const summaryStart = this.doc.sections.find((s) => s.depth === 1 && s.key.startsWith('sammanfattning'))?.headingSpan.start;
    let at = 0;
    const h1 = out.findIndex((n) => n.type === 'element' && n.tagName === 'h1' && offsetOf(n) === summaryStart);
    if (h1 >= 0) {
      at = h1 + 1;
      while (at < out.length && !(out[at].type === 'element' && /^h[12]$/.test((out[at] as Element).tagName))) at++;
    }
    const unitWord = this.doc.defaultProfile ? TEXT.controlObjective : this.doc.profile.units.name;
    const rows = this.doc.controlObjectives.map((km, i) => {
      const grade = km.bedomning?.gradeText ?? '';
      return h('tr', [
        h('td', km.text ? km.text : `${unitWord} ${kmName(km, i)}`),
        h('td', grade ? [this.badge(grade, grade)] : [this.badge(TEXT.noGrade, '')]),
      ]);
    });
    // Under the Sammanfattning it is a subsection; without one, a section of its own.
    out.splice(at, 0,
      h(h1 >= 0 ? 'h2' : 'h1', { className: ['generated'] }, this.doc.defaultProfile ? TEXT.summaryHeading : `${TEXT.summaryHeadingPrefix} ${this.doc.profile.units.plural}`),
      h('table', { className: ['summary-table', 'generated'] }, [
        h('thead', [h('tr', [h('th', unitWord), h('th', TEXT.assessment)])]),
        h('tbody', rows),
      ]),
    );
  }

  /** Wraps each kontrollmål's Rekommendation heading and what follows it in a box. */
  private groupRecommendations(nodes: HastContent[]): HastContent[] {
    if (this.recommendationHeadings.size === 0) return nodes;
    const out: HastContent[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const start = n.type === 'element' ? offsetOf(n) : null;
      if (n.type !== 'element' || !isHeading(n) || start === null || !this.recommendationHeadings.has(start)) {
        out.push(n);
        continue;
      }
      const level = Number(n.tagName.slice(1));
      const group: ElementContent[] = [n];
      while (i + 1 < nodes.length) {
        const next = nodes[i + 1];
        if (next.type === 'element' && (isHeading(next) && Number(next.tagName.slice(1)) <= level || next.tagName === 'section')) break;
        group.push(next as ElementContent);
        i++;
      }
      out.push(h('div', { className: ['recommendation'] }, group));
    }
    return out;
  }
}

/**
 * rehype-sanitize prefixes ids with `user-content-` (so a report cannot clobber the page's
 * own globals) but leaves links alone; an in-page link `#x` is pointed at `user-content-x`
 * when that is where its target now is, as GitHub does in the browser.
 */
function fixFragmentLinks(tree: HastRoot): void {
  const ids = new Set<string>();
  const links: Element[] = [];
  visitElements(tree, (e) => {
    if (typeof e.properties.id === 'string') ids.add(e.properties.id);
    if (e.tagName === 'a' && typeof e.properties.href === 'string' && e.properties.href.startsWith('#')) links.push(e);
  });
  for (const a of links) {
    const target = decodeURIComponent(String(a.properties.href).slice(1));
    if (!ids.has(target) && ids.has(`user-content-${target}`)) a.properties.href = `#user-content-${target}`;
  }
}

/**
 * Makes the report's pictures safe to show and to send on. A remote picture (`https:`,
 * `//host`) is never fetched, by the preview or by an export: it becomes a placeholder that
 * names its address, and `<source>` elements go the same way (their `<picture>` keeps its
 * fallback `<img>`). With `images` (the exports), relative paths are replaced by the
 * pictures themselves; a refused one becomes a placeholder that says why. It runs after
 * sanitizing, which removed every `data:` URL the report wrote, so the ones left are the
 * renderer's.
 */
function pictures(tree: HastRoot, images: ImageResolver | undefined, warnings: RenderWarning[]): void {
  const warn = (e: Element, message: Msg): void => {
    warnings.push({ start: e.position?.start.offset ?? null, end: e.position?.end.offset ?? null, message });
  };
  // A <source> shows nothing of its own: a remote one leaves its placeholders, a local one nothing.
  const sourceNotes = (source: Element, at: Element): ElementContent[] =>
    remoteSources(source).map((url) => {
      warn(source.position ? source : at, remoteNote(url));
      return placeholder(remoteNote(url).sv);
    });
  visitElements(tree, (e, index, parent) => {
    if (e.tagName === 'picture') {
      // Unwrapped, so that the placeholders for its sources are shown beside its <img>.
      const kept = e.children.flatMap((c) => (c.type === 'element' && c.tagName === 'source' ? sourceNotes(c, e) : [c]));
      parent.children.splice(index, 1, ...kept);
      return index;
    }
    if (e.tagName === 'source') {
      const notes = sourceNotes(e, e);
      parent.children.splice(index, 1, ...notes);
      return index + notes.length;
    }
    if (e.tagName !== 'img' || typeof e.properties.src !== 'string') return;
    const src = e.properties.src;
    if (src.startsWith('data:')) return;
    if (isRemote(src)) {
      parent.children[index] = placeholder(remoteNote(src).sv, altOf(e));
      warn(e, remoteNote(src));
      return;
    }
    if (!images || src.startsWith('#')) return;
    const outcome = images(src);
    if (outcome.kind === 'embedded') {
      e.properties.src = dataUri(outcome.image);
      e.properties.width = e.properties.width ?? outcome.image.width;
      e.properties.height = e.properties.height ?? outcome.image.height;
      return;
    }
    // Named as the report writes it: remark-rehype percent-encoded the address.
    const name = decodedOr(src);
    const message = { sv: `Bilden «${name}» kom inte med i exporten: ${outcome.reason.sv}.`, en: `The picture «${name}» was left out of the export: ${outcome.reason.en}.` };
    warn(e, message);
    if (outcome.kind === 'refused') parent.children[index] = placeholder(`Bilden «${name}» är utelämnad: ${outcome.reason.sv}.`, altOf(e));
  });
}

/** The remote addresses in a `<source>`'s srcset (each entry is an address and a size). */
function remoteSources(source: Element): string[] {
  const value: unknown = source.properties.srcSet;
  const entries = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
  return entries.map((x) => x.trim().split(/\s+/)[0]).filter((u) => u !== '' && isRemote(u));
}

function decodedOr(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}

function altOf(e: Element): string {
  return typeof e.properties.alt === 'string' ? e.properties.alt : '';
}

/**
 * Removes the characters XML 1.0 forbids from every text and attribute of the tree, since
 * Word refuses a file that holds one and HTML counts them as errors.
 */
function cleanText(tree: HastRoot): void {
  const clean = (n: HastRoot | HastContent): void => {
    if (n.type === 'text' || n.type === 'comment') n.value = xmlSafe(n.value);
    else if (n.type === 'element') {
      const properties = n.properties;
      for (const key in properties) {
        const value = properties[key];
        if (typeof value === 'string') properties[key] = xmlSafe(value);
        else if (Array.isArray(value)) properties[key] = value.map((v) => (typeof v === 'string' ? xmlSafe(v) : v));
      }
    }
    if (n.type === 'root' || n.type === 'element') for (const c of n.children) clean(c);
  };
  clean(tree);
}

function isHeading(n: Element): boolean {
  return /^h[1-6]$/.test(n.tagName);
}

function offsetOf(n: Element): number | null {
  return n.position?.start.offset ?? null;
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
}
