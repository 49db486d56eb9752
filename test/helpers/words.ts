/** The words of a Markdown text; table rules and their column padding are layout, not text. */
export function words(text: string): string[] {
  return text.replace(/^\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/gm, '').split(/\s+/).filter(Boolean);
}

/** How much two texts differ, by words: 0 the same, 1 nothing in common (1 − 2·LCS / (a + b)). */
export function wordDifference(a: string[], b: string[]): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return 1 - (2 * prev[b.length]) / (a.length + b.length || 1);
}
