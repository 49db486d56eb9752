/** A user-facing text in both languages the tools speak. Swedish is the default. */
export interface Msg {
  sv: string;
  en: string;
}

export type Locale = 'sv' | 'en';

export function msg(sv: string, en: string): Msg {
  return { sv, en };
}

export function localize(m: Msg, locale: Locale): string {
  return locale === 'en' ? m.en : m.sv;
}

/** Picks the locale from an editor or environment locale tag: English for `en*`, Swedish otherwise. */
export function localeFrom(tag: string | undefined | null): Locale {
  return tag && /^en\b/i.test(tag) ? 'en' : 'sv';
}

/** Joins alternatives the way each language does: «a, b eller c» / «a, b or c». */
export function orList(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const word = locale === 'en' ? 'or' : 'eller';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

export function quoteAll(items: readonly string[]): string[] {
  return items.map((i) => `«${i}»`);
}
