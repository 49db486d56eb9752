import { DEFAULT_PROFILE } from './builtin.js';
import type { Scale } from './grades.js';
import { headingMatcher, type ChapterSpec, type Profile } from './types.js';

/**
 * A new report in a profile's structure (spec §13): frontmatter, the required chapters and
 * sections, two units where and as the profile finds them, each with observations, an
 * assessment with a grade where the profile reads it, recommendations where it gathers
 * them, and the decision references it requires. What the auditor must write is marked
 * `TODO`, so `platshallare` points at every place left to fill in; apart from that the
 * skeleton lints clean. The «new report» command and `granska profil` use it.
 */
export function reportSkeleton(profile: Profile, scale: Scale, today: string): string {
  const out: string[] = [];
  const unit = profile.units;
  const top = scale.grades[0] ?? 'Uppfyllt';
  const low = scale.grades[Math.min(1, scale.grades.length - 1)] ?? top;
  const grades = [top, low];
  const organ = profile.references.organs?.[0] ?? 'KF';
  const footnotes: string[] = [];
  const ref = (): string => {
    const n = footnotes.length + 1;
    footnotes.push(`[^${n}]: ${organ} § ${n}/${today} TODO: beslutets rubrik.`);
    return `[^${n}]`;
  };
  const h = (level: number, text: string) => out.push(`${'#'.repeat(level)} ${text}`, '');
  const p = (text: string) => out.push(text, '');
  const unitTitle = (i: number): string =>
    unit.discovery === 'numbered' ? `${unit.words[0] ?? unit.name} ${i + 1}: TODO ${unit.name.toLowerCase()} ${i + 1}?`
      : unit.discovery === 'questions' ? `TODO: ${unit.name.toLowerCase()} ${i + 1}?`
      : `${unit.name} ${i + 1}`;
  const gradeText = (g: string): string => {
    if (profile.assessment.grade.includes('heading') && profile.assessment.place === 'subsection') return '';
    if (profile.assessment.grade.includes('bold')) return `**Bedömning:** ${g}. TODO: motivera bedömningen.`;
    return `Vi bedömer att ${unit.definite.toLowerCase()} är ${g.toLowerCase()}. TODO: motivera bedömningen.`;
  };
  const assessmentHeading = profile.assessment.headings.find((x) => !x.includes('*')) ?? 'bedömning';
  const cap = (s: string) => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
  const perUnitRecommendations = (level: number, g: string) => {
    h(level, 'Rekommendationer');
    p(g === top ? 'Inga rekommendationer.' : '- TODO: vad nämnden bör göra.');
  };

  out.push('---', 'typ: granskningsrapport', 'kommun: TODO', 'titel: TODO', `datum: ${today}`, 'status: utkast');
  if (profile.name !== DEFAULT_PROFILE) out.push(`profil: ${profile.name}`);
  if (scale.name !== 'uppfyllt' || profile.scale) out.push(`skala: ${scale.name}`);
  out.push('författare: [TODO]', 'granskade: [kommunstyrelsen]', '---', '');

  const isResults = (c: ChapterSpec) => c.name === unit.chapter;
  const isAssessment = (c: ChapterSpec) => c.name === profile.assessment.chapter;
  const recommendationChapter = profile.recommendations.place === 'chapter'
    ? profile.chapters.find((c) => profile.recommendations.chapter.includes(c.name) || c.headings.some((x) => headingMatcher(profile.recommendations.chapter)(x.replace(/\*/g, '').trim())))
    : undefined;
  let reportRefWritten = false;
  const reportRef = () => {
    if (profile.references.required !== 'report' || reportRefWritten) return '';
    reportRefWritten = true;
    return ref();
  };

  for (const chapter of profile.chapters) {
    // Units listed in the introduction are answered after chapters on the audit's topics; a
    // profile that names none gets one to fill in before its assessment chapter.
    if (isAssessment(chapter) && unit.chapter === '*' && !firstTopicChapter()) {
      h(1, 'Iakttagelser');
      p(`TODO: vad granskningen har visat. ${reportRef()}`.trim());
    }
    h(1, chapter.name);
    const questionHere = profile.question.within === chapter.name || (profile.question.within === null && headingMatcher(profile.question.headings)(chapter.name.toLowerCase()));
    if (chapter.sections.length === 0 && !isResults(chapter) && !isAssessment(chapter)) {
      if (questionHere) writeQuestions();
      else if (/resultat|iakttagelser/iu.test(chapter.name)) p(`TODO: vad granskningen har visat. ${reportRef()}`.trim());
      else p(`TODO: ${chapter.name.toLowerCase()}.`);
    }
    for (const section of chapter.sections) {
      h(2, section.name);
      if (questionHere && headingMatcher(profile.question.headings)(section.name.toLowerCase())) writeQuestions();
      else p(`TODO: ${section.name.toLowerCase()}.`);
    }
    if (isResults(chapter) || (unit.chapter === '*' && !isAssessment(chapter) && chapter === firstTopicChapter())) {
      if (unit.discovery === 'listed' || unit.chapter === '*') p(`TODO: vad granskningen har visat. ${reportRef()}`.trim());
      else writeUnits(unit.level);
    }
    if (isAssessment(chapter)) {
      if (profile.assessment.place === 'unit') writeUnits(unit.level);
      else {
        if (unit.discovery === 'listed') h(2, 'Svar på respektive revisionsfråga');
        const level = unit.discovery === 'listed' ? 3 : 2;
        [0, 1].forEach((i) => {
          // A part names its unit by number, or by the question itself when units are question headings.
          h(level, unit.discovery === 'questions' ? unitTitle(i) : `${unit.words[0] ?? unit.name} ${i + 1}`);
          p(gradeText(grades[i]));
        });
      }
    }
    if (recommendationChapter === chapter) {
      if (!chapter.headings.some((x) => headingMatcher(profile.recommendations.chapter)(x.replace(/\*/g, '').trim()))) h(2, 'Rekommendationer');
      p('Vi rekommenderar kommunstyrelsen att:');
      p('- TODO: vad kommunstyrelsen bör göra.');
    }
  }
  if (profile.recommendations.place === 'chapter' && !recommendationChapter) {
    h(2, 'Rekommendationer');
    p('Vi rekommenderar kommunstyrelsen att:');
    p('- TODO: vad kommunstyrelsen bör göra.');
  }
  if (profile.references.required === 'report' && !reportRefWritten) p(`TODO: det beslut granskningen utgår från. ${reportRef()}`);
  out.push(...footnotes, '');
  return out.join('\n');

  function firstTopicChapter(): ChapterSpec | undefined {
    return profile.chapters.find((c) => !isAssessment(c) && c.sections.length === 0 && !/^(sammanfatt|bakgrund|syfte|revisionskriterier|inledning)/iu.test(c.name));
  }

  function writeQuestions(): void {
    if (unit.discovery === 'listed') {
      p('Granskningen ska besvara följande revisionsfrågor:');
      out.push('- TODO: den första revisionsfrågan?', '- TODO: den andra revisionsfrågan?', '');
    } else {
      p('TODO: revisionsfrågan?');
    }
  }

  function writeUnits(level: number): void {
    [0, 1].forEach((i) => {
      h(level, unitTitle(i));
      const g = grades[i];
      if (profile.observations.place === 'subsection') h(level + 1, cap(profile.observations.headings[0] ?? 'Iakttagelser'));
      if (profile.observations.place !== 'chapter') p(`TODO: vad granskningen har visat.${profile.references.required === 'unit' ? ref() : reportRef()}`);
      if (profile.assessment.place === 'subsection') {
        const inHeading = profile.assessment.grade.includes('heading');
        h(level + 1, inHeading ? `Bedömning: ${g}` : cap(assessmentHeading));
        p(inHeading ? `TODO: motivera bedömningen. ${unit.definite} bedöms som ${g.toLowerCase()}.` : gradeText(g));
      } else if (profile.assessment.place === 'unit') {
        p(gradeText(g));
      }
      if (profile.recommendations.place === 'unit') perUnitRecommendations(level + 1, g);
    });
  }
}
