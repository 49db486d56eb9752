/**
 * Inline expectation markers for fixtures: `⟦rule-id⟧` or `⟦rule-id:severity⟧` placed on
 * the line where a diagnostic must start. Markers are removed before linting, so they
 * never change what the document means.
 */
export interface Expected {
  code: string;
  line: number;
  severity?: 'error' | 'warning' | 'info';
}

const MARK = /⟦([a-z-]+)(?::(error|warning|info))?⟧/g;

export function stripMarkers(source: string): { text: string; expected: Expected[] } {
  const expected: Expected[] = [];
  const lines = source.split('\n').map((line, index) => {
    return line.replace(MARK, (_, code: string, severity?: Expected['severity']) => {
      expected.push({ code, line: index, ...(severity ? { severity } : {}) });
      return '';
    });
  });
  return { text: lines.join('\n'), expected };
}

/**
 * A cursor marker `¦` for feature tests: returns the text without it and its offset.
 */
export function stripCursor(source: string): { text: string; offset: number } {
  const offset = source.indexOf('¦');
  if (offset < 0) throw new Error('no cursor marker ¦ in the test text');
  return { text: source.slice(0, offset) + source.slice(offset + 1), offset };
}
