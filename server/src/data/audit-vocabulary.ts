/**
 * The words of municipal audit that the general Swedish dictionary lacks, for `stavning`.
 * Lower case: they match at the start of a sentence too. Kommuner, län and regions come
 * from their own lists; what a single report names (its authors, the bodies it audits)
 * comes from its frontmatter.
 */
export const AUDIT_TERMS: readonly string[] = [
  // Audit and review.
  'revisionell', 'revisionella', 'revisionellt',
  'sakgranskning', 'sakgranskningen', 'sakgranskat', 'sakgranskats', 'sakgranskad', 'sakgranskade',
  'granskningsområde', 'granskningsområdet', 'granskningsområden', 'granskningsområdena',
  'granskningsobjekt', 'granskningsobjektet', 'granskningsobjekten',
  'kontrollmål', 'kontrollmålet', 'kontrollmålen', 'kontrollmålens', 'kontrollmålets',
  'revisionsfråga', 'revisionsfrågan', 'revisionsfrågor', 'revisionsfrågorna', 'revisionsfrågans',
  'revisionskriterier', 'revisionskriterierna', 'revisionskriterium',
  'missiv', 'missivet', 'missivets',
  'förstudie', 'förstudien', 'förstudiens',
  'uppföljningsgranskning', 'uppföljningsgranskningen',
  'lekmannarevisor', 'lekmannarevisorer', 'lekmannarevisorerna', 'lekmannarevision', 'lekmannarevisionen',
  'ansvarsprövning', 'ansvarsprövningen',
  'ändamålsenlig', 'ändamålsenligt', 'ändamålsenliga', 'ändamålsenlighet', 'ändamålsenligheten',
  'internkontroll', 'internkontrollen', 'internkontrollplan', 'internkontrollplanen', 'internkontrollplaner',
  'summarad', 'summaraden', 'sammanställningen',
  'granskningsrapport', 'granskningsrapporten', 'granskningsrapporter',
  'revisionsrapport', 'revisionsrapporten', 'revisionsbyrå', 'revisionsbyrån', 'revisionsbyråns',
  'revisionsplan', 'revisionsplanen', 'revisionsberättelse', 'revisionsberättelsen',
  'delårsrapport', 'delårsrapporten', 'delårsbokslut', 'årsredovisningen',
  'styrdokument', 'styrdokumenten', 'styrdokumentet',
  'uppdragshandling', 'uppdragshandlingen',
  'ägardirektiv', 'ägardirektiven', 'ägarstyrning', 'ägarstyrningen',
  'verksamhetsplan', 'verksamhetsplanen', 'verksamhetsplaner',
  'nämndplan', 'nämndplanen', 'nämndplaner',
  'mål- och resultatstyrning', 'målstyrning',
  'stickprov', 'stickproven', 'stickprovet',
  'intervjuade', 'intervjuats',
  'förtroendevald', 'förtroendevalda', 'förtroendevalde',
  'sakkunnig', 'sakkunniga', 'sakkunnige',
  'presidium', 'presidiet', 'presidier', 'presidierna',
  'kommunallag', 'kommunallagen',
  'etableringsreform', 'etableringsreformen', 'etableringsuppdrag', 'etableringsuppdraget',
  'nyanlända', 'nyanländ', 'nyanlände',
  'asylsökande', 'ensamkommande',
  'integrationsarbete', 'integrationsarbetet',
];

/** Acronyms with small letters, which the all-caps rule does not skip. */
export const AUDIT_ACRONYMS: readonly string[] = [
  'SoL', 'HSL', 'LSS', 'LOU', 'LVU', 'LVM', 'SKR', 'KL', 'KF', 'KS', 'BUN', 'SN', 'RF', 'GDPR',
  // Tables write the bodies' acronyms capitalised too («Bun», «Ks»).
  'Bun', 'Ks', 'Kf', 'Sn',
  'PwC', 'KPMG', 'EY', 'Deloitte', 'Tj', 'SFI', 'Sfi', 'sfi', 'SFS', 'Dnr', 'dnr', 'Dnr.',
];

/** Abbreviations written with a full stop; the tokenizer leaves the stop off. */
export const ABBREVIATIONS: readonly string[] = [
  'dvs', 'bl', 'resp', 'etc', 'ev', 'inkl', 'exkl', 'ang', 'enl', 'ordf', 'tf', 'fr.o.m', 't.o.m', 'p.g.a', 'pga', 'mfl', 'm.fl',
  'proc', 'tkr', 'mnkr', 'mkr', 'mdkr', 'milj', 'st', 'kap', 'jfr', 'ca', 'osv', 'dvs',
];

/**
 * First parts of the names of nämnder, förvaltningar, kontor, utskott, enheter and
 * avdelningar, joined with each form of those nouns («socialnämndens»).
 */
export const BODY_PREFIXES: readonly string[] = [
  'social', 'utbildnings', 'omsorgs', 'äldre', 'fritids', 'kultur', 'bygg', 'byggnads', 'miljö', 'samhällsbyggnads',
  'service', 'kommunlednings', 'regionlednings', 'arbetsmarknads', 'gymnasie', 'överförmyndar', 'krislednings', 'val',
  'räddnings', 'teknik', 'tekniska', 'hälsoskydds', 'familje', 'individ', 'ekonomi', 'personal', 'integrations',
  'kompetens', 'näringslivs', 'stadslednings', 'stadsbyggnads', 'barn', 'grundskole', 'förskole', 'vuxenutbildnings',
  'arbets', 'ekonomi', 'revisions', 'patient', 'hälso', 'sjukvårds', 'trafik', 'fastighets', 'gatu', 'park',
];
