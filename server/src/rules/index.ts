import type { Rule } from './rule.js';
import { frontmatterSaknas } from './frontmatter-saknas.js';
import { frontmatterYaml } from './frontmatter-yaml.js';
import { frontmatterFalt } from './frontmatter-falt.js';
import { frontmatterOkant } from './frontmatter-okant.js';
import { avsnittSaknas } from './avsnitt-saknas.js';
import { revisionsfraga } from './revisionsfraga.js';
import { kontrollmalSaknas } from './kontrollmal-saknas.js';
import { kontrollmalNumrering } from './kontrollmal-numrering.js';
import { kontrollmalIakttagelser } from './kontrollmal-iakttagelser.js';
import { kontrollmalBedomning } from './kontrollmal-bedomning.js';
import { kontrollmalRekommendation } from './kontrollmal-rekommendation.js';
import { kontrollmalKfReferens } from './kontrollmal-kf-referens.js';
import { bedomningSkala } from './bedomning-skala.js';
import { bedomningMotivering } from './bedomning-motivering.js';
import { bedomningMotsagelse } from './bedomning-motsagelse.js';
import { sammanstallning } from './sammanstallning.js';
import { fotnotOdefinierad } from './fotnot-odefinierad.js';
import { fotnotOanvand } from './fotnot-oanvand.js';
import { fotnotDubblett } from './fotnot-dubblett.js';
import { fotnotTom } from './fotnot-tom.js';
import { referensFormat } from './referens-format.js';
import { referensDatum } from './referens-datum.js';
import { referensStil } from './referens-stil.js';
import { platshallare } from './platshallare.js';
import { missivSvarsdatum } from './missiv-svarsdatum.js';
import { missivMottagare } from './missiv-mottagare.js';
import { missivUndertecknare } from './missiv-undertecknare.js';
import { missivRapport } from './missiv-rapport.js';
import { diarienummer } from './diarienummer.js';
import { bildAlttext } from './bild-alttext.js';
import { stavning } from './stavning.js';
import { meningLang } from './mening-lang.js';
import { uppfoljningTidigare } from './uppfoljning-tidigare.js';
import { uppfoljningRekommendation } from './uppfoljning-rekommendation.js';
import { beslutOkant } from './beslut-okant.js';
import { missivAvvikelse } from './missiv-avvikelse.js';

/** Every rule, in the order of spec §10. Ids drive diagnostic codes, docs and quick fixes. */
export const RULES: readonly Rule[] = [
  frontmatterSaknas,
  frontmatterYaml,
  frontmatterFalt,
  frontmatterOkant,
  avsnittSaknas,
  revisionsfraga,
  kontrollmalSaknas,
  kontrollmalNumrering,
  kontrollmalIakttagelser,
  kontrollmalBedomning,
  kontrollmalRekommendation,
  kontrollmalKfReferens,
  bedomningSkala,
  bedomningMotivering,
  bedomningMotsagelse,
  sammanstallning,
  fotnotOdefinierad,
  fotnotOanvand,
  fotnotDubblett,
  fotnotTom,
  referensFormat,
  referensDatum,
  referensStil,
  platshallare,
  missivSvarsdatum,
  missivMottagare,
  missivUndertecknare,
  missivRapport,
  diarienummer,
  stavning,
  meningLang,
  bildAlttext,
  uppfoljningTidigare,
  uppfoljningRekommendation,
  beslutOkant,
  missivAvvikelse,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
