import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { COMMON_BODIES, SIGNATORY_ROLES } from '../data/bodies.js';
import { KOMMUNER } from '../data/kommuner.js';
import { localize, msg, type Msg } from '../i18n.js';
import { scaleOf } from '../lint/lint.js';
import { DATE_KEYS, FRONTMATTER_KEYS, STATUS_VALUES } from '../model/keys.js';
import { DOCUMENT_TYPES, type AuditDocument, type ControlObjective, type Section } from '../model/types.js';
import { headingMatcher } from '../profiles/types.js';
import { nextFootnoteLabel } from '../rules/edits.js';
import { formatDecision } from '../model/decisions.js';
import { parseIsoDate } from '../model/dates.js';
import { normalizeOrgan, registerDecisions } from '../workspace/register.js';
import { followUpCompletions } from './follow-up.js';
import { lineAt, rangeOf, type FeatureContext } from './context.js';

/**
 * Completions, by where the cursor stands: a frontmatter key or value, a grade after
 * `### Bedömning:`, a kontrollmål or subsection heading, a footnote label after `[^`, a
 * decision reference in a footnote definition, or a standard phrase in a missiv.
 */
export function completions(ctx: FeatureContext, offset: number): CompletionItem[] {
  const { doc } = ctx;
  const line = lineAt(doc, offset);
  const fm = frontmatterBlock(doc);
  if (fm && offset >= fm.contentStart && offset < fm.contentEnd) return frontmatterCompletions(ctx, offset, line, fm.contentStart);
  if (fm && offset < fm.contentStart) return [];
  if (!mayComplete(line.before, doc.type)) return [];
  return (
    gradeCompletions(ctx, offset, line) ??
    chapterCompletions(ctx, offset, line) ??
    headingCompletions(ctx, offset, line) ??
    decisionCompletions(ctx, offset, line) ??
    footnoteCompletions(ctx, offset, line) ??
    followUpCompletions(ctx, offset) ??
    missivPhrases(ctx, offset, line) ??
    []
  );
}

/**
 * Whether any completion below the frontmatter can start from this text before the cursor on
 * its line: every branch of `completions` after the frontmatter needs one of these (a heading
 * or a footnote definition or a table row at the line's start, an open `[^` just before the
 * cursor, or a missiv). Answering right after a keystroke without a parse relies on it
 * (`after-edit.ts`), so a new branch must be let through here.
 */
export function mayComplete(before: string, type: AuditDocument['type']): boolean {
  return type === 'missiv' || /^[ \t]{0,3}(?:#|\[\^|\|)/.test(before) || /\[\^[^\]\s]*$/.test(before);
}

type Line = ReturnType<typeof lineAt>;

/** The YAML between the fences, from the model; while the closing fence is not yet written, the rest of the text. */
function frontmatterBlock(doc: AuditDocument): { contentStart: number; contentEnd: number } | null {
  const fm = doc.frontmatter;
  if (!fm) return null;
  const contentEnd = fm.unclosed ? doc.text.length : doc.text.lastIndexOf('\n', fm.span.end - 1) + 1;
  return { contentStart: fm.contentStart, contentEnd: Math.max(fm.contentStart, contentEnd) };
}

/** Keys that belong in each kind of document (spec §2), in the order they are usually written. */
const KEYS_BY_TYPE: Record<string, readonly string[]> = {
  granskningsrapport: ['typ', 'kommun', 'titel', 'datum', 'status', 'skala', 'revisionsbyrå', 'författare', 'granskade', 'diarienummer', 'profil'],
  uppföljning: ['typ', 'kommun', 'titel', 'datum', 'status', 'skala', 'revisionsbyrå', 'författare', 'granskade', 'diarienummer', 'tidigare', 'profil'],
  förstudie: ['typ', 'kommun', 'titel', 'datum', 'status', 'revisionsbyrå', 'författare', 'granskade', 'diarienummer'],
  missiv: ['typ', 'kommun', 'titel', 'datum', 'diarienummer', 'till', 'kännedom', 'svar_senast', 'rapport', 'undertecknare', 'revisionsbyrå', 'status'],
};
const REQUIRED: Record<string, readonly string[]> = {
  granskningsrapport: ['typ', 'kommun', 'titel', 'datum', 'granskade'],
  uppföljning: ['typ', 'kommun', 'titel', 'datum', 'granskade'],
  förstudie: ['typ', 'kommun', 'titel', 'datum'],
  missiv: ['typ', 'kommun', 'datum', 'till', 'svar_senast', 'undertecknare'],
};
const LIST_KEYS = new Set(['författare', 'granskade', 'till', 'kännedom']);
const BODY_KEYS = new Set(['granskade', 'till', 'kännedom']);

const TYPE_DOCS: Record<string, Msg> = {
  granskningsrapport: msg('En granskningsrapport med kontrollmål, bedömningar och rekommendationer.', 'An audit report with control objectives, assessments and recommendations.'),
  förstudie: msg('En förstudie: bakgrund, revisionsfrågor, iakttagelser och en sammanfattande bedömning.', 'A pre-study: background, audit questions, observations and an overall assessment.'),
  uppföljning: msg('En uppföljning av en tidigare granskning; byggs som en granskningsrapport.', 'A follow-up of an earlier audit; built like an audit report.'),
  missiv: msg('Ett missiv: följebrevet som skickar rapporten till nämnderna.', 'A cover letter that sends the report to the committees.'),
};
const STATUS_DOCS: Record<string, Msg> = {
  utkast: msg('Under arbete (standard).', 'Work in progress (default).'),
  granskad: msg('Kvalitetsgranskad.', 'Quality reviewed.'),
  slutlig: msg('Slutlig: varningar räknas som fel.', 'Final: warnings count as errors.'),
};

function frontmatterCompletions(ctx: FeatureContext, offset: number, line: Line, contentStart: number): CompletionItem[] {
  const { doc, locale } = ctx;
  const typValue = doc.frontmatter?.fields.get('typ')?.value;
  const type = typeof typValue === 'string' ? typValue.trim() : '';
  // A key at the start of a line.
  const keyTyped = /^([\p{L}_]*)$/u.exec(line.before);
  if (keyTyped) {
    const present = new Set(presentKeys(doc.text.slice(contentStart, Math.max(contentStart, line.start)) + '\n' + doc.text.slice(line.end)));
    const keys = KEYS_BY_TYPE[type] ?? Object.keys(FRONTMATTER_KEYS);
    const required = new Set(REQUIRED[type] ?? ['typ']);
    const range = rangeOf(doc, { start: line.start, end: line.start + keyTyped[1].length });
    const items = keys.filter((k) => !present.has(k)).map((key, i) => {
      const item: CompletionItem = {
        label: key,
        kind: CompletionItemKind.Property,
        detail: required.has(key) ? localize(msg('obligatorisk', 'required'), locale) : localize(msg('valfri', 'optional'), locale),
        documentation: { kind: MarkupKind.Markdown, value: localize(FRONTMATTER_KEYS[key], locale) },
        sortText: `${required.has(key) ? 0 : 1}${String(i).padStart(2, '0')}`,
        textEdit: { range, newText: keySnippet(key, ctx.today) },
        insertTextFormat: InsertTextFormat.Snippet,
      };
      // Values are offered as soon as the key is in.
      if (!DATE_KEYS.includes(key) && key !== 'undertecknare') item.command = { title: '', command: 'editor.action.triggerSuggest' };
      return item;
    });
    // The sort texts are ASCII digits, so comparing code units gives the collator's order
    // without the first call's set-up of ICU's collator (several milliseconds).
    return items.sort((x, y) => (x.sortText! < y.sortText! ? -1 : x.sortText! > y.sortText! ? 1 : 0));
  }
  const value = /^([\p{L}_]+)[ \t]*:[ \t]*(.*)$/u.exec(line.before);
  const valueRange = (typedLength: number) => rangeOf(doc, { start: offset - typedLength, end: Math.max(offset, trimmedLineEnd(line)) });
  if (value) {
    const [, key, typed] = value;
    switch (key) {
      case 'typ':
        return DOCUMENT_TYPES.map((t) => simple(t, CompletionItemKind.EnumMember, valueRange(typed.length), localize(TYPE_DOCS[t], locale)));
      case 'status':
        return STATUS_VALUES.map((s, i) => ({ ...simple(s, CompletionItemKind.EnumMember, valueRange(typed.length), localize(STATUS_DOCS[s], locale)), sortText: String(i) }));
      case 'skala': {
        // The configuration's scales, then those the document's profile brings (verbal, traffic lights).
        const own = Object.entries(doc.profile.scales).filter(([name]) => !ctx.config.scales.has(name)).map(([name, steps]) => [name, steps.map((x) => x.name)] as const);
        return [...ctx.config.scales.entries(), ...own].map(([name, grades]) => simple(name, CompletionItemKind.EnumMember, valueRange(typed.length), grades.join(' · ')));
      }
      case 'profil':
        return [...ctx.config.profiles.values()].map((p, i) => ({
          ...simple(p.name, CompletionItemKind.EnumMember, valueRange(typed.length), p.description),
          detail: p.name === ctx.config.profile ? localize(msg('standard', 'default'), locale) : p.builtin ? localize(msg('inbyggd', 'built in'), locale) : localize(msg('från konfigurationen', 'from the configuration'), locale),
          sortText: String(i).padStart(2, '0'),
        }));
      case 'kommun':
        return KOMMUNER.map((k) => ({ ...simple(k.formal, CompletionItemKind.Value, valueRange(typed.length)), detail: k.lan, filterText: k.formal }));
      case 'datum':
      case 'svar_senast':
        return [{ ...simple(ctx.today, CompletionItemKind.Value, valueRange(typed.length), localize(msg('Dagens datum', 'Today\'s date'), locale)), preselect: true }];
    }
    if (BODY_KEYS.has(key)) return bodyCompletions(ctx, offset, typed, key);
    return [];
  }
  const role = /^[ \t]+(?:-[ \t]+)?roll[ \t]*:[ \t]*(.*)$/u.exec(line.before);
  if (role) return SIGNATORY_ROLES.map((r, i) => ({ ...simple(r, CompletionItemKind.Value, valueRange(role[1].length)), sortText: String(i).padStart(2, '0') }));
  // An item of a block list: `  - social…` under `till:`.
  const item = /^[ \t]+-[ \t]+(.*)$/u.exec(line.before);
  if (item) {
    const key = enclosingKey(doc.text, line.start, contentStart);
    if (key && BODY_KEYS.has(key)) return bodyCompletions(ctx, offset, item[1], key, valueRange(item[1].length));
  }
  return [];
}

function keySnippet(key: string, today: string): string {
  if (DATE_KEYS.includes(key)) return `${key}: \${1:${today}}`;
  if (key === 'undertecknare') return 'undertecknare:\n  - namn: ${1:namn}\n    roll: ${2:Ordförande}';
  if (LIST_KEYS.has(key)) return `${key}: [$1]`;
  return `${key}: $1`;
}

function presentKeys(yaml: string): string[] {
  return [...yaml.matchAll(/^([\p{L}_]+)[ \t]*:/gmu)].map((m) => m[1]);
}

function enclosingKey(text: string, lineStart: number, contentStart: number): string | null {
  const before = text.slice(contentStart, lineStart);
  const keys = [...before.matchAll(/^([\p{L}_]+)[ \t]*:/gmu)];
  return keys.length > 0 ? keys[keys.length - 1][1] : null;
}

function trimmedLineEnd(line: Line): number {
  return line.start + line.text.replace(/[ \t]+$/, '').length;
}

function simple(label: string, kind: CompletionItemKind, range: Range, doc?: string): CompletionItem {
  return { label, kind, textEdit: { range, newText: label }, ...(doc ? { documentation: doc } : {}) };
}

/**
 * Audited bodies and recipients: the common nämnder plus every body named in the workspace,
 * without those the list already holds. Inside a flow list `[a, b` only the item being
 * typed is replaced.
 */
function bodyCompletions(ctx: FeatureContext, offset: number, typed: string, key: string, blockRange?: Range): CompletionItem[] {
  const { doc, locale } = ctx;
  let range = blockRange;
  let already: string[] = [];
  if (!range) {
    const open = typed.lastIndexOf('[');
    if (open < 0) return [];
    const inside = typed.slice(open + 1);
    const lastComma = inside.lastIndexOf(',');
    const current = inside.slice(lastComma + 1).replace(/^[ \t]+/, '');
    already = inside.slice(0, Math.max(0, lastComma)).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    range = rangeOf(doc, { start: offset - current.length, end: offset });
  } else {
    const field = doc.frontmatter?.fields.get(key)?.value;
    if (Array.isArray(field)) already = field.filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase());
  }
  const workspace = ctx.index.bodies();
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const [names, detail] of [[workspace, msg('används i arbetsytan', 'used in the workspace')], [COMMON_BODIES, msg('vanlig nämnd', 'common committee')]] as const) {
    for (const name of names) {
      const k = name.toLowerCase();
      if (seen.has(k) || already.includes(k)) continue;
      seen.add(k);
      items.push({ label: name, kind: CompletionItemKind.Value, detail: localize(detail, locale), textEdit: { range, newText: name }, sortText: `${names === workspace ? 0 : 1}${name}` });
    }
  }
  return items;
}

/** After `### Bedömning:` the grades of the document's scale, best first. */
function gradeCompletions(ctx: FeatureContext, offset: number, line: Line): CompletionItem[] | null {
  const m = /^[ \t]{0,3}###[ \t]+(?:\d+(?:\.\d+)*\.?[ \t]+)?bedömning[ \t]*[:–—-][ \t]*(.*)$/iu.exec(line.before);
  if (!m) return null;
  const scale = scaleOf(ctx.doc, ctx.config);
  const range = rangeOf(ctx.doc, { start: offset - m[1].length, end: Math.max(offset, trimmedLineEnd(line)) });
  const last = scale.grades.length - 1;
  return scale.grades.map((g, i) => ({
    label: g,
    kind: CompletionItemKind.EnumMember,
    detail: localize(
      i === 0 ? msg(`högsta graden (${scale.name})`, `highest grade (${scale.name})`) : i === last ? msg(`lägsta graden (${scale.name})`, `lowest grade (${scale.name})`) : msg(`skala ${scale.name}`, `scale ${scale.name}`),
      ctx.locale,
    ),
    sortText: String(i).padStart(2, '0'),
    filterText: g,
    textEdit: { range, newText: g },
  }));
}

/**
 * `# `: the chapters the document's profile requires that it does not have yet, in the
 * profile's order; `## ` in a chapter with required sections: the sections it lacks.
 */
function chapterCompletions(ctx: FeatureContext, offset: number, line: Line): CompletionItem[] | null {
  const { doc, locale } = ctx;
  if (doc.type !== 'granskningsrapport' && doc.type !== 'uppföljning') return null;
  const m = /^[ \t]{0,3}(#{1,2})[ \t]+([\p{L}\d ]*)$/u.exec(line.before);
  if (!m) return null;
  const range = rangeOf(doc, { start: offset - m[2].length, end: Math.max(offset, trimmedLineEnd(line)) });
  // The heading being typed is itself parsed as a section; it does not count as present.
  const present = (s: Section) => s.headingSpan.start !== line.start;
  const item = (name: string, i: number, detail: Msg): CompletionItem => ({
    label: name, kind: CompletionItemKind.Module, detail: localize(detail, locale), sortText: String(i).padStart(2, '0'), filterText: name, textEdit: { range, newText: name },
  });
  if (m[1] === '#') {
    const missing = doc.profile.chapters.filter((c) => !doc.sections.some((s) => s.depth === 1 && present(s) && headingMatcher(c.headings)(s.key)));
    return missing.length === 0 ? null : missing.map((c, i) => item(c.name, i, c.required ? msg(`kapitel i profilen ${doc.profile.name}`, `chapter of the profile ${doc.profile.name}`) : msg('valfritt kapitel', 'optional chapter')));
  }
  const chapter = [...doc.sections].reverse().find((s) => s.depth === 1 && s.headingSpan.start < line.start);
  const spec = chapter ? doc.profile.chapters.find((c) => headingMatcher(c.headings)(chapter.key)) : undefined;
  if (!chapter || !spec || spec.sections.length === 0) return null;
  const missing = spec.sections.filter((c) => !chapter.children.some((s) => s.depth === 2 && present(s) && headingMatcher(c.headings)(s.key)));
  return missing.length === 0 ? null : missing.map((c, i) => item(c.name, i, msg(`avsnitt under ${spec.name}`, `section under ${spec.name}`)));
}

/** `## ` under Iakttagelser och bedömningar: the next kontrollmål; `### ` inside one: the subsections it lacks. */
function headingCompletions(ctx: FeatureContext, offset: number, line: Line): CompletionItem[] | null {
  const { doc, locale } = ctx;
  const m = /^[ \t]{0,3}(#{2,3})[ \t]+([\p{L}\d ]*)$/u.exec(line.before);
  if (!m) return null;
  const range = rangeOf(doc, { start: offset - m[2].length, end: Math.max(offset, trimmedLineEnd(line)) });
  if (m[1] === '##') {
    const findings = doc.findingsSection;
    if (!findings || line.start < findings.headingSpan.end || line.start > findings.span.end) return null;
    // The profile's unit heading: «Kontrollmål 3: », «Revisionsfråga 3: », when its units are numbered headings.
    const unit = doc.profile.units;
    if (unit.discovery !== 'numbered' || unit.level !== 2) return null;
    const word = unit.words[0] ?? unit.name;
    const before = doc.controlObjectives.filter((km) => km.headingSpan.start < line.start);
    const next = before.length > 0 ? (before[before.length - 1].number ?? before.length) + 1 : 1;
    return [{
      label: `${word} ${next}: `,
      kind: CompletionItemKind.Snippet,
      detail: doc.defaultProfile ? localize(msg('nästa kontrollmål', 'next control objective'), locale) : localize(msg(`nästa ${unit.name.toLowerCase()}`, `next ${unit.name.toLowerCase()}`), locale),
      filterText: `${word} ${next}`,
      textEdit: { range, newText: `${word} ${next}: \${1:text}` },
      insertTextFormat: InsertTextFormat.Snippet,
    }];
  }
  const km = doc.controlObjectives.find((k) => line.start > k.headingSpan.start && line.start <= k.span.end);
  // Subsection headings are offered where the profile puts observations, assessment and recommendations under the unit.
  if (!km || doc.profile.observations.place !== 'subsection' || doc.profile.assessment.place !== 'subsection' || doc.profile.recommendations.place !== 'unit') return null;
  return missingSubsections(km, line.start).map((s, i) => ({
    label: s.label,
    kind: CompletionItemKind.Snippet,
    detail: localize(msg('saknas i kontrollmålet', 'missing in the control objective'), locale),
    sortText: String(i),
    filterText: s.label,
    textEdit: { range, newText: s.text },
    insertTextFormat: InsertTextFormat.Snippet,
    ...(s.label.startsWith('Bedömning') ? { command: { title: '', command: 'editor.action.triggerSuggest' } } : {}),
  }));
}

function missingSubsections(km: ControlObjective, lineStart: number): { label: string; text: string }[] {
  // The heading being typed is itself parsed as a subsection; it does not count as present.
  const has = (s: { headingSpan: { start: number } } | null) => s !== null && s.headingSpan.start !== lineStart;
  const out: { label: string; text: string }[] = [];
  if (!has(km.iakttagelser)) out.push({ label: 'Iakttagelser', text: 'Iakttagelser\n\n$0' });
  if (!has(km.bedomning)) out.push({ label: 'Bedömning: ', text: 'Bedömning: ' });
  if (!has(km.rekommendation)) out.push({ label: 'Rekommendationer', text: 'Rekommendationer\n\n- $0' });
  return out;
}

/** After `[^`: the labels of the document. At the start of a line (a new definition): the labels still undefined. */
function footnoteCompletions(ctx: FeatureContext, offset: number, line: Line): CompletionItem[] | null {
  const { doc, locale } = ctx;
  const m = /\[\^([^\]\s]*)$/.exec(line.before);
  if (!m) return null;
  const after = doc.text.slice(offset, line.end);
  const closing = /^[^\]\s[]*\]/.exec(after);
  const range = rangeOf(doc, { start: offset - m[1].length, end: offset + (closing ? closing[0].length : 0) });
  const definitionLine = /^[ \t]{0,3}\[\^[^\]\s]*$/.test(line.before);
  const next = nextFootnoteLabel(doc);
  if (definitionLine) {
    const undefinedLabels = [...new Map(doc.footnoteRefs.filter((r) => !r.defined).map((r) => [r.key, r.label])).values()];
    return [...undefinedLabels, next].map((label, i) => ({
      label,
      kind: CompletionItemKind.Reference,
      detail: localize(i < undefinedLabels.length ? msg('används men saknar definition', 'used but not defined') : msg('ny fotnot', 'new footnote'), locale),
      sortText: String(i).padStart(3, '0'),
      textEdit: { range, newText: `${label}]: ` },
    }));
  }
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const def of doc.footnoteDefs) {
    if (seen.has(def.key)) continue;
    seen.add(def.key);
    items.push({
      label: def.label,
      kind: CompletionItemKind.Reference,
      detail: def.text.length > 60 ? `${def.text.slice(0, 57)}…` : def.text,
      documentation: { kind: MarkupKind.Markdown, value: `[^${def.label}]: ${def.text}` },
      sortText: /^\d+$/.test(def.label) ? def.label.padStart(6, '0') : `~${def.label}`,
      textEdit: { range, newText: `${def.label}]` },
    });
  }
  items.push({ label: next, kind: CompletionItemKind.Reference, detail: localize(msg('ny fotnot', 'new footnote'), locale), sortText: '~~~', textEdit: { range, newText: `${next}]` } });
  return items;
}

/** In a footnote definition: the decision references cited anywhere in the workspace, with what they decided. */
function decisionCompletions(ctx: FeatureContext, offset: number, line: Line): CompletionItem[] | null {
  const m = /^[ \t]{0,3}\[\^[^\]\s]+\]:[ \t]*(.*)$/.exec(line.before);
  if (!m) return null;
  const { doc, locale } = ctx;
  const range = rangeOf(doc, { start: offset - m[1].length, end: offset });
  const fromRegister = registerCompletions(ctx, m[1], range);
  const listed = new Set(fromRegister.map((c) => c.data as string));
  return [...fromRegister, ...ctx.index.decisions().filter((d) => !listed.has(d.canonical)).map((d, i) => {
    const text = d.title ? `${d.canonical} — ${d.title}` : d.canonical;
    const organ = d.decision.organName ?? d.decision.organ;
    return {
      label: text,
      kind: CompletionItemKind.Reference,
      detail: localize(msg(`${organ} ${d.decision.date} § ${d.decision.paragraph} · citerad ${d.count} ${d.count === 1 ? 'gång' : 'gånger'}`, `${organ} ${d.decision.date} § ${d.decision.paragraph} · cited ${d.count} ${d.count === 1 ? 'time' : 'times'}`), locale),
      sortText: `1${String(i).padStart(5, '0')}`,
      filterText: text,
      textEdit: { range, newText: text },
    };
  })];
}

/**
 * The register's decisions (spec §14), newest meeting first, in the house style. When the
 * definition already starts with an organ (`KF`, `kommunstyrelsen`), only its decisions.
 */
function registerCompletions(ctx: FeatureContext, typed: string, range: Range): CompletionItem[] {
  const register = ctx.register;
  if (!register?.usable) return [];
  const word = /^\s*([\p{L}-]+)/u.exec(typed)?.[1];
  let organ: string | undefined;
  if (word) {
    const n = normalizeOrgan(word, ctx.config.organs);
    if (ctx.config.organs.has(n.organ) || register.entries.some((e) => e.organ === n.organ)) organ = n.organ;
  }
  return registerDecisions(register, organ).map((e, i) => {
    const date = parseIsoDate(e.date)!;
    const text = formatDecision({ organ: e.organ, organName: e.organName, paragraph: e.paragraph, date }, ctx.config.style) ?? formatDecision({ organ: e.organ, organName: e.organName, paragraph: e.paragraph, date }, 'A')!;
    const canonical = formatDecision({ organ: e.organ, organName: e.organName, paragraph: e.paragraph, date }, 'A')!;
    return {
      label: text,
      kind: CompletionItemKind.Reference,
      detail: e.rubrik || localize(msg('(ingen rubrik i beslutsregistret)', '(no rubrik in the decision register)'), ctx.locale),
      documentation: localize(msg(`Ur beslutsregistret: ${e.organName ?? e.organ} ${e.date} § ${e.paragraph}.`, `From the decision register: ${e.organName ?? e.organ} ${e.date} § ${e.paragraph}.`), ctx.locale),
      sortText: `0${String(i).padStart(5, '0')}`,
      filterText: `${text} ${e.organName ?? ''} ${e.rubrik}`,
      textEdit: { range, newText: text },
      data: canonical,
    };
  });
}

/**
 * The standard phrases of a missiv, filled in from its frontmatter: who is to reply and by
 * when, and who signs. Offered at the start of a paragraph of the body.
 */
function missivPhrases(ctx: FeatureContext, offset: number, line: Line): CompletionItem[] | null {
  const { doc, locale } = ctx;
  if (doc.type !== 'missiv') return null;
  const m = /^([\p{L}]*)$/u.exec(line.before);
  if (!m) return null;
  const previous = doc.text.slice(0, line.start).replace(/\r?\n$/, '');
  const previousLine = previous.slice(previous.lastIndexOf('\n') + 1);
  if (previousLine.trim() !== '' && previousLine.trim() !== '---') return null;
  const fields = doc.frontmatter?.fields;
  const list = (key: string): string[] => {
    const v = fields?.get(key)?.value;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
  };
  // Frontmatter values go into snippets, where `$`, `}` and `\\` have meaning.
  const esc = (s: string) => s.replace(/[$}\\]/g, '\\$&');
  const recipients = list('till').map(esc);
  const who = recipients.length > 0 ? joinSwedish(recipients) : '${1:nämnden}';
  const dateValue = fields?.get('svar_senast')?.value;
  const date = typeof dateValue === 'string' && dateValue.trim() ? esc(dateValue.trim()) : '${2:ÅÅÅÅ-MM-DD}';
  const signatories = (fields?.get('undertecknare')?.items ?? [])
    .map((i) => {
      const namn = i.fields?.get('namn')?.value;
      const roll = i.fields?.get('roll')?.value;
      return typeof namn === 'string' ? esc(typeof roll === 'string' ? `${namn}, ${roll.toLowerCase()}` : namn) : null;
    })
    .filter((x): x is string => x !== null);
  const phrases: { label: string; text: string; doc: Msg }[] = [
    {
      label: 'Rapporten överlämnas för kännedom och beaktande …',
      text: 'Rapporten överlämnas för kännedom och beaktande i enlighet med de av kommunfullmäktige antagna rutinerna för rapportering.',
      doc: msg('Standardfrasen som överlämnar rapporten.', 'The standard phrase that hands over the report.'),
    },
    {
      label: `Vi önskar svar från ${recipients.length > 0 ? who : '…'} senast …`,
      text: `Vi önskar svar från ${who} senast ${date}. Av svaret bör det framgå vilka åtgärder som ska vidtas och när de beräknas vara genomförda.`,
      doc: msg('Mottagare och svarsdag hämtas från frontmattern (till, svar_senast).', 'Recipients and reply date come from the frontmatter (till, svar_senast).'),
    },
    {
      label: 'Av svaret bör det framgå vilka åtgärder …',
      text: 'Av svaret bör det framgå vilka åtgärder som ska vidtas och när de beräknas vara genomförda.',
      doc: msg('Vad svaret ska innehålla.', 'What the reply should contain.'),
    },
    {
      label: `Utifrån granskningens resultat rekommenderar vi ${recipients[0] ?? '…'} att:`,
      text: `Utifrån granskningens resultat rekommenderar vi ${recipients[0] ?? '${1:nämnden}'} att:\n\n- $0`,
      doc: msg('Inleder rekommendationerna till en mottagare.', 'Introduces the recommendations to a recipient.'),
    },
    {
      label: 'För kommunens revisorer',
      text: `För kommunens revisorer${signatories.length > 0 ? `\n\n${signatories.join('\n\n')}` : ''}`,
      doc: msg('Avslutningen, med undertecknarna ur frontmattern.', 'The closing, with the signatories from the frontmatter.'),
    },
  ];
  const range = rangeOf(doc, { start: line.start, end: offset });
  return phrases.map((p, i) => ({
    label: p.label,
    kind: CompletionItemKind.Text,
    detail: localize(msg('missivfras', 'cover-letter phrase'), locale),
    documentation: { kind: MarkupKind.Markdown, value: `${localize(p.doc, locale)}\n\n> ${p.text.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0/g, '').replace(/\\(.)/g, '$1').replace(/\n+/g, ' ')}` },
    sortText: String(i),
    filterText: p.text,
    textEdit: { range, newText: p.text },
    insertTextFormat: InsertTextFormat.Snippet,
  }));
}

/** «kommunstyrelsen, socialnämnden och valnämnden». */
export function joinSwedish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

