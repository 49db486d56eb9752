/**
 * A copy of `s` that refers to no larger string.
 *
 * V8 makes a substring of 13 characters or more a view into the string it was cut from,
 * which then stays alive as long as the substring does. A word kept in a cache, or the text
 * of a block that later versions of a document reuse, would so keep the whole text of the
 * version it came from: a 313 KiB report is 640 KB in memory, and after a few hundred
 * keystrokes dozens of such versions were held (docs/prestanda.md, «Minnet, tredje
 * omgången»). Putting a character in front makes a new string; cutting it off again copies
 * that string into one of the substring's own length, which is all the result refers to.
 * Call it where a substring is kept beyond the version it belongs to, not on every string:
 * the copy costs as much as reading the text once.
 */
export function detach(s: string): string {
  // Shorter substrings are copied by V8 anyway.
  return s.length < 13 ? s : (' ' + s).slice(1);
}
