import type { GranskaConfig } from '../config/config.js';
import type { AuditDocument } from '../model/types.js';
import { reportDocx } from './docx.js';
import { reportHtmlDocument } from './html.js';
import type { ImageResolver } from './images.js';
import type { ExportFormat } from './names.js';
import { renderReport, type RenderWarning } from './report.js';

export { EXPORT_FORMATS, exportFileName, type ExportFormat } from './names.js';

/** An export's file, and the pictures it left out, with where the report names them. */
export interface ExportResult {
  bytes: Uint8Array;
  warnings: RenderWarning[];
}

/**
 * Renders a parsed document and writes it in a format: the bytes of the file to save.
 * `images` embeds the pictures the report names, so the file stands alone.
 */
export async function exportDocument(doc: AuditDocument, format: ExportFormat, config?: GranskaConfig, images?: ImageResolver): Promise<ExportResult> {
  const report = renderReport(doc, { config, images });
  const bytes = format === 'docx' ? await reportDocx(report) : new TextEncoder().encode(reportHtmlDocument(report));
  return { bytes, warnings: report.warnings };
}
