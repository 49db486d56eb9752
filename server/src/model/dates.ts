/** A calendar date as written; `valid` says whether it exists in the calendar. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
  valid: boolean;
}

export const SWEDISH_MONTHS = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni',
  'juli', 'augusti', 'september', 'oktober', 'november', 'december',
] as const;

export const SWEDISH_MONTH_PATTERN = SWEDISH_MONTHS.join('|');

export function makeDate(year: number, month: number, day: number): CalendarDate {
  const d = new Date(Date.UTC(year, month - 1, day));
  const valid =
    month >= 1 && month <= 12 && day >= 1 &&
    d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return { year, month, day, valid };
}

/** Parses `ÅÅÅÅ-MM-DD` strictly: four-digit year, two-digit month and day. */
export function parseIsoDate(s: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Parses a Swedish long date such as `25 februari 2019` (also `den 25 februari 2019`). */
export function parseSwedishDate(s: string): CalendarDate | null {
  const m = new RegExp(`^(?:den\\s+)?(\\d{1,2})\\s+(${SWEDISH_MONTH_PATTERN})\\s+(\\d{4})$`, 'i').exec(s.trim());
  if (!m) return null;
  const month = SWEDISH_MONTHS.indexOf(m[2].toLowerCase() as (typeof SWEDISH_MONTHS)[number]) + 1;
  return makeDate(Number(m[3]), month, Number(m[1]));
}

export function formatIsoDate(d: { year: number; month: number; day: number }): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Negative when a is before b, 0 when equal, positive when after. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Today's date in the local time zone as `ÅÅÅÅ-MM-DD`, the form `toLocaleDateString('sv-SE')`
 * gives; written out because that call's first use sets up ICU's locale data (20–35 ms), which
 * the language server's first hover or completion would otherwise wait for.
 */
export function todayIso(now = new Date()): string {
  return formatIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}
