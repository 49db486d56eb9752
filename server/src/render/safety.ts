import type { Element } from 'hast';
import { h } from 'hastscript';
import { msg, type Msg } from '../i18n.js';

/**
 * Whether a picture's address points at another machine: any scheme (after sanitizing,
 * only `http:` and `https:` are left) or a scheme-relative `//host/…` (which a browser
 * completes with the page's scheme, and on Windows a `file:` page turns into an SMB
 * connection). Such pictures are never fetched.
 */
export function isRemote(src: string): boolean {
  const s = src.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(s) && !/^data:/i.test(s) || /^[\\/]{2}/.test(s);
}

/** The warning for a remote picture, which neither the preview nor an export fetches. */
export function remoteNote(url: string): Msg {
  return msg(`Bilden ${url} hämtas inte från nätet.`, `The picture ${url} is not fetched from the network.`);
}

/** What stands where a picture was left out: a visible note, in the report's language. */
export function placeholder(text: string, alt = ''): Element {
  return h('span', { className: ['image-placeholder'], role: 'img', ariaLabel: alt || undefined }, alt ? `[${alt}] ${text}` : text);
}

/**
 * Text as XML 1.0 allows it: C0 controls other than tab, line feed and carriage return and
 * the non-characters U+FFFE and U+FFFF are removed, and a lone surrogate (half of a
 * character) becomes U+FFFD, the replacement character.
 */
export function xmlSafe(s: string): string {
  // Nearly every text is safe already: one test instead of two replacements that copy it.
  if (!UNSAFE_OR_SURROGATE.test(s)) return s;
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Any character xmlSafe may change: a forbidden one, or half of a pair (then the pair is checked). */
const UNSAFE_OR_SURROGATE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
