import type { Unzipped } from 'fflate';
import type { GranskaConfig } from '../config/config.js';
import { msg } from '../i18n.js';
import type { WorkspaceFiles } from '../io/files.js';
import { nodeFiles } from '../io/node.js';
import type { AuditDocument } from '../model/types.js';
import { reportDocx } from './docx.js';
import { ExportError } from './export-error.js';
import { reportHtmlDocument } from './html.js';
import type { ImageResolver } from './images.js';
import type { ExportFormat } from './names.js';
import { reportPdf } from './pdf.js';
import { renderReport, type RenderWarning } from './report.js';
import { readTemplate } from './template.js';

export { EXPORT_FORMATS, exportFileName, type ExportFormat } from './names.js';

/** An export's file, and the pictures it left out, with where the report names them. */
export interface ExportResult {
  bytes: Uint8Array;
  warnings: RenderWarning[];
}

/**
 * Renders a parsed document and writes it in a format: the bytes of the file to save.
 * `images` embeds the pictures the report names, so the file stands alone. A PDF needs an
 * engine installed on the machine (see `pdf.ts`) and throws `ExportError` without one. The
 * configuration's `wordmall` gives the Word file, and the PDF made from it, the firm's look.
 */
export async function exportDocument(doc: AuditDocument, format: ExportFormat, config?: GranskaConfig, images?: ImageResolver, files: WorkspaceFiles = nodeFiles): Promise<ExportResult> {
  const report = renderReport(doc, { config, images });
  const template = format !== 'html' && config?.wordTemplate ? loadTemplate(config.wordTemplate, files) : undefined;
  // Nothing reads the rendered tree after the Word writer, so it may let go of it as it writes.
  const bytes = format === 'docx' ? await reportDocx(report, { template, release: true })
    : format === 'pdf' ? await reportPdf(report, template)
    : new TextEncoder().encode(reportHtmlDocument(report));
  return { bytes, warnings: report.warnings };
}

function loadTemplate(file: string, files: WorkspaceFiles): Unzipped {
  const read = files.readBytes(file);
  if (!read.ok) {
    const reason = read.code ?? read.error;
    throw new ExportError(msg(
      `Wordmallen ${file} som .granskarc.json anger ("wordmall") kan inte läsas (${reason}).`,
      `The Word template ${file} named in .granskarc.json ("wordmall") cannot be read (${reason}).`,
    ));
  }
  return readTemplate(read.value, file);
}
