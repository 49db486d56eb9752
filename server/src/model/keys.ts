import { msg, type Msg } from '../i18n.js';

/** Every frontmatter key of the dialect (spec §2) with a description for hovers and completions. */
export const FRONTMATTER_KEYS: Readonly<Record<string, Msg>> = {
  typ: msg('Dokumenttyp: granskningsrapport, förstudie, uppföljning eller missiv.', 'Document type: granskningsrapport, förstudie, uppföljning or missiv.'),
  kommun: msg('Kommunen granskningen gäller, t.ex. "Hultsfreds kommun".', 'The municipality audited, e.g. "Hultsfreds kommun".'),
  titel: msg('Rapportens titel.', 'The report title.'),
  datum: msg('Dokumentets datum, ÅÅÅÅ-MM-DD.', 'The document date, YYYY-MM-DD.'),
  status: msg('utkast, granskad eller slutlig. En slutlig rapport får inga varningar.', 'utkast, granskad or slutlig. A final report gets no warnings.'),
  skala: msg('Bedömningsskala, t.ex. uppfyllt eller ja-nej.', 'Grading scale, e.g. uppfyllt or ja-nej.'),
  revisionsbyrå: msg('Revisionsbyrån som utfört granskningen.', 'The audit firm that performed the audit.'),
  författare: msg('Lista med rapportens författare.', 'List of the report authors.'),
  granskade: msg('Lista med granskade organ, t.ex. [kommunstyrelsen, socialnämnden].', 'List of audited bodies, e.g. [kommunstyrelsen, socialnämnden].'),
  diarienummer: msg('Diarienummer, t.ex. 2022/347, KS 2022/0347, KS-2014/742.912 eller 3.1.2-56/2016.', 'Registry number, e.g. 2022/347, KS 2022/0347, KS-2014/742.912 or 3.1.2-56/2016.'),
  till: msg('Lista med mottagare av missivet.', 'List of recipients of the cover letter.'),
  kännedom: msg('Lista med organ som får missivet för kännedom.', 'List of bodies that receive the letter for information.'),
  svar_senast: msg('Sista dag för svar, ÅÅÅÅ-MM-DD.', 'Reply deadline, YYYY-MM-DD.'),
  rapport: msg('Sökväg till rapporten, relativt detta dokument.', 'Path of the report, relative to this document.'),
  undertecknare: msg('Lista med undertecknare, var och en med namn och roll.', 'List of signatories, each with namn and roll.'),
  profil: msg('Husprofil: hur rapporten är uppbyggd (kapitel, enheter, var bedömningar och rekommendationer står), t.ex. kontrollmal.', 'House profile: how the report is structured (chapters, units, where assessments and recommendations stand), e.g. kontrollmal.'),
  tidigare: msg('Sökväg till den tidigare rapport som en uppföljning följer upp, eller en lista med sökvägar när den följer upp flera.', 'Path of the earlier report that a follow-up follows up, or a list of paths when it follows up several.'),
};

export const STATUS_VALUES = ['utkast', 'granskad', 'slutlig'] as const;
export const DATE_KEYS = ['datum', 'svar_senast'];
