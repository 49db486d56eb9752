export type ExportFormat = 'html' | 'docx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['html', 'docx', 'pdf'];

/** The file an export writes next to its source: `rapport.rev.md` → `rapport.html`. */
export function exportFileName(source: string, format: ExportFormat): string {
  const base = source.replace(/\.rev\.md$/i, '').replace(/\.md$/i, '');
  return `${base}.${format}`;
}
