import * as acorn from 'acorn';

/**
 * The bundles' source text in memory at one byte a character.
 *
 * V8 keeps the source of every script it runs (lazy functions are compiled from it), as a
 * one-byte string when every character is Latin-1 and as a two-byte one otherwise. esbuild
 * writes ASCII, but leaves regular expressions and comments as they are, and a single `–` in
 * one of them made the whole 1.6 MB server bundle a 3.2 MB string for the server's lifetime
 * (docs/prestanda.md, «Minnet, tredje omgången»). This rewrites every UTF-16 code unit above
 * U+00FF as `\uXXXX`, which means the same in a regular expression (with or without the `u`
 * flag: an escaped surrogate pair is one code point in `u` mode) and nothing in a comment.
 * The tokens come from acorn's parser, so a `/` is a regular expression only where the
 * grammar says so; such a character anywhere else (which esbuild would have escaped) stops
 * the build rather than being guessed at. The source map's columns on the rewritten lines
 * are moved to match.
 *
 * Returns null when there is nothing to rewrite.
 */
export function escapeBeyondLatin1(code, map, file) {
  const hits = [];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) > 0xff) hits.push(i);
  if (hits.length === 0) return null;

  const ranges = [];
  acorn.parse(code, {
    ecmaVersion: 'latest',
    sourceType: file.endsWith('.mjs') ? 'module' : 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    onComment: (_block, _text, start, end) => ranges.push([start, end]),
    onToken: (token) => {
      if (token.type === acorn.tokTypes.regexp) ranges.push([token.start, token.end]);
    },
  });
  ranges.sort((a, b) => a[0] - b[0]);

  // Where each escape stands: its line and column before the rewrite, for the source map.
  const shifts = new Map();
  let out = '';
  let from = 0;
  let r = 0;
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  for (const i of hits) {
    while (r < ranges.length && ranges[r][1] <= i) r++;
    if (r >= ranges.length || ranges[r][0] > i) {
      const before = code.slice(0, i);
      const at = `${before.split('\n').length}:${i - before.lastIndexOf('\n')}`;
      throw new Error(`${file}:${at}: U+${code.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} outside a regular expression or comment; escape it in the source`);
    }
    for (; scanned < i; scanned++) {
      if (code.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    if (!shifts.has(line)) shifts.set(line, []);
    shifts.get(line).push(i - lineStart);
    out += code.slice(from, i) + `\\u${code.charCodeAt(i).toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  out += code.slice(from);
  return { code: out, map: map === undefined ? undefined : shiftMap(map, shifts) };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Moves the generated columns of a source map: each escape on a line adds five columns after it. */
function shiftMap(mapText, shifts) {
  const map = JSON.parse(mapText);
  const lines = map.mappings.split(';');
  for (const [line, columns] of shifts) {
    if (line >= lines.length || lines[line] === '') continue;
    let previous = 0;
    let previousShifted = 0;
    lines[line] = lines[line]
      .split(',')
      .map((segment) => {
        // Only the first field (the generated column, relative within the line) changes.
        const { value, length } = decodeVlq(segment);
        const column = previous + value;
        previous = column;
        const shifted = column + 5 * columns.filter((c) => c < column).length;
        const encoded = encodeVlq(shifted - previousShifted) + segment.slice(length);
        previousShifted = shifted;
        return encoded;
      })
      .join(',');
  }
  map.mappings = lines.join(';');
  return JSON.stringify(map);
}

function decodeVlq(s) {
  let result = 0;
  let shift = 0;
  let i = 0;
  for (;;) {
    const digit = BASE64.indexOf(s[i++]);
    result += (digit & 31) << shift;
    if ((digit & 32) === 0) break;
    shift += 5;
  }
  return { value: result & 1 ? -(result >>> 1) : result >>> 1, length: i };
}

function encodeVlq(n) {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let s = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    s += BASE64[digit];
  } while (v > 0);
  return s;
}
