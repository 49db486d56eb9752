import { msg } from '../i18n.js';
import { compareDates, formatIsoDate, parseIsoDate, parseSwedishDate, SWEDISH_MONTH_PATTERN } from '../model/dates.js';
import { sentences } from '../model/sentences.js';
import { spanInRun, type AuditDocument, type TextRun } from '../model/types.js';
import type { Rule } from './rule.js';
import { field, firstLine, frontmatterReadable } from './util.js';

const SP = '[ \\t\\u00a0\\n]+';
const DATE = `\\d{4}-\\d{2}-\\d{2}|\\d{1,2}${SP}(?:${SWEDISH_MONTH_PATTERN})${SP}\\d{4}`;
/** A date after `senast`, `senast den`, `till` or `till den` (group 1 the word, group 2 the date). */
const DUE = new RegExp(`(?<![\\p{L}\\p{N}])(senast|till)${SP}(?:den${SP})?(${DATE})(?!\\d)`, 'giu');
/** A sentence asks for an answer when it speaks of svar, yttrande, synpunkter or besvara (spec §9, v2). */
const ASKS = /(?<!\p{L})(?:svar|yttrande|synpunkt|besvar)/iu;
/** `till` right after a date is the end of a period (`2019-01-01 till 2019-12-31`), not a reply date. */
const PERIOD_END = new RegExp(`(?:${DATE}|från)${SP}$`, 'iu');

/**
 * `senast` after a verb in the past (`reviderades senast den 24 september 2020`) tells when
 * something last happened; a deadline is never written in the past tense.
 */
const LAST_DONE = /\p{L}(?:ades|des|tes)[ \t\u00a0\n]+$/iu;

interface Piece {
  run: TextRun;
  /** Offset of the run's value in the joined paragraph text. */
  at: number;
}

/**
 * Joins the text runs of one paragraph, so that a sentence split by inline markup
 * (`Vi önskar **svar** senast …`) is read whole. Runs belong to one paragraph when no line
 * break stands in the source between them (a block always starts on a new line).
 */
function paragraphs(doc: AuditDocument): { text: string; pieces: Piece[] }[] {
  const out: { text: string; pieces: Piece[] }[] = [];
  let previousEnd = -1;
  for (const run of doc.textRuns) {
    const last = out[out.length - 1];
    const joined = last && previousEnd >= 0 && run.start >= previousEnd && !doc.text.slice(previousEnd, run.start).includes('\n');
    if (joined) {
      last.pieces.push({ run, at: last.text.length });
      last.text += run.value;
    } else out.push({ text: run.value, pieces: [{ run, at: 0 }] });
    previousEnd = run.start + run.value.length;
  }
  return out;
}

/** The dates a sentence gives as the day to answer by. */
function replyDates(sentence: string): { word: string; date: string; index: number }[] {
  if (!ASKS.test(sentence)) return [];
  const found: { word: string; date: string; index: number }[] = [];
  DUE.lastIndex = 0;
  for (let m = DUE.exec(sentence); m; m = DUE.exec(sentence)) {
    const word = m[1].toLowerCase();
    const before = sentence.slice(0, m.index);
    if (word === 'till' && PERIOD_END.test(before)) continue;
    if (word === 'senast' && LAST_DONE.test(before)) continue;
    found.push({ word, date: m[2], index: m.index + m[0].length - m[2].length });
  }
  // Where a sentence says `senast`, that is the deadline; a `till` beside it names something else.
  return found.some((f) => f.word === 'senast') ? found.filter((f) => f.word === 'senast') : found;
}

export const missivSvarsdatum: Rule = {
  id: 'missiv-svarsdatum',
  severity: 'error',
  description: msg('Svarsdatumet saknas, är ogiltigt, ligger inte efter missivets datum eller skiljer sig från texten.', 'The reply date is missing, invalid, not after the letter date, or differs from the text.'),
  docs: {
    why: msg(
      'Nämnden ska veta när svaret ska vara inne. Står det ett datum i frontmattern och ett annat i brevet, eller ligger svarsdagen före brevets datum, blir det fel i nämndens planering.',
      'The committee must know when its reply is due. With one date in the frontmatter and another in the letter, or a reply date before the letter, the committee plans wrong.',
    ),
    bad: 'Vi önskar svar från kommunstyrelsen senast 2022-11-30.',
    good: 'Vi önskar svar från kommunstyrelsen senast 2022-11-25.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.type !== 'missiv' || !frontmatterReadable(doc)) return;
    const f = field(doc, 'svar_senast');
    if (!f) {
      ctx.report({
        span: firstLine(doc),
        message: msg('Missivet saknar "svar_senast". Lägg till sista svarsdag, t.ex. "svar_senast: 2022-11-25".', 'The letter lacks "svar_senast". Add the reply deadline, e.g. "svar_senast: 2022-11-25".'),
      });
      return;
    }
    const deadline = typeof f.value === 'string' ? parseIsoDate(f.value) : null;
    if (!deadline?.valid) {
      ctx.report({
        span: f.keySpan,
        message: msg('"svar_senast" ska vara ett verkligt datum i formen ÅÅÅÅ-MM-DD, t.ex. 2022-11-25.', '"svar_senast" must be a real date in the form YYYY-MM-DD, e.g. 2022-11-25.'),
      });
      return;
    }
    const datumValue = field(doc, 'datum')?.value;
    const datum = typeof datumValue === 'string' ? parseIsoDate(datumValue) : null;
    if (datum?.valid && compareDates(deadline, datum) <= 0) {
      ctx.report({
        span: f.keySpan,
        message: msg(`Svarsdatumet ${f.value} ligger inte efter missivets datum ${datumValue}. Ange ett senare svarsdatum.`, `The reply date ${f.value} is not after the letter date ${datumValue}. Give a later reply date.`),
      });
    }
    for (const para of paragraphs(doc)) {
      for (const sentence of sentences(para.text)) {
        for (const due of replyDates(sentence.text)) {
          const said = parseIsoDate(due.date) ?? parseSwedishDate(due.date.replace(/[ \t\u00a0\n]+/g, ' '));
          if (!said || compareDates(said, deadline) === 0) continue;
          const at = sentence.start + due.index;
          const piece = [...para.pieces].reverse().find((p) => p.at <= at)!;
          const shown = due.date.replace(/[ \t\u00a0\n]+/g, ' ');
          ctx.report({
            span: spanInRun(ctx.doc, piece.run, at - piece.at, due.date),
            message: msg(
              `Texten säger "${due.word} ${shown}" men svar_senast är ${formatIsoDate(deadline)}. Ändra det ena så att de stämmer.`,
              `The text says "${due.word} ${shown}" but svar_senast is ${formatIsoDate(deadline)}. Change one so that they agree.`,
            ),
          });
        }
      }
    }
  },
};
