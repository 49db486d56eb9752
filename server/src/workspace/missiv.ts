import type { AuditDocument, Span } from '../model/types.js';

const LIST_ITEM = /^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+(.*)$/;
const INTRODUCES_RECOMMENDATIONS = /rekommend/i;

/**
 * The recommendations a missiv quotes: the list that follows a sentence speaking of
 * recommendations («… rekommenderar vi kommunstyrelsen att:», «Följande rekommendationer
 * lämnas:»). A missiv's body is free text (spec §9), so this reads its lines rather than
 * a structure the dialect does not define.
 */
export function quotedRecommendations(doc: AuditDocument): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  const lines = doc.lines;
  const bodyStart = doc.frontmatter ? lines.positionAt(doc.frontmatter.span.end).line + 1 : 0;
  let introduced = false;
  let current: { text: string; span: Span } | null = null;
  for (let line = bodyStart; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const item = LIST_ITEM.exec(text);
    if (item && introduced) {
      const start = lines.lineStarts[line];
      current = { text: item[1].trim(), span: { start, end: lines.lineEnd(line) } };
      out.push(current);
      continue;
    }
    if (text.trim() === '') continue;
    if (current && /^[ \t]{2,}\S/.test(text)) {
      // A continuation line of the list item above.
      current.text = `${current.text} ${text.trim()}`;
      continue;
    }
    current = null;
    introduced = INTRODUCES_RECOMMENDATIONS.test(text) && !item;
  }
  return out;
}
