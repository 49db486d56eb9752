import { msg } from '../i18n.js';
import type { AuditDocument, Section } from '../model/types.js';
import { chapterSpec, findChapter } from '../model/units.js';
import { headingMatcher } from '../profiles/types.js';
import type { Rule } from './rule.js';
import { firstLine, isReport } from './util.js';

interface Requirement {
  name: string;
  matches(key: string): boolean;
}

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
      // The required chapters and their sections are the document's profile's (spec §13);
      // with the default profile they are spec §3's.
      for (const chapter of doc.profile.chapters) {
        if (!chapter.required) continue;
        const found = findChapter(doc.sections, chapter);
        if (!found) {
          missing({ name: chapter.name, matches: headingMatcher(chapter.headings) }, null);
          continue;
        }
        for (const sec of chapter.sections) {
          if (!sec.required) continue;
          const matches = headingMatcher(sec.headings);
          if (!found.children.some((s) => s.depth === 2 && matches(s.key))) missing({ name: sec.name, matches }, found);
        }
      }
    } else if (doc.type === 'förstudie') {
      for (const req of PRESTUDY_SECTIONS) if (!doc.sections.some((s) => req.matches(s.key))) missing(req, null);
    }
  },
};

/** The section that must hold the audit question, when the document type has one: where the profile places it. */
export function questionSection(doc: AuditDocument): Section | null {
  const { sections, type, profile } = doc;
  if (type === 'granskningsrapport' || type === 'uppföljning') {
    const matches = headingMatcher(profile.question.headings);
    if (profile.question.within === null) return sections.find((s) => s.depth === 1 && matches(s.key)) ?? null;
    const chapter = findChapter(sections, chapterSpec(profile, profile.question.within));
    return chapter?.children.find((s) => s.depth === 2 && matches(s.key)) ?? null;
  }
  if (type === 'förstudie') return sections.find((s) => s.key.includes('revisionsfråg')) ?? null;
  return null;
}
