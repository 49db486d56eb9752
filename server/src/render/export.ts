import type { GranskaConfig } from '../config/config.js';
import type { AuditDocument } from '../model/types.js';
import { reportDocx } from './docx.js';
import { reportHtmlDocument } from './html.js';
import { reportPdf } from './pdf.js';
import type { ImageResolver } from './images.js';
import type { ExportFormat } from './names.js';
import { renderReport } from './report.js';

export { EXPORT_FORMATS, exportFileName, type ExportFormat } from './names.js';

/**
 * Renders a parsed document and writes it in a format: the bytes of the file to save.
 * `images` embeds the pictures the report names, so the file stands alone. A PDF needs an
 * engine installed on the machine (see `pdf.ts`) and throws `PdfExportError` without one.
 */
export async function exportDocument(doc: AuditDocument, format: ExportFormat, config?: GranskaConfig, images?: ImageResolver): Promise<Uint8Array> {
  const report = renderReport(doc, { config, images });
  if (format === 'docx') return reportDocx(report);
  if (format === 'pdf') return reportPdf(report);
  return new TextEncoder().encode(reportHtmlDocument(report));
}
