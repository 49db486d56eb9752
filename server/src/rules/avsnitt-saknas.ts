import { msg } from '../i18n.js';
import type { Section } from '../model/types.js';
import type { Rule } from './rule.js';
import { firstLine, isReport } from './util.js';

interface Requirement {
  name: string;
  matches(key: string): boolean;
}

const REPORT_SECTIONS: Requirement[] = [
  { name: 'Sammanfattning', matches: (k) => k.startsWith('sammanfattning') },
  { name: 'Inledning', matches: (k) => k === 'inledning' },
  { name: 'Iakttagelser och bedömningar', matches: (k) => k === 'iakttagelser och bedömningar' },
];

const INTRODUCTION_SECTIONS: Requirement[] = [
  { name: 'Syfte och revisionsfråga', matches: (k) => k.includes('revisionsfråga') },
  { name: 'Revisionskriterier', matches: (k) => k === 'revisionskriterier' },
];

const PRESTUDY_SECTIONS: Requirement[] = [
  { name: 'Bakgrund', matches: (k) => k === 'bakgrund' },
  { name: 'Syfte och revisionsfrågor', matches: (k) => k.includes('revisionsfråg') },
  { name: 'Förstudiens iakttagelser', matches: (k) => k.startsWith('iakttagelser') || k.endsWith('iakttagelser') },
  { name: 'Sammanfattande bedömning', matches: (k) => k === 'sammanfattande bedömning' },
];

export const avsnittSaknas: Rule = {
  id: 'avsnitt-saknas',
  severity: 'error',
  description: msg('Ett obligatoriskt avsnitt saknas.', 'A required section is missing.'),
  docs: {
    why: msg(
      'En granskningsrapport ska gå att läsa på samma sätt i alla kommuner: sammanfattning, inledning med revisionsfråga och revisionskriterier, och iakttagelser och bedömningar. Ett saknat avsnitt upptäcks annars först vid kvalitetsgranskningen.',
      'An audit report must read the same way in every municipality: summary, introduction with audit question and criteria, and observations and assessments. A missing section is otherwise found only at quality review.',
    ),
    bad: '# Inledning\n\n## Syfte och revisionsfråga',
    good: '# Inledning\n\n## Syfte och revisionsfråga\n\nSäkerställer kommunstyrelsen att insatserna genomförs ändamålsenligt?\n\n## Revisionskriterier',
  },
  check(ctx) {
    const doc = ctx.doc;
    const missing = (req: Requirement, within: Section | null) => {
      const parent = within ? `under "${within.title}"` : 'på nivå 1 (#)';
      const parentEn = within ? `under "${within.title}"` : 'at level 1 (#)';
      const hashes = within ? '##' : '#';
      ctx.report({
        span: within ? within.headingSpan : firstLine(doc),
        message: msg(
          `Avsnittet "${req.name}" saknas ${parent}. Lägg till rubriken "${hashes} ${req.name}".`,
          `The section "${req.name}" is missing ${parentEn}. Add the heading "${hashes} ${req.name}".`,
        ),
      });
    };
    if (isReport(doc)) {
      for (const req of REPORT_SECTIONS) if (!doc.sections.some((s) => req.matches(s.key))) missing(req, null);
      const intro = doc.sections.find((s) => s.key === 'inledning');
      if (intro) {
        for (const req of INTRODUCTION_SECTIONS) if (!intro.children.some((s) => s.depth === 2 && req.matches(s.key))) missing(req, intro);
      }
    } else if (doc.type === 'förstudie') {
      for (const req of PRESTUDY_SECTIONS) if (!doc.sections.some((s) => req.matches(s.key))) missing(req, null);
    }
  },
};

/** The section that must hold the audit question, when the document type has one. */
export function questionSection(sections: readonly Section[], type: string | null): Section | null {
  if (type === 'granskningsrapport' || type === 'uppföljning') {
    const intro = sections.find((s) => s.key === 'inledning');
    return intro?.children.find((s) => s.depth === 2 && s.key.includes('revisionsfråga')) ?? null;
  }
  if (type === 'förstudie') return sections.find((s) => s.key.includes('revisionsfråg')) ?? null;
  return null;
}
