import { BUILTIN_PROFILES } from './builtin.js';
import { ASSESSMENT, COVERAGE, DISCOVERY, GRADE, OBSERVATIONS, RECOMMENDATIONS, REFERENCES } from './config.js';

/**
 * The JSON schema of `.granskarc.json` that the extension contributes to VS Code
 * (`jsonValidation`), so that the editor completes and checks every key, profile keys
 * included, with Swedish descriptions. It is built from the same tables the configuration
 * is read with (config.ts and the rule registry), written to `schemas/granskarc.schema.json`
 * by `npm run schema`, and a test fails when the file drifts from what this function gives.
 * The linter's own reading stays the authority: the schema helps while typing.
 */

type Schema = Record<string, unknown>;

const texts = (description: string): Schema => ({
  description,
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 } },
  ],
});

const choice = (table: Record<string, unknown>, description: string): Schema => ({ type: 'string', enum: Object.keys(table), description });

const object = (description: string, properties: Record<string, Schema>): Schema => ({ type: 'object', description, properties, additionalProperties: false });

export interface RuleInfo {
  id: string;
  description: string;
}

export function granskarcSchema(rules: readonly RuleInfo[]): Schema {
  const builtin = [...BUILTIN_PROFILES.keys()];
  const chapterProperties: Record<string, Schema> = {
    namn: { type: 'string', minLength: 1, description: 'Kapitlets namn, som visas i meddelanden och infogas av snabbfixar, t.ex. "Resultat".' },
    rubriker: texts('Rubrikmönster som kapitlet godtar (ersätter basens), jämförda utan avsnittsnummer och skiftläge; * står för valfri text, t.ex. ["resultat", "granskningens resultat", "våra iakttagelser*"].'),
    ocksåRubriker: texts('Rubrikmönster som godtas utöver basens, t.ex. ["nämndernas arbete"].'),
    krävs: { type: 'boolean', description: 'Om rapporten måste ha kapitlet (regeln avsnitt-saknas). Standard: true.' },
    avsnitt: { $ref: '#/definitions/kapitel', description: 'Avsnitt som krävs en nivå under kapitlet, t.ex. Inledningens "Syfte och revisionsfråga".' },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Granska: .granskarc.json',
    description: 'Konfiguration för Granska: regler, bedömningsskalor, organ, referensstil och husprofiler. Gäller rapporterna i mappen och dess undermappar.',
    type: 'object',
    additionalProperties: false,
    properties: {
      regler: {
        type: 'object',
        description: 'Nivå per regel: "off" stänger av regeln, "info", "warning" eller "error" ändrar hur allvarligt fyndet visas.',
        properties: Object.fromEntries(rules.map((r) => [r.id, { enum: ['off', 'info', 'warning', 'error'], description: r.description }])),
        additionalProperties: false,
      },
      skala: { type: 'string', minLength: 1, description: 'Standardskalan för rapporter som inte anger "skala:" och vars profil inte har en egen, t.ex. "uppfyllt", "ja-nej" eller en skala under "skalor".' },
      skalor: {
        type: 'object',
        description: 'Egna bedömningsskalor: namn → grader, högsta först. En grad är en text eller ett objekt med fraser och symboler.',
        additionalProperties: {
          type: 'array',
          minItems: 2,
          items: {
            anyOf: [
              { type: 'string', minLength: 1, description: 'Graden som den skrivs i rubriker och tabeller.' },
              object('En grad med de ord och symboler den också skrivs med i löptext.', {
                namn: { type: 'string', minLength: 1, description: 'Graden som den skrivs i rubriker och tabeller, t.ex. "I huvudsak".' },
                fraser: { type: 'array', items: { type: 'string' }, description: 'Fraser i bedömningens första mening som betyder graden, t.ex. ["i huvudsak", "till övervägande del"].' },
                symboler: { type: 'array', items: { type: 'string' }, description: 'Symboler för graden, t.ex. ["🟡"].' },
              }),
            ],
          },
        },
      },
      kravdaOrgan: { type: 'array', items: { type: 'string', pattern: '^[A-ZÅÄÖ]{2,6}$' }, description: 'Organ vars beslut en beslutsreferens måste gälla, t.ex. ["KF"]. En profil kan ange egna under "referenser.organ".' },
      organ: {
        type: 'object',
        description: 'Egna organförkortningar: förkortning (2–6 versaler) → fullständigt namn, t.ex. { "ÖFN": "överförmyndarnämnden" }.',
        propertyNames: { pattern: '^[A-ZÅÄÖ]{2,6}$' },
        additionalProperties: { type: 'string', minLength: 1 },
      },
      referensstil: { enum: ['A', 'B', 'C'], description: 'Husets form för beslutsreferenser: A "KF § 16/2015-02-23", B "KF 2015-02-23 § 16" eller C "Kommunfullmäktige 2015-02-23, § 16".' },
      ord: {
        description: 'Projektets ordlista för stavningskontrollen: en lista med ord, t.ex. ["RockCity"], eller sökvägen till en ordfil med ett ord per rad, t.ex. "ordlista.txt" (relativt konfigurationsfilen). «Lägg till i ordlistan» skriver hit.',
        anyOf: [{ type: 'array', items: { type: 'string', minLength: 1 } }, { type: 'string', minLength: 1 }],
      },
      meningslangd: { type: 'integer', minimum: 1, description: 'Det största antalet ord i en mening innan "mening-lang" påpekar den (standard 35).' },
      beslutsregister: { type: 'string', pattern: '\\.[cC][sS][vV]$', description: 'Sökvägen till beslutsregistret (CSV med kolumnerna organ, paragraf, datum, rubrik och valfritt länk), relativt konfigurationsfilen. Utan nyckeln läses beslut.csv i arbetsytans rot.' },
      uppfoljningsskala: { type: 'array', minItems: 2, items: { type: 'string', minLength: 1 }, description: 'Statusarna i en uppföljning, högsta först, t.ex. ["Åtgärdad", "Delvis åtgärdad", "Ej åtgärdad"].' },
      wordmall: { type: 'string', pattern: '\\.(?:[dD][oO][tT][xX]|[dD][oO][cC][xX])$', description: 'Byråns Word-mall (.dotx eller .docx) för Word- och PDF-exporten, relativt konfigurationsfilen. "granska mall" skriver standardmallen att utgå från.' },
      profil: { type: 'string', minLength: 1, description: `Husprofilen för rapporter som inte anger "profil:": en inbyggd (${builtin.join(', ')}) eller en under "profiler".`, examples: builtin },
      profiler: {
        type: 'object',
        description: 'Egna husprofiler: namn → profil. En profil bygger på en annan ("bas") och ändrar bara det som skiljer. Se docs/profiler.md.',
        propertyNames: { not: { enum: builtin } },
        additionalProperties: { $ref: '#/definitions/profil' },
      },
    },
    definitions: {
      kapitel: {
        description: 'En lista med kapitel (ersätter basens, i rapportens ordning) eller ett objekt: kapitelnamn → ändringar (ett nytt namn lägger till ett kapitel).',
        anyOf: [
          { type: 'array', items: { type: 'object', properties: chapterProperties, required: ['namn'], additionalProperties: false } },
          { type: 'object', additionalProperties: { type: 'object', properties: chapterProperties, additionalProperties: false } },
        ],
      },
      profil: {
        type: 'object',
        additionalProperties: false,
        properties: {
          bas: { type: 'string', minLength: 1, description: 'Profilen som denna bygger på: en inbyggd eller en annan under "profiler". Standard: "kontrollmal".', examples: builtin },
          beskrivning: { type: 'string', minLength: 1, description: 'En mening om husets struktur, som visas av "granska profil lista".' },
          kapitel: { $ref: '#/definitions/kapitel' },
          revisionsfråga: object('Var revisionsfrågan eller syftet står och hur den skrivs.', {
            rubriker: texts('Rubrikmönster för avsnittet med revisionsfrågan, t.ex. ["*revisionsfråg*", "syfte*"].'),
            under: { type: ['string', 'null'], description: 'Kapitlet (namnet under "kapitel") som avsnittet står under, eller null när det är ett eget kapitel på nivå 1.' },
            form: { enum: ['fråga', 'fråga-eller-att'], description: '"fråga": en mening som slutar med "?"; "fråga-eller-att": också "Revisionsfrågan är att bedöma om …".' },
          }),
          enheter: object('Det som bedöms: kontrollmål, revisionsfrågor, delfrågor, en per nämnd …', {
            namn: { type: 'string', minLength: 1, description: 'Enhetens namn i singular, i meddelanden och snabbfixar, t.ex. "Revisionsfråga".' },
            bestämd: { type: 'string', minLength: 1, description: 'Bestämd form, t.ex. "Revisionsfrågan".' },
            plural: { type: 'string', minLength: 1, description: 'Plural, t.ex. "revisionsfrågor".' },
            hittas: choice(DISCOVERY, 'Hur enheterna hittas: "numrerade" (rubriker som "Kontrollmål 2: …"), "frågor" (rubriker som slutar med "?"), "rubriker" (varje rubrik på enhetsnivån, t.ex. en per nämnd) eller "listade" (frågorna i revisionsfrågeavsnittets lista).'),
            ord: texts('Ord som inleder en enhets rubrik (för "numrerade") eller namnger den i tabeller och rubriker, t.ex. ["Kontrollmål", "Kontrollområde"].'),
            nivå: { type: 'integer', minimum: 1, maximum: 6, description: 'Rubriknivån för en enhet: 2 för "##".' },
            kapitel: { type: 'string', minLength: 1, description: 'Kapitlet (namnet under "kapitel") där enheterna står, eller "*" för alla kapitel efter inledningen.' },
          }),
          iakttagelser: object('Var en enhets iakttagelser står.', {
            var: choice(OBSERVATIONS, '"underrubrik" (en egen rubrik under enheten), "enheten" (enhetens text före bedömningen) eller "kapitel" (resultatkapitlen som helhet).'),
            rubriker: texts('Rubrikmönster för en iakttagelse-underrubrik, t.ex. ["iakttagelser"].'),
          }),
          bedömning: object('Var en enhets bedömning och grad står.', {
            var: choice(ASSESSMENT, '"underrubrik" (t.ex. "### Bedömning: Uppfyllt"), "enheten" (enhetens egen text), "slutkapitel" (en del per enhet i ett avslutande kapitel) eller "tabell" (bara sammanställningens rad).'),
            rubriker: texts('Rubrikmönster för bedömningen, utan grad, t.ex. ["bedömning", "vår bedömning"].'),
            kapitel: { type: 'string', minLength: 1, description: 'Med "slutkapitel": kapitlet (namnet under "kapitel") där enheterna bedöms, t.ex. "Revisionell bedömning".' },
            grad: {
              description: `Var graden får stå, i den ordning de prövas: ${Object.keys(GRADE).map((g) => `"${g}"`).join(', ')}.`,
              anyOf: [{ enum: Object.keys(GRADE) }, { type: 'array', items: { enum: Object.keys(GRADE) } }],
            },
          }),
          rekommendationer: object('Var rekommendationerna står och hur en enhet under den bästa graden visas vara täckt.', {
            var: choice(RECOMMENDATIONS, '"per-enhet" (en underrubrik per enhet), "samlat" eller "per-nämnd" (ett kapitel eller avsnitt för hela rapporten).'),
            rubriker: texts('Rubrikmönster för en rekommendations-underrubrik, t.ex. ["rekommendationer"].'),
            kapitel: texts('Det samlade avsnittet: ett kapitelnamn eller rubrikmönster, t.ex. ["*rekommendationer*"].'),
            täckning: choice(COVERAGE, '"enhet" (enhetens egna rekommendationer), "lista" (den samlade listan är inte tom) eller "namngiven" (en punkt i listan nämner enheten, t.ex. "(kontrollmål 2)").'),
          }),
          referenser: object('Vilka beslutsreferenser som krävs.', {
            krävs: choice(REFERENCES, '"per-enhet" (i varje enhet), "per-rapport" (någonstans i rapporten) eller "inga".'),
            organ: texts('Organ vars beslut räknas, t.ex. ["KF", "RF"]. Utan nyckeln gäller "kravdaOrgan".'),
          }),
          skala: { type: 'string', minLength: 1, description: 'Skalan profilens rapporter använder när de inte anger "skala:": "uppfyllt", "ja-nej", "verbal", "tillfredsställande", "trafikljus" eller en under "skalor".' },
          sammanställning: object('Hur sammanställningens tabell känns igen.', {
            förstaKolumn: texts('Rubriker för tabellens första kolumn, t.ex. ["kontrollmål", "nr"].'),
            gradkolumn: texts('Rubriker för gradkolumnen, t.ex. ["bedömning"].'),
          }),
        },
      },
    },
  };
}
