/**
 * The custom document property in which the Word export keeps the report's frontmatter, as
 * YAML, so that `granska import` of a Granska export gives back the same frontmatter (the
 * title page shows only some of it). Word shows it under File › Properties › Custom.
 */
export const FRONTMATTER_PROPERTY = 'Granska frontmatter';

/** The bookmark on the heading of a summary the renderer made, so that an import drops it and its table. */
export const GENERATED_SUMMARY_BOOKMARK = 'GranskaSammanstallning';
