import type { ScaleStep } from './grades.js';

/**
 * A house profile (spec §13): the structure one audit house gives its reports, as data.
 * The model reads it to find chapters, units, assessments, grades and recommendations;
 * no code path is specific to a firm. Patterns are matched against headings normalised as
 * spec §1 says (section number and trailing colon removed, case and white space ignored),
 * where `*` stands for any text.
 */
export interface ChapterSpec {
  /** The name shown in messages and inserted by fixes, e.g. «Iakttagelser och bedömningar». */
  name: string;
  /** Heading patterns that this chapter accepts, e.g. `sammanfattning*`. */
  headings: string[];
  /** Whether a report must have it (`avsnitt-saknas`). */
  required: boolean;
  /** Required sections one level below (the Inledning's «Syfte och revisionsfråga», say). */
  sections: ChapterSpec[];
}

/** How the assessed units are found. */
export type UnitDiscovery =
  /** Headings that start with one of the unit words and an optional number: «Kontrollmål 2: …». */
  | 'numbered'
  /** Headings that are the question itself: they end with «?». */
  | 'questions'
  /** Every heading at the unit level in the results chapters (one unit per nämnd, topic units). */
  | 'headings'
  /** The questions listed in the revisionsfråga section, answered in the assessment chapter. */
  | 'listed';

export type ObservationPlace =
  /** A subsection of the unit with one of the observation headings (v1's «Iakttagelser»). */
  | 'subsection'
  /** The unit's own text before its assessment is its observations. */
  | 'unit'
  /** The results chapters as a whole (units listed in the introduction). */
  | 'chapter';

export type AssessmentPlace =
  /** A subsection of the unit («Bedömning», «Bedömning: X», «Vår bedömning»). */
  | 'subsection'
  /** The unit's own text is its assessment (units found in the assessment chapter itself). */
  | 'unit'
  /** A part of a final chapter («Revisionell bedömning», «Slutsatser») that names the unit. */
  | 'chapter'
  /** Only the summary table's row. */
  | 'table';

/** Where a grade may be written; a profile lists the places it accepts, tried in this order. */
export type GradePlace = 'heading' | 'bold' | 'sentence' | 'table';

export type RecommendationPlace =
  /** A subsection of each unit (or of its assessment part). */
  | 'unit'
  /** One consolidated chapter or section for the whole report (also «per nämnd» lists). */
  | 'chapter';

/**
 * How a unit graded below the best grade is shown to be covered by a recommendation:
 * by its own recommendations (`unit`), by a consolidated list that is not empty (`list`), or
 * by an item of that list naming the unit («(kontrollmål 2)», «revisionsfråga 2») (`named`).
 */
export type Coverage = 'unit' | 'list' | 'named';

export type ReferenceRequirement = 'unit' | 'report' | 'none';

export interface Profile {
  name: string;
  description: string;
  /** Built in, or from a configuration file (then with the file's spans for problems). */
  builtin: boolean;
  /** For a configured profile: the built-in profile at the root of its `bas` chain. */
  extends?: string;
  /** Top-level chapters with their required sections. */
  chapters: ChapterSpec[];
  question: {
    /** Heading patterns of the section that holds the revisionsfråga or syfte. */
    headings: string[];
    /** The chapter (by name in `chapters`) it stands under, or null for a top-level chapter. */
    within: string | null;
    /** `question`: a sentence ending in «?»; `question-or-att`: also «Revisionsfrågan är att bedöma om …». */
    form: 'question' | 'question-or-att';
  };
  units: {
    /** Singular name used in messages and fixes: «Kontrollmål», «Revisionsfråga». */
    name: string;
    /** Definite singular used in grade sentences: «Kontrollmålet», «Revisionsfrågan». */
    definite: string;
    /** Plural for counts: «kontrollmål», «revisionsfrågor». */
    plural: string;
    discovery: UnitDiscovery;
    /** Heading words for `numbered`: «Kontrollmål», «Revisionsfråga», «Kontrollområde». */
    words: string[];
    /** Heading level of a unit (2 in v1). */
    level: number;
    /** The chapter (by name in `chapters`) the units stand in; `*` for any chapter after the introduction. */
    chapter: string;
  };
  observations: { place: ObservationPlace; headings: string[] };
  assessment: {
    place: AssessmentPlace;
    /** Heading patterns of an assessment subsection, without the grade («bedömning», «vår bedömning»). */
    headings: string[];
    /** The final chapter's name in `chapters`, for `chapter`. */
    chapter: string | null;
    grade: GradePlace[];
  };
  recommendations: {
    place: RecommendationPlace;
    headings: string[];
    /** The chapter holding a consolidated list, for `chapter`: a name in `chapters` or heading patterns. */
    chapter: string[];
    coverage: Coverage;
  };
  references: { required: ReferenceRequirement; /** null: the configuration's `kravdaOrgan`. */ organs: string[] | null };
  /** The scale the profile's reports use when a document names none; null: the configuration's. */
  scale: string | null;
  /** Scales that come with the profile (verbal, traffic lights), by name. */
  scales: Readonly<Record<string, readonly ScaleStep[]>>;
  /** First header cells that make a table in the summary chapter the summary table. */
  summaryHeaders: string[];
  /** Header cells of the summary table's grade column. */
  gradeHeaders: string[];
}

/** A heading pattern matcher: `*` is any text, the rest compares after spec §1 normalisation. */
export function headingMatcher(patterns: readonly string[]): (key: string) => boolean {
  const res = patterns.map((p) => {
    const parts = p.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim().split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${parts.join('.*')}$`, 'u');
  });
  return (key) => res.some((re) => re.test(key));
}
