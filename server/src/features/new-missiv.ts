import type { AuditDocument } from '../model/types.js';
import { recommendationsOf } from '../workspace/recommendations.js';
import { formatIsoDate, parseIsoDate } from '../model/dates.js';

/** A new missiv for a report: the file name beside the report and its text. */
export interface NewMissiv {
  fileName: string;
  text: string;
}

/** A YAML scalar that stays a string whatever it holds (colons, quotes, a leading dash). */
function yamlString(s: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ,.()/–-]*$/u.test(s) && !/:\s|\s#/.test(s) ? s : JSON.stringify(s);
}

function joinSwedish(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/**
 * The reply date a missiv proposes: two months after today, the usual time the elected
 * auditors give a committee to answer. The auditor changes it as needed.
 */
export function proposedReplyDate(today: string): string {
  const d = parseIsoDate(today);
  if (!d || !d.valid) return today;
  const month = d.month + 2;
  const year = d.year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  // 31 december gives the last of February, not a day in March.
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return formatIsoDate({ year, month: m, day: Math.min(d.day, last) });
}

/**
 * A missiv filled from a report (spec §9): kommun, title and registry number from the
 * report, recipients from its `granskade`, its recommendations quoted word for word, the
 * standard phrases, and a reply date. The signatory's name is left as a placeholder,
 * which `platshallare` points out until it is filled in.
 */
export function newMissiv(report: AuditDocument, reportFileName: string, today: string): NewMissiv {
  const value = (key: string) => {
    const v = report.frontmatter?.fields.get(key)?.value;
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  };
  const list = (key: string) => {
    const v = report.frontmatter?.fields.get(key)?.value;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
  };
  const kommun = value('kommun') ?? '[kommun]';
  const titel = value('titel');
  const dnr = value('diarienummer');
  const till = list('granskade');
  const reply = proposedReplyDate(today);
  const who = till.length > 0 ? joinSwedish(till) : '[nämnden]';
  const recommendations = recommendationsOf(report).map((r) => r.text);
  const fm = [
    '---',
    'typ: missiv',
    `kommun: ${yamlString(kommun)}`,
    ...(titel ? [`titel: ${yamlString(titel)}`] : []),
    `datum: ${today}`,
    ...(dnr ? [`diarienummer: ${yamlString(dnr)}`] : []),
    `till: [${till.map(yamlString).join(', ')}]`,
    `svar_senast: ${reply}`,
    `rapport: ${yamlString(reportFileName)}`,
    'undertecknare:',
    '  - namn: "[namn]"',
    '    roll: Ordförande',
    '---',
  ];
  const body = [
    '',
    `# ${titel ?? 'Missiv'}`,
    '',
    'Rapporten överlämnas för kännedom och beaktande i enlighet med de av kommunfullmäktige antagna rutinerna för rapportering.',
    '',
  ];
  if (recommendations.length > 0) {
    body.push(`Utifrån granskningens resultat rekommenderar vi ${who} att:`, '', ...recommendations.map((r) => `- ${r}`), '');
  }
  body.push(
    `Vi önskar svar från ${who} senast ${reply}. Av svaret bör det framgå vilka åtgärder som ska vidtas och när de beräknas vara genomförda.`,
    '',
    'För kommunens revisorer',
    '',
    '[namn], ordförande',
    '',
  );
  const base = reportFileName.replace(/^.*[\\/]/, '').replace(/\.rev\.md$/i, '');
  return { fileName: `missiv-${base}.rev.md`, text: [...fm, ...body].join('\n') };
}
