import { msg } from '../i18n.js';
import type { Rule } from './rule.js';

/**
 * A picture without a description. Exports write such a picture with `alt=""`, which a
 * screen reader and an accessibility checker take as decoration, so only this rule can tell
 * that a diagram the text relies on is missing its description.
 */
export const bildAlttext: Rule = {
  id: 'bild-alttext',
  severity: 'warning',
  description: msg('En bild saknar alternativtext.', 'An image has no alternative text.'),
  docs: {
    why: msg(
      'Rapporter som publiceras på kommunens webbplats ska vara tillgängliga (lagen om tillgänglighet till digital offentlig service, WCAG 2.1 AA). En skärmläsare läser bildens alternativtext; utan den får läsaren inte veta vad diagrammet eller bilden visar.',
      'Reports published on the municipality\'s website must be accessible (the Swedish accessibility act, WCAG 2.1 AA). A screen reader reads the image\'s alternative text; without it the reader cannot know what the chart or picture shows.',
    ),
    bad: '![](diagram-kostnader.png)',
    good: '![Diagram: kostnaderna för integrationsinsatser 2016–2018, som ökar från 4 till 7 miljoner kronor](diagram-kostnader.png)',
  },
  check(ctx) {
    for (const image of ctx.doc.images) {
      if (image.alt.trim() !== '') continue;
      const name = image.src.split(/[\\/]/).pop() || image.src;
      ctx.report({
        span: image.span,
        message: msg(
          `Bilden${name ? ` ${name}` : ''} saknar alternativtext. Beskriv vad bilden visar inom hakparentesen, t.ex. "![Diagram: kostnaderna per år](${image.src || 'bild.png'})", så att den som använder skärmläsare får samma information.`,
          `The image${name ? ` ${name}` : ''} has no alternative text. Describe what it shows inside the brackets, e.g. "![Chart: costs per year](${image.src || 'bild.png'})", so that screen reader users get the same information.`,
        ),
      });
    }
  },
};
