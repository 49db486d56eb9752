import type { Unzipped } from 'fflate';
import { msg } from '../i18n.js';
import { ExportError } from './export-error.js';
import type { RenderedReport } from './report.js';

/**
 * What the browser build has in place of `pdf.ts` (esbuild swaps the module): a PDF needs
 * LibreOffice or Chromium installed on the machine, which a browser cannot start, so the
 * export says so and points to what works there.
 */
export async function reportPdf(_report: RenderedReport, _template?: Unzipped): Promise<Uint8Array> {
  throw new ExportError(msg(
    'PDF kan bara skapas i VS Code på datorn (med LibreOffice eller Chromium installerat), inte i webbläsaren. Exportera till Word eller HTML här och gör PDF:en därifrån, eller använd `granska export --format pdf`.',
    'A PDF can only be made in VS Code on the desktop (with LibreOffice or Chromium installed), not in the browser. Export to Word or HTML here and make the PDF from that, or use `granska export --format pdf`.',
  ));
}
