import type { Range } from 'vscode-languageserver-types';
import { DEFAULT_CONFIG, type GranskaConfig } from '../config/config.js';
import type { Locale } from '../i18n.js';
import type { AuditDocument, Span } from '../model/types.js';
import { WorkspaceIndex } from '../workspace/index.js';
import type { DecisionRegister } from '../workspace/register.js';
import type { RelatedDocuments } from '../workspace/related.js';

/** What every editor feature reads: the current model of one document and its surroundings. */
export interface FeatureContext {
  uri: string;
  doc: AuditDocument;
  config: GranskaConfig;
  locale: Locale;
  /** The other audit documents of the workspace, as a compact index. */
  index: WorkspaceIndex;
  /** Today's date (ISO), passed in so that tests do not depend on the day they run. */
  today: string;
  /** The workspace's beslutsregister (spec §14), or null when it keeps none. */
  register: DecisionRegister | null;
  /** Other audit documents by path relative to this one, when the host can read them. */
  related?: RelatedDocuments;
}

export function featureContext(doc: AuditDocument, init: Partial<Omit<FeatureContext, 'doc'>> = {}): FeatureContext {
  return {
    uri: init.uri ?? 'file:///dokument.rev.md',
    doc,
    config: init.config ?? DEFAULT_CONFIG,
    locale: init.locale ?? 'sv',
    index: init.index ?? new WorkspaceIndex(),
    today: init.today ?? new Date().toISOString().slice(0, 10),
    register: init.register ?? null,
    related: init.related,
  };
}

export function rangeOf(doc: AuditDocument, span: Span): Range {
  return doc.lines.range(span.start, span.end);
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The line around an offset: its start, its end, and the text before the offset. */
export function lineAt(doc: AuditDocument, offset: number): { start: number; end: number; before: string; text: string } {
  const line = doc.lines.positionAt(offset).line;
  const start = doc.lines.lineStarts[line];
  const end = doc.lines.lineEnd(line);
  return { start, end, before: doc.text.slice(start, offset), text: doc.text.slice(start, end) };
}
