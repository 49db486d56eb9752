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
  }
  // What the parser could not take as written is reported, so nothing is skipped silently.
  for (const p of doc.parseProblems) findings.push({ rule: PARSE_CODE, severity: 'warning', span: p.span, message: p.message, fixes: [] });
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
  const nextLine = doc.controls
    .filter((c) => c.kind === 'disable-next-line')
    .map((c) => {
      let line = doc.lines.positionAt(c.span.end).line + 1;
      while (line < doc.lines.lineCount - 1 && doc.lines.lineText(line).trim() === '') line++;
      return { line, rules: c.rules };
    });
  const ranged = doc.controls.filter((c) => c.kind !== 'disable-next-line');
  return findings.filter((f) => {
    const line = doc.lines.positionAt(f.span.start).line;
    if (nextLine.some((n) => n.line === line && (n.rules.length === 0 || n.rules.includes(f.rule)))) return false;
    let disabled = false;
    for (const c of ranged) {
      if (c.span.start > f.span.start) break;
      if (c.rules.length === 0 || c.rules.includes(f.rule)) disabled = c.kind === 'disable';
    }
    return !disabled;
  });
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
  if (f.fixes.length > 0) {
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

export function lintDocument(doc: AuditDocument, env: LintEnvironment & { locale?: Locale } = {}): GranskaDiagnostic[] {
  return runRules(doc, env).map((f) => toDiagnostic(doc, f, env.locale ?? 'sv'));
}

/** Parses and lints a text in one call: the convenience entry for tests and the CLI. */
export function lintText(text: string, env: LintEnvironment & { locale?: Locale } = {}): GranskaDiagnostic[] {
  return lintDocument(parseWithConfig(text, env.config), env);
}

export function severityName(s: DiagnosticSeverity | undefined): ActiveSeverity {
  return s === DiagnosticSeverity.Error ? 'error' : s === DiagnosticSeverity.Warning ? 'warning' : 'info';
}
