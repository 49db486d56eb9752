import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { msg, type Msg } from '../i18n.js';
import { scanDecisions, type ReferenceForm } from './decisions.js';
import { readFrontmatter } from './frontmatter.js';
import { parseIncrementally, type TextChange } from './incremental.js';
import { shiftBlocks } from './mdast-tools.js';
import { needsInlineGuard, restoreTamed, tameInline } from './limits.js';
import { parseMarkdownInParts } from './parts.js';
import { organTable, type OrganTable } from './organs.js';
import { DEFAULT_PROFILE } from '../profiles/builtin.js';
import { resolveProfile, resolveScale, type ProfileChoice } from '../profiles/resolve.js';
import { buildUnits } from './units.js';
import { LineIndex, normalizeHeading, normalizeLabel } from './text.js';
import {
  DOCUMENT_TYPES,
  type AuditDocument,
  type DecisionRef,
  type DocumentType,
  type FootnoteDef,
  type FootnoteRef,
  type ImageRef,
  type InlineControl,
  type MalformedRef,
  type Section,
  type Span,
  type TextRun,
  sourceSpanInRun,
} from './types.js';

export interface ParseOptions extends ProfileChoice {
  organs?: OrganTable;
  /** The house style, used to word suggestions for malformed references. */
  style?: ReferenceForm;
}

const defaultOrgans = organTable();

/**
 * Parses one version of an audit document into its model. Never throws: incomplete and
 * broken documents are the normal case while typing, so every step tolerates anything.
 */
export function parseAuditDocument(input: string, options: ParseOptions = {}): AuditDocument {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const nesting = tameNesting(text);
  const inline = tameInline(nesting.parseInput);
  const parseInput = inline.parseInput;
  const problems = [...nesting.problems, ...inline.problems];
  let root: Root;
  try {
    root = parseMarkdownInParts(parseInput);
    restoreTamed(root, nesting.parseInput, parseInput, inline.tamed);
  } catch (e) {
    // Only pathological input can make the Markdown parser give up (a stack overflow);
    // the document then still gets its frontmatter and line-based checks.
    root = { type: 'root', children: [] };
    problems.push({
      span: { start: 0, end: 0 },
      message: msg(
        `Dokumentet kunde inte tolkas som Markdown (${e instanceof Error ? e.message : String(e)}); bara frontmattern kontrolleras.`,
        `The document could not be parsed as Markdown (${e instanceof Error ? e.message : String(e)}); only the frontmatter is checked.`,
      ),
    });
  }
  return buildModel(text, root, options, problems);
}

/**
 * Parses the next version of a document, reusing the previous version's tree where the edit
 * cannot have changed it (see `parseIncrementally`), and building the model anew. The
 * previous model is consumed: its tree's nodes move into the new one. The result equals
 * `parseAuditDocument(input, options)`.
 */
export function parseNextVersion(prev: AuditDocument | null, input: string, options: ParseOptions = {}): AuditDocument {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!prev || prev.parseProblems.length > 0) return parseAuditDocument(input, options);
  // The tree is shared with the next version, which may move its nodes.
  settle(prev);
  if (prev.text === text) return buildModel(text, prev.root, options, [], prev.lines);
  let root: Root | null = null;
  // The blocks after the edit are moved when the new tree is first read (see `buildModel`).
  const change: TextChange = { start: 0, oldEnd: 0, newEnd: 0, defer: true };
  try {
    // The previous version had no absurdly nested line, so only the re-parsed region can have one.
    root = parseIncrementally({ text: prev.text, root: prev.root }, text, undefined, (region) => !DEEP_HINT.test(region) && !DEEP_INDENT_HINT.test(region) && !needsInlineGuard(region), change);
  } catch {
    root = null;
  }
  if (!root) return parseAuditDocument(input, options);
  return buildModel(text, root, options, [], LineIndex.edited(prev.lines, text, change.start, change.oldEnd, change.newEnd), { prevRoot: prev.root, change });
}

/** Containers nested deeper than this cannot be meant; micromark's time grows with the square of the depth. */
const MAX_NESTING = 100;
/**
 * A cheap test for text that may be nested absurdly deep; most documents fail it at once.
 * It counts ordered-list markers (`1.`, `1)`) too: `> - 1. ` repeated slipped past a hint
 * that knew only `>`, `-`, `+` and `*`, and took minutes to parse.
 */
const DEEP_HINT = /(?:(?:[>\-+*]|\d{1,9}[.)])[ \t]*){100}/;
const DEEP_PREFIX = new RegExp(`^[ \\t]*(?:(?:>[ \\t]*|(?:[-+*]|\\d{1,9}[.)])[ \\t]+)){${MAX_NESTING + 1},}`, 'gm');
/**
 * A list item or quote marker after more indentation than this is read as text. Lists
 * nested one level deeper on each line (two columns each) cost mdast's list preparation
 * the cube of their depth: 600 deep took tens of seconds, 50 deep takes milliseconds. An
 * indented code block never starts a line with a list marker this deep in a report.
 */
const MAX_INDENT = 100;
const DEEP_INDENT = new RegExp(`^([ \\t]{${MAX_INDENT},})((?:[-+*]|\\d{1,9}[.)])(?=[ \\t]|$)|>)`, 'gm');
const DEEP_INDENT_HINT = new RegExp(`(?:^|\\n)[ \\t]{${MAX_INDENT}}`);

/**
 * Blanks the container markers of absurdly nested lines (thousands of `>` or `- `) before
 * parsing, keeping every offset, so that such input gives a clear diagnostic instead of
 * a parse that takes minutes.
 */
function tameNesting(text: string): { parseInput: string; problems: { span: Span; message: Msg }[] } {
  const problems: { span: Span; message: Msg }[] = [];
  DEEP_PREFIX.lastIndex = 0;
  const parseInput = !DEEP_HINT.test(text) ? text : text.replace(DEEP_PREFIX, (prefix, offset: number) => {
    problems.push({
      span: { start: offset, end: offset + prefix.length },
      message: msg(
        `Raden är nästlad i mer än ${MAX_NESTING} nivåer av citat eller listor och tolkas som vanlig text.`,
        `The line is nested more than ${MAX_NESTING} levels of quotes or lists deep and is read as plain text.`,
      ),
    });
    return prefix.replace(/[^\t]/g, ' ');
  });
  if (!DEEP_INDENT_HINT.test(parseInput)) return { parseInput, problems };
  DEEP_INDENT.lastIndex = 0;
  const unindented = parseInput.replace(DEEP_INDENT, (line: string, indent: string, marker: string, offset: number) => {
    problems.push({
      span: { start: offset + indent.length, end: offset + line.length },
      message: msg(
        `Listan eller citatet är indraget mer än ${MAX_INDENT} tecken och tolkas som vanlig text: så djupt nästlade listor kan inte vara menade.`,
        `The list or quote is indented more than ${MAX_INDENT} columns and is read as plain text: lists nested this deep cannot be meant.`,
      ),
    });
    return indent + ' '.repeat(marker.length);
  });
  return { parseInput: unindented, problems };
}

/**
 * The model of a parsed version. `lines`, when given, is the text's line index, already
 * brought up to date from the previous version's (see `LineIndex.edited`).
 */
export function buildModel(
  text: string, root: Root, options: ParseOptions, parseProblems: AuditDocument['parseProblems'] = [], lines: LineIndex = new LineIndex(text), edit?: Edit,
): AuditDocument {
  const organs = options.organs ?? defaultOrgans;
  const style = options.style ?? 'A';
  // The blocks after an edit are moved when the tree is first read: a request right after a
  // keystroke (completion in prose, hover on a reference) reads the fact lists, which are
  // moved apart from the tree, and the rules read the tree in a later slice. The frontmatter
  // block, read here, stands before any edit the incremental parse accepts, but a tree
  // whose first block moves is moved at once all the same.
  let pending = edit?.change.shift;
  const tree = (): Root => {
    if (pending) {
      shiftBlocks(root.children, pending.offset, pending.lines, pending.index);
      pending = undefined;
    }
    return root;
  };
  if (pending && pending.index === 0) tree();
  const first = root.children[0];
  const yamlSpan = first && first.type === 'yaml' ? nodeSpan(first) : null;
  const frontmatter = readFrontmatter(text, yamlSpan);
  const typValue = frontmatter?.fields.get('typ')?.value;
  const type = typeof typValue === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(typValue.trim())
    ? (typValue.trim() as DocumentType)
    : null;

  const walk: LazyFacts = (edit && spliceFacts(text, root, organs, style, edit)) ?? eager(collectFacts(text, tree(), organs, style));
  let textRuns: TextRun[] | undefined;
  const runsOf = (): TextRun[] => (textRuns ??= walk.textRuns());
  const definedKeys = new Set(walk.footnoteDefs.map((d) => d.key));
  const footnoteRefs: FootnoteRef[] = walk.footnoteRefs.map((r) => (r.defined || !definedKeys.has(r.key) ? r : { ...r, defined: true }));
  const decisions = walk.decisions;
  const malformedRefs = walk.malformedRefs;
  footnoteRefs.sort((a, b) => a.span.start - b.span.start);

  const profile = resolveProfile(frontmatter?.fields.get('profil')?.value, options);
  const defaultProfile = profile.name === DEFAULT_PROFILE;
  const scale = resolveScale(frontmatter?.fields.get('skala')?.value, profile, options);

  // The section tree and the units are built when first read, not with the rest: a request
  // right after a keystroke (completion in prose, hover on a reference) mostly needs neither,
  // and the rules read them in a later slice of the validation. Their inputs (the text, the
  // tree, the references) stay as they are until the next version consumes this one's tree,
  // and `parseNextVersion` builds them before it does (see `settle`).
  let sections: Section[] | undefined;
  let units: ReturnType<typeof buildUnits> | undefined;
  const sectionTree = (): Section[] => (sections ??= buildSections(text, tree()));
  const unitsOf = () => (units ??= buildUnits(text, tree(), sectionTree(), footnoteRefs, profile, scale, defaultProfile));
  const model: AuditDocument = {
    text,
    lines,
    get root() {
      return tree();
    },
    set root(value) {
      pending = undefined;
      root = value;
    },
    frontmatter,
    type,
    get sections() {
      return sectionTree();
    },
    set sections(value) {
      sections = value;
    },
    get findingsSection() {
      return unitsOf().findingsSection;
    },
    set findingsSection(value) {
      unitsOf().findingsSection = value;
    },
    get controlObjectives() {
      return unitsOf().units;
    },
    set controlObjectives(value) {
      unitsOf().units = value;
    },
    profile,
    defaultProfile,
    scale,
    get recommendations() {
      return unitsOf().recommendations;
    },
    set recommendations(value) {
      unitsOf().recommendations = value;
    },
    get recommendationSection() {
      return unitsOf().recommendationSection;
    },
    set recommendationSection(value) {
      unitsOf().recommendationSection = value;
    },
    footnoteRefs,
    footnoteDefs: walk.footnoteDefs,
    decisions,
    malformedRefs,
    get summaryTable() {
      return unitsOf().summaryTable;
    },
    set summaryTable(value) {
      unitsOf().summaryTable = value;
    },
    get textRuns() {
      return runsOf();
    },
    set textRuns(value) {
      textRuns = value;
    },
    controls: walk.controls,
    images: walk.images,
    parseProblems,
  };
  settlers.set(model, () => {
    unitsOf();
    runsOf();
  });
  return model;
}

function eager(f: Facts): LazyFacts {
  const runs = f.textRuns;
  return { ...f, textRuns: () => runs };
}

/** How to build the parts of a model that are built when first read; see `buildModel`. */
const settlers = new WeakMap<AuditDocument, () => unknown>();

/**
 * Builds what a model has not built yet, before the next version moves the nodes of its
 * tree: a model read after that still gives what it would have given when it was made.
 */
function settle(model: AuditDocument): void {
  settlers.get(model)?.();
}

export function nodeSpan(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** What the rules need from deep inside the tree, collected in one walk. */
interface Facts {
  textRuns: TextRun[];
  /** References; those found in text (no definition in the parse) have `defined: false`. */
  footnoteRefs: FootnoteRef[];
  footnoteDefs: FootnoteDef[];
  controls: InlineControl[];
  decisions: DecisionRef[];
  malformedRefs: MalformedRef[];
  images: ImageRef[];
}

/** The facts of one root-level block, with the offset and options they were computed for. */
interface BlockFacts extends Facts {
  offset: number;
  organs: OrganTable;
  style: ReferenceForm;
}

/**
 * Facts per root-level block node. The incremental parse moves unchanged blocks into the next
 * version's tree (only their positions shift), so a keystroke re-walks only the blocks it
 * re-parsed; the others' facts are reused, shifted. This halves the model's cost per keystroke
 * in a long report. A weak map, so that facts go when their tree goes.
 */
const blockCache = new WeakMap<RootContent, BlockFacts>();

/** How a tree came from the previous version's: which blocks the incremental parse replaced. */
interface Edit {
  prevRoot: Root;
  change: TextChange;
}

/**
 * Each tree's facts per root-level block, in order, and the document's lists gathered from
 * them, while every block's facts could be kept (see `withinBlock`). The next version
 * splices them: the blocks and list items before the edit are taken as they are, the
 * re-parsed blocks walked, and only the items after it moved, without looking up each
 * block of the tree again.
 */
const blockLists = new WeakMap<Root, KeptFacts>();

interface KeptFacts {
  blocks: BlockFacts[];
  lists: Facts;
  organs: OrganTable;
  style: ReferenceForm;
  /** Splices the text runs, while they have not been spliced yet (see `spliceFacts`). */
  settle?: () => unknown;
}

/** Facts whose text runs are gathered when first read. */
type LazyFacts = Omit<Facts, 'textRuns'> & { textRuns: () => TextRun[] };

/** The facts of a tree made by the incremental parse, from the previous tree's; null when they must be collected anew. */
function spliceFacts(text: string, root: Root, organs: OrganTable, style: ReferenceForm, edit: Edit): LazyFacts | null {
  const known = blockLists.get(edit.prevRoot);
  // The previous tree's runs must be where its blocks say before they are spliced again.
  known?.settle?.();
  const { from, to, count } = edit.change;
  if (!known || known.organs !== organs || known.style !== style || from === undefined || to === undefined || count === undefined) return null;
  const fresh: BlockFacts[] = [];
  for (let i = from; i < from + count; i++) {
    const node = root.children[i];
    const facts = blockFacts(text, node, organs, style);
    if (!withinBlock(facts, nodeSpan(node))) return null;
    blockCache.set(node, facts);
    fresh.push(facts);
  }
  // Every kept item lies inside its block, and the blocks are in document order, so each
  // list holds first the items of the blocks before the region (starting before it), then
  // those of the replaced blocks, then those after the region (starting at or after its old
  // end). The boundaries are found by halving, before the items after the region move.
  const regionStart = from < known.blocks.length ? known.blocks[from].offset : Infinity;
  const regionEnd = to < known.blocks.length ? known.blocks[to].offset : Infinity;
  const delta = edit.change.newEnd - edit.change.oldEnd;
  const old = known.lists;
  const splice = <T>(list: T[], part: (f: Facts) => T[], startOf: (x: T) => number, shift: (x: T) => void): T[] => {
    const k = firstAt(list, regionStart, startOf);
    const m = firstAt(list, regionEnd, startOf);
    if (delta !== 0) for (let i = m; i < list.length; i++) shift(list[i]);
    const out = list.slice(0, k);
    for (const f of fresh) for (const x of part(f)) out.push(x);
    for (let i = m; i < list.length; i++) out.push(list[i]);
    return out;
  };
  // The text runs, by far the longest list, are spliced when first read: a request right
  // after a keystroke (completion in prose, hover on a reference) reads none, and moving
  // and copying every run below the edit was a fifth of the model's cost per keystroke.
  // The runs stay where they were until then; `parseNextVersion` splices them before the
  // next version moves anything (see `settle`), so they read the same whenever they are read.
  // They are spliced by loops of their own (a call through a function per run cost as much
  // as the rest of the splice).
  const runs = old.textRuns;
  let textRuns: TextRun[] | undefined;
  const spliceRuns = (): TextRun[] => {
    if (textRuns) return textRuns;
    const k = firstRunAt(runs, regionStart);
    const m = firstRunAt(runs, regionEnd);
    if (delta !== 0) {
      for (let i = m; i < runs.length; i++) {
        const r = runs[i];
        r.start += delta;
        r.end += delta;
      }
    }
    const spliced = runs.slice(0, k);
    for (const f of fresh) for (const r of f.textRuns) spliced.push(r);
    for (let i = m; i < runs.length; i++) spliced.push(runs[i]);
    textRuns = spliced;
    lists.textRuns = spliced;
    kept.settle = undefined;
    return spliced;
  };
  const lists: Facts = {
    textRuns: [],
    footnoteRefs: splice(old.footnoteRefs, (f) => f.footnoteRefs, (x) => x.span.start, (x) => shiftSpan(x.span, delta)),
    footnoteDefs: splice(old.footnoteDefs, (f) => f.footnoteDefs, (x) => x.span.start, (x) => {
      shiftSpan(x.span, delta);
      shiftSpan(x.labelSpan, delta);
    }),
    controls: splice(old.controls, (f) => f.controls, (x) => x.span.start, (x) => shiftSpan(x.span, delta)),
    decisions: splice(old.decisions, (f) => f.decisions, (x) => x.span.start, (x) => shiftSpan(x.span, delta)),
    malformedRefs: splice(old.malformedRefs, (f) => f.malformedRefs, (x) => x.span.start, (x) => shiftSpan(x.span, delta)),
    images: splice(old.images, (f) => f.images, (x) => x.span.start, (x) => shiftSpan(x.span, delta)),
  };
  // The items moved above are the blocks' own, so each block after the region only notes its new offset.
  if (delta !== 0) for (let i = to; i < known.blocks.length; i++) known.blocks[i].offset += delta;
  const blocks = known.blocks.slice(0, from).concat(fresh, known.blocks.slice(to));
  const kept: KeptFacts = { blocks, lists, organs, style, settle: spliceRuns };
  blockLists.set(root, kept);
  const { textRuns: _, ...rest } = copyLists(lists);
  // The model gets an array of its own, so that the list kept for the next version stays as it was spliced.
  return { ...rest, textRuns: () => spliceRuns().slice() };
}

/** The index of the first run that starts at or after `offset`. */
function firstRunAt(runs: readonly TextRun[], offset: number): number {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (runs[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of the first item that starts at or after `offset`, in items whose starts ascend at least from block to block. */
function firstAt<T>(items: readonly T[], offset: number, startOf: (x: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (startOf(items[mid]) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The lists a model gets: its own arrays, so that the lists kept for the next version stay
 * as they were gathered whatever a reader of the model does with its arrays.
 */
function copyLists(f: Facts): Facts {
  return {
    textRuns: f.textRuns.slice(), footnoteRefs: f.footnoteRefs.slice(), footnoteDefs: f.footnoteDefs.slice(), controls: f.controls.slice(),
    decisions: f.decisions.slice(), malformedRefs: f.malformedRefs.slice(), images: f.images.slice(),
  };
}

function collectFacts(text: string, root: Root, organs: OrganTable, style: ReferenceForm): Facts {
  const blocks: BlockFacts[] = [];
  let allKept = true;
  for (const node of root.children) {
    const offset = node.position?.start.offset ?? 0;
    let facts = blockCache.get(node);
    if (!facts || facts.organs !== organs || facts.style !== style) {
      facts = blockFacts(text, node, organs, style);
      // Facts whose spans reach outside their block depend on text around it and are not kept.
      if (withinBlock(facts, nodeSpan(node))) blockCache.set(node, facts);
      else allKept = false;
    } else if (facts.offset !== offset) {
      shiftFacts(facts, offset - facts.offset);
    }
    blocks.push(facts);
  }
  const lists = gather(blocks);
  if (!allKept) return lists;
  blockLists.set(root, { blocks, lists, organs, style });
  return copyLists(lists);
}

/** The document's facts from its blocks'. */
function gather(blocks: BlockFacts[]): Facts {
  // One loop per kind of fact, so that each loop sees objects of one shape (a loop over all
  // kinds at once, indexed by key, was the model's most expensive line per keystroke).
  // Loops, not push(...): one block (a long list) may hold more items than a call takes arguments.
  const textRuns: TextRun[] = [];
  const footnoteRefs: FootnoteRef[] = [];
  const footnoteDefs: FootnoteDef[] = [];
  const controls: InlineControl[] = [];
  const decisions: DecisionRef[] = [];
  const malformedRefs: MalformedRef[] = [];
  const images: ImageRef[] = [];
  for (const f of blocks) for (const x of f.textRuns) textRuns.push(x);
  for (const f of blocks) for (const x of f.footnoteRefs) footnoteRefs.push(x);
  for (const f of blocks) for (const x of f.footnoteDefs) footnoteDefs.push(x);
  for (const f of blocks) for (const x of f.controls) controls.push(x);
  for (const f of blocks) for (const x of f.decisions) decisions.push(x);
  for (const f of blocks) for (const x of f.malformedRefs) malformedRefs.push(x);
  for (const f of blocks) for (const x of f.images) images.push(x);
  return { textRuns, footnoteRefs, footnoteDefs, controls, decisions, malformedRefs, images };
}

function withinBlock(f: Facts, block: Span): boolean {
  for (const list of [f.footnoteRefs, f.decisions, f.malformedRefs, f.images]) {
    for (const x of list) if (x.span.start < block.start || x.span.end > block.end) return false;
  }
  return true;
}

/**
 * Moves a block's facts in place, as the incremental parse moves the block's nodes: the
 * previous version's model is consumed by the next one, and allocating fresh copies of
 * every fact below an edit cost more in garbage collection than the walk they save.
 * One loop per kind of fact, each over objects of one shape.
 */
function shiftFacts(f: BlockFacts, d: number): void {
  f.offset += d;
  for (const r of f.textRuns) {
    r.start += d;
    r.end += d;
  }
  for (const x of f.footnoteRefs) shiftSpan(x.span, d);
  for (const x of f.footnoteDefs) {
    shiftSpan(x.span, d);
    shiftSpan(x.labelSpan, d);
  }
  for (const x of f.controls) shiftSpan(x.span, d);
  for (const x of f.decisions) shiftSpan(x.span, d);
  for (const x of f.malformedRefs) shiftSpan(x.span, d);
  for (const x of f.images) shiftSpan(x.span, d);
}

function shiftSpan(span: Span, d: number): void {
  span.start += d;
  span.end += d;
}

const CONTROL = /<!--\s*granska-(disable-next-line|disable|enable)\b([\s\S]*?)-->/g;

/**
 * The one walk over a block. Everything rules need from deep inside the tree is collected
 * here, so no rule walks the tree itself (25 walks cost 100× one walk). Iterative, so that
 * deeply nested input cannot overflow the stack.
 */
function blockFacts(text: string, block: RootContent, organs: OrganTable, style: ReferenceForm): BlockFacts {
  const result: BlockFacts = {
    offset: block.position?.start.offset ?? 0, organs, style,
    textRuns: [], footnoteRefs: [], footnoteDefs: [], controls: [], decisions: [], malformedRefs: [], images: [],
  };
  // Two parallel stacks rather than one of pairs: the walk visits every node of a long
  // report, and an object per node is garbage the editor pays for.
  const nodes: Nodes[] = [block];
  const notes: (string | null)[] = [null];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const footnote = notes.pop()!;
    switch (node.type) {
      case 'text': {
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? start;
        const run: TextRun = { value: node.value, start, end, exact: text.startsWith(node.value, start), footnote };
        result.textRuns.push(run);
        scanRun(text, run, result, organs, style);
        continue;
      }
      case 'footnoteReference': {
        result.footnoteRefs.push({ label: node.label ?? node.identifier, key: normalizeLabel(node.identifier), span: nodeSpan(node), defined: true });
        continue;
      }
      case 'html': {
        CONTROL.lastIndex = 0;
        const base = node.position?.start.offset ?? 0;
        for (let m = CONTROL.exec(node.value); m; m = CONTROL.exec(node.value)) {
          const rules = m[2].split(/[\s,]+/).filter((r) => r.length > 0);
          result.controls.push({ kind: m[1] as InlineControl['kind'], rules, span: { start: base + m.index, end: base + m.index + m[0].length } });
        }
        if (node.value.includes('<img') || node.value.includes('<IMG')) scanImageTags(text, node.value, base, result.images);
        continue;
      }
      case 'image': {
        result.images.push({ alt: node.alt ?? '', src: node.url, span: nodeSpan(node) });
        continue;
      }
      case 'imageReference': {
        result.images.push({ alt: node.alt ?? '', src: '', span: nodeSpan(node) });
        continue;
      }
      case 'yaml':
      case 'code':
      case 'inlineCode':
        continue;
      case 'footnoteDefinition': {
        const span = nodeSpan(node);
        const labelEnd = text.indexOf(']', span.start);
        result.footnoteDefs.push({
          label: node.label ?? node.identifier,
          key: normalizeLabel(node.identifier),
          span,
          labelSpan: { start: span.start, end: labelEnd >= 0 && labelEnd < span.end ? labelEnd + 2 : span.start },
          text: toString(node).trim(),
        });
        const key = normalizeLabel(node.identifier);
        for (let i = node.children.length - 1; i >= 0; i--) {
          nodes.push(node.children[i]);
          notes.push(key);
        }
        continue;
      }
    }
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) {
        nodes.push(children[i]);
        notes.push(footnote);
      }
    }
  }
  result.footnoteRefs.sort((a, b) => a.span.start - b.span.start);
  return result;
}

const IMG_TAG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ALT_ATTRIBUTE = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const SRC_ATTRIBUTE = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** The `<img>` tags of a block of the report's own HTML, with their `alt` (empty when absent). */
function scanImageTags(text: string, html: string, base: number, into: ImageRef[]): void {
  IMG_TAG.lastIndex = 0;
  for (let m = IMG_TAG.exec(html); m; m = IMG_TAG.exec(html)) {
    const alt = ALT_ATTRIBUTE.exec(m[0]);
    const src = SRC_ATTRIBUTE.exec(m[0]);
    // Inside a block quote or a list the node's value lacks the source's markers, so the
    // tag is looked up in the source; failing that, the offset within the value is kept.
    const found = text.indexOf(m[0], base);
    const start = found >= 0 ? found : base + m.index;
    into.push({ alt: alt ? alt[1] ?? alt[2] ?? alt[3] ?? '' : '', src: src ? src[1] ?? src[2] ?? src[3] ?? '' : '', span: { start, end: start + m[0].length } });
  }
}

/** Finds footnote references left as text and decision references in one text run; most hold neither `[^` nor `§`. */
function scanRun(text: string, run: TextRun, into: Facts, organs: OrganTable, style: ReferenceForm): void {
  const value = run.value;
  if (value.includes('[^')) {
    // remark-gfm turns `[^x]` into a reference only when `x` is defined in the same parse;
    // the others stay text and are found here so that they can be reported. One written
    // with an escape or a character reference (`\[^3]`, `&#91;^3]`) is meant as literal
    // text and is no reference; that also keeps rename's edits on real `[^label]` source.
    const re = /\[\^([^[\]\s]+)\]/g;
    for (let m = re.exec(value); m; m = re.exec(value)) {
      const { span } = sourceSpanInRun(text, run, m.index, m[0].length);
      if (text.slice(span.start, span.end) !== m[0]) continue;
      into.footnoteRefs.push({ label: m[1], key: normalizeLabel(m[1]), span, defined: false });
    }
  }
  if (!value.includes('§')) return;
  const scanned = scanDecisions(value, organs, { malformed: run.footnote !== null, style });
  for (const r of scanned.refs) {
    const { span, exact } = sourceSpanInRun(text, run, r.start, r.raw.length);
    into.decisions.push({
      organ: r.organ, organName: r.organName, paragraph: r.paragraph, date: r.date, form: r.form, raw: r.raw,
      span, spanExact: exact, footnote: run.footnote,
    });
  }
  for (const r of scanned.malformed) {
    const { span, exact } = sourceSpanInRun(text, run, r.start, r.raw.length);
    into.malformedRefs.push({ raw: r.raw, span, spanExact: exact, suggestion: r.suggestion, safe: r.safe, footnote: run.footnote! });
  }
}

/**
 * A heading's text and its key for matching, kept per heading node: the incremental parse
 * moves unchanged headings into the next version, and the section tree of a long report
 * is rebuilt at every keystroke from hundreds of them.
 */
const headingCache = new WeakMap<Heading, { title: string; key: string }>();

function headingText(node: Heading): { title: string; key: string } {
  let known = headingCache.get(node);
  if (!known) {
    const title = toString(node);
    known = { title, key: normalizeHeading(title) };
    headingCache.set(node, known);
  }
  return known;
}

function buildSections(text: string, root: Root): Section[] {
  const top: Section[] = [];
  const open: Section[] = [];
  const close = (s: Section, index: number, offset: number) => {
    s.end = index;
    s.span = { start: s.span.start, end: offset };
  };
  root.children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const span = nodeSpan(node);
    while (open.length > 0 && open[open.length - 1].depth >= node.depth) close(open.pop()!, index, span.start);
    const { title, key } = headingText(node);
    const parent = open.length > 0 ? open[open.length - 1] : null;
    const section: Section = {
      depth: node.depth, title, key, heading: node, headingSpan: span,
      span: { start: span.start, end: text.length }, first: index + 1, end: root.children.length, children: [], parent,
    };
    (parent ? parent.children : top).push(section);
    open.push(section);
  });
  while (open.length > 0) close(open.pop()!, root.children.length, text.length);
  return top;
}
