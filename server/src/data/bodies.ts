/**
 * Names of the bodies (nämnder and styrelser) that reports audit and missiv are sent to,
 * written as auditors write them in running text (lower case). A kommun names its nämnder
 * itself, so completions add the names already used in the workspace to these.
 */
export const COMMON_BODIES: readonly string[] = [
  'kommunfullmäktige',
  'kommunstyrelsen',
  'kommunstyrelsens arbetsutskott',
  'barn- och utbildningsnämnden',
  'utbildningsnämnden',
  'socialnämnden',
  'omsorgsnämnden',
  'vård- och omsorgsnämnden',
  'äldrenämnden',
  'kultur- och fritidsnämnden',
  'fritidsnämnden',
  'kulturnämnden',
  'miljö- och byggnadsnämnden',
  'miljö- och hälsoskyddsnämnden',
  'byggnadsnämnden',
  'samhällsbyggnadsnämnden',
  'tekniska nämnden',
  'servicenämnden',
  'valnämnden',
  'överförmyndarnämnden',
  'krisledningsnämnden',
  'arbetsmarknadsnämnden',
  'gymnasienämnden',
  'revisionen',
  'KF:s presidium',
];

/** Roles of the signatories of a missiv, as the seeds write them. */
export const SIGNATORY_ROLES: readonly string[] = ['Ordförande', 'Vice ordförande', 'Revisor', 'Förtroendevald revisor', 'Sakkunnig', 'Certifierad kommunal revisor'];
