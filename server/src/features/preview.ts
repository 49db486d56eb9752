import type { GranskaConfig } from '../config/config.js';
import { localize, type Locale } from '../i18n.js';
import { toBase64 } from '../io/base64.js';
import type { WorkspaceFiles } from '../io/files.js';
import type { AuditDocument } from '../model/types.js';
import { exportDocument } from '../render/export.js';
import { reportFragment } from '../render/html.js';
import { IMAGE_LIMITS, imagesFrom } from '../render/images.js';
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

/** A picture an export left out, where the report names it, in the user's language. */
export interface ExportWarning {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
}

/**
 * The bytes of an export, base64-encoded to travel in a JSON-RPC response, and the pictures
 * it left out. `folder` is the report's folder on disk, where its pictures are, and `root`
 * the workspace they must lie in; both null for a document that has none on disk. `files`
 * are where pictures and the Word template are read (the disk unless another is given).
 */
export async function exportOf(
  doc: AuditDocument,
  format: ExportFormat,
  config: GranskaConfig,
  folder: string | null,
  root: string | null,
  locale: Locale,
  files?: WorkspaceFiles,
): Promise<{ data: string; warnings: ExportWarning[] }> {
  if (files) {
    // Files that come from the editor arrive asynchronously: the report is rendered until
    // every picture and the template it names are known, then exported from them.
    await files.settle(() => {
      if (config.wordTemplate && format !== 'html') files.readBytes(config.wordTemplate);
      renderReport(doc, { config, images: folder ? imagesFrom(folder, root ?? folder, IMAGE_LIMITS, files) : undefined });
    });
  }
  const images = folder ? imagesFrom(folder, root ?? folder, IMAGE_LIMITS, files) : undefined;
  const result = await exportDocument(doc, format, config, images, files);
  const warnings = result.warnings.map((w) => {
    const start = doc.lines.positionAt(w.start ?? 0);
    const end = w.end === null ? start : doc.lines.positionAt(w.end);
    return { range: { start, end }, message: localize(w.message, locale) };
  });
  return { data: toBase64(result.bytes), warnings };
}
