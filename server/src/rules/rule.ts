import type { GranskaConfig, SeverityName } from '../config/config.js';
import type { Msg } from '../i18n.js';
import type { AuditDocument, Span } from '../model/types.js';
import type { DecisionRegister } from '../workspace/register.js';
import type { RelatedDocuments } from '../workspace/related.js';

/** A text edit in offsets of the version the rule saw. */
export interface SpanEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: Msg;
  edits: SpanEdit[];
  /** Safe fixes need no judgement and are applied by `granska lint --fix` and «fix all». */
  safe: boolean;
}

export interface Finding {
  span: Span;
  message: Msg;
  fixes?: Fix[];
}

export interface RuleContext {
  readonly doc: AuditDocument;
  readonly config: GranskaConfig;
  /** The document's grading scale, highest grade first. */
  readonly scale: { name: string; grades: readonly string[] };
  /**
   * Whether a file exists, given a path relative to the document's folder. Undefined when
   * the document has no folder (an unsaved buffer); rules about files then stay silent.
   */
  readonly fileExists?: (relativePath: string) => boolean;
  /** The workspace's beslutsregister, or null when it keeps none (spec §14). */
  readonly register?: DecisionRegister | null;
  /** Other audit documents by relative path; undefined when the host offers none. */
  readonly related?: RelatedDocuments;
  report(finding: Finding): void;
}

/** What a rule page in docs/regler shows: why it matters, and an example with its fix. */
export interface RuleDocs {
  why: Msg;
  /** An excerpt that makes the rule fire; it must appear in the rule's failing fixture. */
  bad: string;
  /** The same excerpt corrected; it must appear in the rule's clean fixture. */
  good: string;
}

export interface Rule {
  id: string;
  severity: SeverityName;
  description: Msg;
  docs: RuleDocs;
  check(ctx: RuleContext): void;
}
