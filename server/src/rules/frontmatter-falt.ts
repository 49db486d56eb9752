import { msg, type Msg } from '../i18n.js';
import { parseIsoDate } from '../model/dates.js';
import { STATUS_VALUES } from '../model/keys.js';
import type { DocumentType, FrontmatterField } from '../model/types.js';
import type { Rule, RuleContext } from './rule.js';
import { firstLine, frontmatterReadable, isStringList } from './util.js';

/** Keys each document type requires. The missiv's own keys are judged by the missiv-* rules. */
const REQUIRED: Record<DocumentType, string[]> = {
  granskningsrapport: ['kommun', 'titel', 'datum', 'granskade'],
  uppföljning: ['kommun', 'titel', 'datum', 'granskade'],
  förstudie: ['kommun', 'titel', 'datum'],
  missiv: ['kommun', 'datum'],
};

/** Keys whose value the missiv-* rules or the diarienummer rule judge for a missiv. */
const MISSIV_OWNED = new Set(['till', 'svar_senast', 'undertecknare', 'rapport']);

const EXAMPLES: Record<string, string> = {
  kommun: 'kommun: Hultsfreds kommun',
  titel: 'titel: Granskning av insatser för asyl och integration',
  datum: 'datum: 2019-01-22',
  granskade: 'granskade: [kommunstyrelsen, socialnämnden]',
};

export const frontmatterFalt: Rule = {
  id: 'frontmatter-falt',
  severity: 'error',
  description: msg('En obligatorisk nyckel saknas eller har ett ogiltigt värde.', 'A required key is missing or has an invalid value.'),
  docs: {
    why: msg(
      'Kommun, titel, datum och granskade organ hamnar på försättsbladet och i missivet. Ett omöjligt datum som 2019-02-30 eller en okänd typ upptäcks annars först av läsaren.',
      'Municipality, title, date and audited bodies go on the title page and into the cover letter. An impossible date such as 2019-02-30 or an unknown type is otherwise found only by the reader.',
    ),
    bad: 'datum: 2019-02-30',
    good: 'datum: 2019-01-22',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!frontmatterReadable(doc)) return;
    const fields = doc.frontmatter!.fields;
    const typ = fields.get('typ');
    if (!typ) {
      ctx.report({
        span: firstLine(doc),
        message: msg(
          'Frontmattern saknar "typ". Lägg till t.ex. "typ: granskningsrapport" (eller förstudie, uppföljning, missiv).',
          'The frontmatter lacks "typ". Add e.g. "typ: granskningsrapport" (or förstudie, uppföljning, missiv).',
        ),
      });
    } else if (!doc.type) {
      invalid(ctx, typ, msg(
        `"typ" ska vara granskningsrapport, förstudie, uppföljning eller missiv, inte "${show(typ.value)}".`,
        `"typ" must be granskningsrapport, förstudie, uppföljning or missiv, not "${show(typ.value)}".`,
      ));
    }
    if (doc.type) {
      for (const key of REQUIRED[doc.type]) {
        if (fields.has(key)) continue;
        ctx.report({
          span: firstLine(doc),
          message: msg(
            `Frontmattern saknar "${key}", som krävs för en ${doc.type}. Lägg till t.ex. "${EXAMPLES[key]}".`,
            `The frontmatter lacks "${key}", required for a ${doc.type}. Add e.g. "${EXAMPLES[key]}".`,
          ),
        });
      }
    }
    const missiv = doc.type === 'missiv';
    for (const f of fields.values()) {
      if (missiv && MISSIV_OWNED.has(f.key)) continue;
      const problem = validate(f, ctx);
      if (problem) invalid(ctx, f, problem);
    }
  },
};

function invalid(ctx: RuleContext, f: FrontmatterField, message: Msg): void {
  ctx.report({ span: f.keySpan, message });
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? '';
}

function nonEmptyString(f: FrontmatterField): Msg | null {
  return typeof f.value === 'string' && f.value.trim() !== ''
    ? null
    : msg(`"${f.key}" ska vara en text som inte är tom.`, `"${f.key}" must be a non-empty text.`);
}

function stringList(f: FrontmatterField, example: string): Msg | null {
  return isStringList(f.value) && f.value.length > 0
    ? null
    : msg(`"${f.key}" ska vara en lista med namn, t.ex. ${example}.`, `"${f.key}" must be a list of names, e.g. ${example}.`);
}

/** `tidigare`: one path, or a list of paths when an uppföljning follows up several reports (spec §2). */
function pathOrPaths(f: FrontmatterField): Msg | null {
  const ok = typeof f.value === 'string'
    ? f.value.trim() !== ''
    : isStringList(f.value) && f.value.length > 0 && f.value.every((p) => p.trim() !== '');
  return ok
    ? null
    : msg(
      `"${f.key}" ska vara sökvägen till en tidigare rapport eller en lista med sökvägar, t.ex. ../2019/granskning.rev.md eller [../2018/a.rev.md, ../2019/b.rev.md].`,
      `"${f.key}" must be the path of an earlier report or a list of paths, e.g. ../2019/granskning.rev.md or [../2018/a.rev.md, ../2019/b.rev.md].`,
    );
}

function isoDate(f: FrontmatterField): Msg | null {
  const d = typeof f.value === 'string' ? parseIsoDate(f.value) : null;
  if (d?.valid) return null;
  return d
    ? msg(`"${f.key}: ${show(f.value)}" är inget verkligt datum. Kontrollera månad och dag.`, `"${f.key}: ${show(f.value)}" is not a real date. Check the month and day.`)
    : msg(`"${f.key}" ska vara ett datum i formen ÅÅÅÅ-MM-DD, t.ex. 2019-01-22.`, `"${f.key}" must be a date in the form YYYY-MM-DD, e.g. 2019-01-22.`);
}

function validate(f: FrontmatterField, ctx: RuleContext): Msg | null {
  switch (f.key) {
    case 'typ':
      return null; // Judged above, with its own message.
    case 'kommun':
    case 'titel':
    case 'revisionsbyrå':
    case 'rapport':
      return nonEmptyString(f);
    case 'tidigare':
      return pathOrPaths(f);
    case 'datum':
    case 'svar_senast':
      return isoDate(f);
    case 'status':
      return typeof f.value === 'string' && (STATUS_VALUES as readonly string[]).includes(f.value)
        ? null
        : msg(`"status" ska vara utkast, granskad eller slutlig, inte "${show(f.value)}".`, `"status" must be utkast, granskad or slutlig, not "${show(f.value)}".`);
    case 'skala': {
      // The configuration's scales, and those the document's profile brings (spec §13.4).
      const names = [...new Set([...ctx.config.scales.keys(), ...Object.keys(ctx.doc.profile.scales)])];
      return typeof f.value === 'string' && names.includes(f.value)
        ? null
        : msg(`Skalan "${show(f.value)}" finns inte. Kända skalor: ${names.join(', ')}.`, `The scale "${show(f.value)}" does not exist. Known scales: ${names.join(', ')}.`);
    }
    case 'profil': {
      const names = [...ctx.config.profiles.keys()];
      return typeof f.value === 'string' && ctx.config.profiles.has(f.value.trim())
        ? null
        : msg(`Profilen "${show(f.value)}" finns inte. Kända profiler: ${names.join(', ')}. Skriv en egen under "profiler" i .granskarc.json.`, `The profile "${show(f.value)}" does not exist. Known profiles: ${names.join(', ')}. Define your own under "profiler" in .granskarc.json.`);
    }
    case 'författare':
      return stringList(f, '[Caroline Liljebjörn]');
    case 'granskade':
      return stringList(f, '[kommunstyrelsen, socialnämnden]');
    case 'till':
      return stringList(f, '[kommunstyrelsen]');
    case 'kännedom':
      return stringList(f, '[kommunfullmäktige]');
    case 'diarienummer':
      return typeof f.value === 'string' || typeof f.value === 'number'
        ? null
        : msg('"diarienummer" ska vara ett diarienummer, t.ex. 2022/347.', '"diarienummer" must be a registry number, e.g. 2022/347.');
    case 'undertecknare':
      return Array.isArray(f.value) && f.value.every((s) => s && typeof s === 'object' && !Array.isArray(s))
        ? null
        : msg('"undertecknare" ska vara en lista med namn och roll, t.ex. - { namn: Lars Beckman, roll: Ordförande }.', '"undertecknare" must be a list of namn and roll, e.g. - { namn: Lars Beckman, roll: Ordförande }.');
    default:
      return null; // Unknown keys are frontmatter-okant's concern.
  }
}

