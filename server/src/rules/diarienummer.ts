import { msg } from '../i18n.js';
import type { Rule } from './rule.js';
import { field } from './util.js';

/**
 * `2022/347`, `KS 2022/0347`, `REV 2019/12`, and (spec §9, v2) `KS-2014/742.912` (a hyphen
 * after the prefix, a dotted suffix) and `3.1.2-56/2016` (a dotted classification code, a
 * number, a four-digit year). A leading `Dnr` as letterheads write it is accepted too: it
 * repeats what the key says and the registry searches without it.
 */
export const DIARIENUMMER = /^(?:[Dd]nr:? )?(?:(?:[A-ZÅÄÖ]+[ -])?\d{4}\/\d+(?:\.\d+)*|\d+(?:\.\d+)+-\d+\/\d{4})$/u;

export const diarienummer: Rule = {
  id: 'diarienummer',
  severity: 'warning',
  description: msg('Diarienumret har fel form.', 'The registry number has the wrong form.'),
  docs: {
    why: msg(
      'Kommunens registratur söker på diarienumret. "2022-347" eller "dnr 347/22" hittas inte.',
      'The municipality\'s registry searches by registry number. "2022-347" or "dnr 347/22" is not found.',
    ),
    bad: 'diarienummer: 2022-347',
    good: 'diarienummer: 2022/347',
  },
  check(ctx) {
    const f = field(ctx.doc, 'diarienummer');
    if (!f) return;
    const value = typeof f.value === 'number' ? String(f.value) : f.value;
    if (typeof value === 'string' && DIARIENUMMER.test(value.trim())) return;
    ctx.report({
      span: f.keySpan,
      message: msg(
        `Diarienumret "${typeof value === 'string' ? value : ''}" har fel form. Skriv t.ex. 2022/347, KS 2022/0347 eller REV 2019/12.`,
        `The registry number "${typeof value === 'string' ? value : ''}" has the wrong form. Write e.g. 2022/347, KS 2022/0347 or REV 2019/12.`,
      ),
    });
  },
};
