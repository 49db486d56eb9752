import type { DocumentType } from '../model/types.js';

/**
 * The words the renderer adds to a report. They are Swedish whatever the editor's locale:
 * the rendered report is the deliverable a Swedish kommun reads, not the tool's own user
 * interface (docs/tolkningar.md).
 */
export const TEXT = {
  untitled: 'Namnlös rapport',
  unreadable: 'Dokumentet kunde inte återges.',
  footnotes: 'Fotnoter',
  backToReference: 'Tillbaka till hänvisning',
  contents: 'Innehåll',
  date: 'Datum',
  firm: 'Revisionsbyrå',
  author: 'Författare',
  authors: 'Författare',
  registry: 'Dnr',
  status: 'Status',
  defaultStatus: 'Utkast',
  draft: 'UTKAST',
  replyBy: 'Svar senast',
  auditors: 'Revisorerna',
  to: 'Till',
  copyTo: 'För kännedom',
  assessment: 'Bedömning',
  noGrade: 'Saknar bedömning',
  controlObjective: 'Kontrollmål',
  summaryHeading: 'Bedömningar mot kontrollmål',
  summaryHeadingPrefix: 'Bedömningar mot',
  page: 'Sida',
} as const;

const TYPE_LABELS: Record<DocumentType, string> = {
  granskningsrapport: 'Granskningsrapport',
  förstudie: 'Förstudie',
  uppföljning: 'Uppföljande granskning',
  missiv: 'Missiv',
};

/** «Granskningsrapport» for the title page; an unknown `typ` is shown as written. */
export function typeLabel(type: DocumentType | null, written: string | undefined): string {
  if (type) return TYPE_LABELS[type];
  return written ?? TYPE_LABELS.granskningsrapport;
}
