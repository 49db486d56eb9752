import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { DEFAULT_CONFIG, type GranskaConfig, type SeverityName } from '../config/config.js';
import { localize, msg, type Locale, type Msg } from '../i18n.js';
import { parseAuditDocument, type ParseOptions } from '../model/parse.js';
import type { Scale } from '../profiles/grades.js';
import type { AuditDocument, Span } from '../model/types.js';
import { RULES } from '../rules/index.js';
import type { Fix, RuleContext } from '../rules/rule.js';
import type { DecisionRegister } from '../workspace/register.js';
import type { RelatedDocuments } from '../workspace/related.js';

export interface LintEnvironment {
  config?: GranskaConfig;
  /** Existence of a file relative to the document's folder; omit for unsaved buffers. */
  fileExists?: (relativePath: string) => boolean;
  /** The workspace's beslutsregister (spec §14), when it keeps one. */
  register?: DecisionRegister | null;
  /** Other audit documents by path relative to this one (a missiv's report, an uppföljning's earlier reports). */
  related?: RelatedDocuments;
}

/** The diagnostic code of text the Markdown parser could not take as written. */
export const PARSE_CODE = 'tolkning';

export type ActiveSeverity = Exclude<SeverityName, 'off'>;

/** A finding after severity resolution and inline disables, still in both languages. */
export interface Finding {
  rule: string;
  severity: ActiveSeverity;
  span: Span;
  message: Msg;
  fixes: Fix[];
}

/** The LSP edit and title of a fix, as carried in a diagnostic's `data` for quick fixes. */
export interface FixData {
  title: string;
  edits: TextEdit[];
  safe: boolean;
}

export interface GranskaDiagnostic extends Diagnostic {
  code: string;
  source: 'granska';
  message: string;
  data?: { fixes: FixData[] };
}

/** Parses with the options a configuration implies (its organs and house style). */
export function parseWithConfig(text: string, config: GranskaConfig = DEFAULT_CONFIG): AuditDocument {
  return parseAuditDocument(text, parseOptions(config));
}

/** What parsing takes from a configuration: organs, house style, profiles and scales. */
export function parseOptions(config: GranskaConfig): ParseOptions {
  return { organs: config.organs, style: config.style, profiles: config.profiles, profile: config.profile, scales: config.scales, scaleSteps: config.scaleSteps, scale: config.scale };
}

/**
 * The document's grading scale. The model resolved it with the configuration it was parsed
 * with; the argument is kept for callers that hold a configuration anyway.
 */
export function scaleOf(doc: AuditDocument, _config?: GranskaConfig): Scale {
  return doc.scale;
}

/** Runs every enabled rule over one parsed document. Never throws. */
export function runRules(doc: AuditDocument, env: LintEnvironment = {}): Finding[] {
  return drain(rulesStepwise(doc, env));
}

/** Runs a stepwise computation to its end at once. */
function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `runRules` in steps: it yields after each rule, so that a caller can stop between rules
 * (to answer a request, or because a newer version came) and go on later. Draining it at
 * once is `runRules`; there is no other path, so both give exactly the same findings.
 */
export function* rulesStepwise(doc: AuditDocument, env: LintEnvironment = {}): Generator<void, Finding[]> {
  const config = env.config ?? DEFAULT_CONFIG;
  const final = doc.frontmatter?.fields.get('status')?.value === 'slutlig';
  const findings: Finding[] = [];
  const scale = scaleOf(doc, config);
  for (const rule of RULES) {
    const configured = config.rules[rule.id] ?? rule.severity;
    if (configured === 'off') continue;
    // A final report goes out clean: its warnings count as errors (spec §2).
    const severity: ActiveSeverity = final && configured === 'warning' ? 'error' : configured;
    const ctx: RuleContext = {
      doc,
      config,
      scale,
      fileExists: env.fileExists,
      register: env.register ?? null,
      related: env.related,
      report: (f) => findings.push({ rule: rule.id, severity, span: f.span, message: f.message, fixes: f.fixes ?? [] }),
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // A bug in one rule must not hide the others' findings or crash the editor.
      findings.push({
        rule: rule.id,
        severity: 'info',
        span: { start: 0, end: 0 },
        message: msg(`Regeln ${rule.id} kunde inte köras: ${String(e)}`, `The rule ${rule.id} failed: ${String(e)}`),
        fixes: [],
      });
    }
    yield;
  }
  // What the parser could not take as written is reported, so nothing is skipped silently.
  for (const p of [...doc.parseProblems, ...(doc.frontmatter?.limits ?? [])]) {
    findings.push({ rule: PARSE_CODE, severity: 'warning', span: p.span, message: p.message, fixes: [] });
  }
  const kept = applyInlineControls(doc, findings);
  kept.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  return kept;
}

/**
 * Applies `<!-- granska-disable … -->`, `<!-- granska-enable … -->` and
 * `<!-- granska-disable-next-line … -->`. A disable applies from the comment on; the
 * next-line form applies to the next non-blank line, since a blank line after the comment
 * is where Markdown requires one.
 */
function applyInlineControls(doc: AuditDocument, findings: Finding[]): Finding[] {
  if (doc.controls.length === 0) return findings;
  // Lines named by next-line comments, each with the rules it silences (empty: all).
  const nextLine = new Map<number, string[][]>();
  for (const c of doc.controls) {
    if (c.kind !== 'disable-next-line') continue;
    let line = doc.lines.positionAt(c.span.end).line + 1;
    while (line < doc.lines.lineCount - 1 && doc.lines.lineText(line).trim() === '') line++;
    nextLine.set(line, [...(nextLine.get(line) ?? []), c.rules]);
  }
  const ranged = doc.controls.filter((c) => c.kind !== 'disable-next-line').sort((a, b) => a.span.start - b.span.start);
  // Findings in document order meet the ranged comments in order: the last comment before a
  // finding that names its rule (or all rules) decides. One pass over both, where testing
  // every comment for every finding grew with their product.
  const order = findings.map((_, i) => i).sort((a, b) => findings[a].span.start - findings[b].span.start);
  const keep = new Array<boolean>(findings.length).fill(true);
  let next = 0;
  let lastAll = -1;
  const lastFor = new Map<string, number>();
  for (const i of order) {
    const f = findings[i];
    while (next < ranged.length && ranged[next].span.start <= f.span.start) {
      const c = ranged[next];
      if (c.rules.length === 0) lastAll = next;
      else for (const r of c.rules) lastFor.set(r, next);
      next++;
    }
    const line = doc.lines.positionAt(f.span.start).line;
    if (nextLine.get(line)?.some((rules) => rules.length === 0 || rules.includes(f.rule))) {
      keep[i] = false;
      continue;
    }
    const decisive = Math.max(lastAll, lastFor.get(f.rule) ?? -1);
    if (decisive >= 0 && ranged[decisive].kind === 'disable') keep[i] = false;
  }
  return findings.filter((_, i) => keep[i]);
}

/**
 * At most this many diagnostics are sent for one document. A megabyte of broken text gave
 * 180 000 diagnostics in one 40 MB message that the editor could not show anyway.
 */
export const MAX_DIAGNOSTICS = 1000;

/**
 * Keeps at most `max` findings, errors before warnings before information, and adds one
 * finding that says how many more there are, so that nothing is left out silently.
 */
export function capFindings(findings: readonly Finding[], max = MAX_DIAGNOSTICS): Finding[] {
  if (findings.length <= max) return [...findings];
  const rank: Record<ActiveSeverity, number> = { error: 0, warning: 1, info: 2 };
  const shown = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.f);
  const hidden = findings.length - max;
  shown.push({
    rule: PARSE_CODE,
    severity: 'info',
    span: { start: 0, end: 0 },
    message: msg(
      `Dokumentet har ${hidden} problem till som inte visas; bara de första ${max} visas (fel före varningar). Rätta dem eller kör granska lint för hela listan.`,
      `The document has ${hidden} more problems that are not shown; only the first ${max} are (errors before warnings). Fix them or run granska lint for the full list.`,
    ),
    fixes: [],
  });
  return shown;
}

const SEVERITY: Record<ActiveSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(doc: AuditDocument, f: Finding, locale: Locale): GranskaDiagnostic {
  const d: GranskaDiagnostic = {
    range: doc.lines.range(f.span.start, f.span.end),
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: 'granska',
    message: localize(f.message, locale),
  };
  // A fix travels with its diagnostic only while it is small: quick fixes are computed
  // again from the current model when asked for, and a fix that grows with the document
  // (renumbering every kontrollmål) repeated in each of its findings made messages of
  // a hundred megabytes.
  if (f.fixes.length > 0 && fixSize(f.fixes) <= MAX_FIX_DATA) {
    d.data = {
      fixes: f.fixes.map((x) => ({
        title: localize(x.title, locale),
        safe: x.safe,
        edits: x.edits.map((e) => ({ range: doc.lines.range(e.span.start, e.span.end), newText: e.newText })),
      })),
    };
  }
  return d;
}

/** The largest fix carried in a diagnostic's `data`, in edits plus characters of new text. */
const MAX_FIX_DATA = 2000;

function fixSize(fixes: readonly Fix[]): number {
  let size = 0;
  for (const x of fixes) for (const e of x.edits) size += 1 + e.newText.length;
  return size;
}

/** The diagnostics an editor shows for one document: capped at `MAX_DIAGNOSTICS`. */
export function lintDocument(doc: AuditDocument, env: LintEnvironment & { locale?: Locale } = {}): GranskaDiagnostic[] {
  return drain(lintStepwise(doc, env));
}

/** `lintDocument` in steps, yielding between rules (see `rulesStepwise`). */
export function* lintStepwise(doc: AuditDocument, env: LintEnvironment & { locale?: Locale } = {}): Generator<void, GranskaDiagnostic[]> {
  const findings = yield* rulesStepwise(doc, env);
  return capFindings(findings).map((f) => toDiagnostic(doc, f, env.locale ?? 'sv'));
}

/** Parses and lints a text in one call: the convenience entry for tests and the CLI. */
export function lintText(text: string, env: LintEnvironment & { locale?: Locale } = {}): GranskaDiagnostic[] {
  return lintDocument(parseWithConfig(text, env.config), env);
}

export function severityName(s: DiagnosticSeverity | undefined): ActiveSeverity {
  return s === DiagnosticSeverity.Error ? 'error' : s === DiagnosticSeverity.Warning ? 'warning' : 'info';
}
