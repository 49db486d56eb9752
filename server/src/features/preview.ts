import type { GranskaConfig } from '../config/config.js';
import type { AuditDocument } from '../model/types.js';
import { exportDocument } from '../render/export.js';
import { reportFragment } from '../render/html.js';
import { imagesFrom } from '../render/images.js';
import type { ExportFormat } from '../render/names.js';
import { renderReport } from '../render/report.js';

/** What the preview shows for one version: the report's sanitized markup. */
export interface PreviewContent {
  html: string;
}

/** Renders the current model for the preview webview. Never throws: an invalid document renders what it can. */
export function previewOf(doc: AuditDocument, config: GranskaConfig): PreviewContent {
  return { html: reportFragment(renderReport(doc, { config })) };
}

/**
 * The bytes of an export, base64-encoded to travel in a JSON-RPC response. `folder` is the
 * report's folder on disk, where its pictures are; null for a document that has none.
 */
export async function exportOf(doc: AuditDocument, format: ExportFormat, config: GranskaConfig, folder: string | null): Promise<{ data: string }> {
  const bytes = await exportDocument(doc, format, config, folder ? imagesFrom(folder) : undefined);
  return { data: Buffer.from(bytes).toString('base64') };
}
