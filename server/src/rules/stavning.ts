import { msg } from '../i18n.js';
import { misspellings } from '../spelling/check.js';
import { currentSpeller } from '../spelling/speller.js';
import type { Rule } from './rule.js';

/**
 * Spelling of the prose against the Swedish dictionary (Hunspell with its compound rules),
 * the built-in audit vocabulary, the document's own names and the project's word list.
 * Until the dictionary has loaded the rule reports nothing: the server loads it after the
 * first diagnostics and checks again, so structure is never held back by spelling.
 * Suggestions are computed only when a quick fix is asked for (about 0.1 s a word).
 */
export const stavning: Rule = {
  id: 'stavning',
  severity: 'info',
  description: msg(
    'Ett ord finns varken i den svenska ordlistan, i granskningsordlistan eller i projektets ordlista.',
    'A word is in neither the Swedish dictionary, the audit vocabulary nor the project\'s word list.',
  ),
  docs: {
    why: msg(
      'En rapport med stavfel går till fullmäktige under revisionsbyråns namn. Kontrollen känner de svenska sammansättningarna, alla kommuner och regioner, nämnder och granskningens ord; namn i frontmatter och projektets ordlista (`ord` i .granskarc.json) godtas också. Snabbåtgärderna föreslår rättelser, lägger till ordet i ordlistan eller godtar det i dokumentet med en kommentar `<!-- granska-ord: ord -->`.',
      'A report with typos goes to the council under the audit firm\'s name. The check knows Swedish compounds, every kommun and region, the bodies and the words of auditing; names in the frontmatter and the project\'s word list (`ord` in .granskarc.json) are accepted too. Quick fixes suggest corrections, add the word to the word list, or accept it in the document with a comment `<!-- granska-ord: word -->`.',
    ),
    bad: 'Kommunstyrelsen har inte följt upp åtgärdskatalogen i tilräcklig omfattning.',
    good: 'Kommunstyrelsen har inte följt upp åtgärdskatalogen i tillräcklig omfattning.',
  },
  check(ctx) {
    const speller = currentSpeller();
    if (!speller) return;
    for (const m of misspellings(ctx.doc, ctx.config, speller)) {
      ctx.report({
        span: m.span,
        message: msg(
          `"${m.word}" finns inte i ordlistan. Rätta stavningen eller lägg till ordet i projektets ordlista.`,
          `"${m.word}" is not in the dictionary. Correct the spelling or add the word to the project's word list.`,
        ),
      });
    }
  },
};
