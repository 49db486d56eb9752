import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * What a report's own content may contain after rendering: GitHub's schema (no script,
 * style, event handlers, frames or forms; only http, https, mailto and relative URLs;
 * ids prefixed with `user-content-`), dropping what a <style> holds with it, plus the footnote section label's class that
 * remark-rehype sets. The renderer's own structure is added after sanitizing, so it needs
 * no allowance here.
 */
export const REPORT_SCHEMA: Schema = {
  ...defaultSchema,
  // The text inside a removed <style> is CSS, not prose: it goes with the element.
  strip: [...(defaultSchema.strip ?? []), 'style'],
  attributes: {
    ...defaultSchema.attributes,
    h2: [...(defaultSchema.attributes?.h2 ?? []), ['className', 'footnotes-title']],
  },
};
