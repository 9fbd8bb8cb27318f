import type { Span } from '../types.ts';
import { execAll } from '../../text/execAll.ts';

// Text that must travel unchanged from source to target and that word-level checks must not judge.

/** http(s) and www addresses; trailing sentence punctuation is not part of the address. */
export const URL = /\b(?:https?:\/\/|www\.)[^\s<>«»"“”„]*[^\s<>«»"“”„.,;:!?)\]'’]/giu;
/** An address whose scheme lost its slashes ("https:weblate.org", "http:/site.kz"): kept whole, so it differs. */
export const BROKEN_URL = /\bhttps?:\/?(?!\/)[^\s<>«»"“”„]*[^\s<>«»"“”„.,;:!?)\]'’]/giu;
/** Bare domains with a country or generic ending people actually write in prose ("municipal-police.ru"). */
export const DOMAIN =
  /(?<![@\p{L}\p{N}.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:ru|kz|com|org|net|gov|edu|info|io|рф|қаз)\b(?![@.\p{L}])/giu;
export const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/**
 * Software placeholders, one alternative per syntax:
 *   {{ count }} (Mustache, Angular), {0} (.NET, ICU positional), {name} (ICU, Python format);
 *   %% first, so an escaped per cent sign is consumed and never read as the start of "%s" ("100%%s" has no
 *   placeholder) — such matches are dropped afterwards;
 *   printf: %s, %d, %ld, %10s, %-5d, %.2f, positional %1$s, Python named %(name)s, Objective-C %@ (no space
 *   flag: "30% of" is prose);
 *   ${var} and ${ spaced } (JavaScript, shell), $VAR$ (Windows installers, some templating);
 *   character entities &amp; &#160; &#x2014; (an entity turned into its character changes the markup).
 */
export const PLACEHOLDER =
  /\{\{\s*[\w.]+\s*\}\}|\{\d+\}|\{[a-zA-Z_][\w.]*\}|%%|%(?:\d+\$|\([\w.-]+\))?[-+0#]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcsp@]|\$\{\s*[\w.]+\s*\}|\$[A-Za-z_]\w*\$|&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;
/** XML/HTML-like inline tags. */
export const TAG = /<\/?[a-zA-Z][\w:-]*(?:\s[^<>]*)?\/?>/g;

export type Match = Span & { readonly text: string };

/** The matches of a global expression that begin at `from` or after. */
function matchesFrom(re: RegExp, text: string, from: number): Match[] {
  const out: Match[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  re.lastIndex = 0;
  return out;
}

export function matchesOf(re: RegExp, text: string): Match[] {
  const out: Match[] = [];
  for (const m of execAll(re, text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

// The characters every search here needs, read in one scan: EMAIL an "@", TAG a "<", PLACEHOLDER one of "{%$&",
// URL "://" or "www." (no other letter folds to "w"), BROKEN_URL a ":", DOMAIN a dot before one of its endings,
// each of which starts with an ASCII letter or, like the Kelvin sign that folds to "k", a character past ASCII.
const AT = 1;
const LT = 2;
const PLACEHOLDER_START = 4;
const COLON = 8;
const WWW = 16;
const DOT_LETTER = 32;
const ALL_HINTS = 63;
const HINTS = /[@<{%$&:]|\.(?=[a-zA-Z\u0080-\uffff])|[wW]\./g;

/** Which of the characters the searches need the text holds, as bits; 0 when none can match at all. */
function hintsOf(text: string): number {
  let hints = 0;
  HINTS.lastIndex = 0;
  while (hints !== ALL_HINTS && HINTS.test(text)) {
    const end = HINTS.lastIndex;
    const c = text.charCodeAt(end - 1);
    hints |= c === 46 ? dotHint(text, end - 1) : (MARKUP_HINT[c] as number);
  }
  return hints;
}

/** The hint of each character below U+0080 that gives one by itself (all but the dot). */
const MARKUP_HINT = (() => {
  const table = new Uint8Array(0x80);
  table[64] = AT;
  table[60] = LT;
  table[58] = COLON;
  for (const c of '{%$&') table[c.charCodeAt(0)] = PLACEHOLDER_START;
  return table;
})();

/**
 * The hints a character gives, HINTS read at one place, for a scan of the text's characters made anyway: each
 * of "@<{%$&:" its own, and a dot WWW after "w" or "W" and DOT_LETTER before a letter, as HINTS's matches that
 * end there give (none of them crosses a dot, so every dot is read).
 */
export function markupHintAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 46) return dotHint(text, i);
  return c < 0x80 ? (MARKUP_HINT[c] as number) : 0;
}

/** The characters markupHintAt may give a hint for. */
export const MARKUP_HINT_CHARS = '@<{%$&:.';

function dotHint(text: string, i: number): number {
  const before = i >= 1 ? text.charCodeAt(i - 1) : 0;
  let hints = before === 119 || before === 87 ? WWW : 0;
  if (i + 1 < text.length && isDomainStart(text.charCodeAt(i + 1))) hints |= DOT_LETTER;
  return hints;
}

const isDomainStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80;

// Necessary conditions for URL and DOMAIN, far cheaper to scan for: "http" or "www." (none of these letters has
// another case-insensitive form), and a dot directly before one of DOMAIN's endings (same flags as DOMAIN).
const URL_HINT = /http|www\./i;
const BROKEN_HINT = /https?:(?!\/\/)/i;
const DOMAIN_HINT = /\.(?:ru|kz|com|org|net|gov|edu|info|io|рф|қаз)/iu;

export function urls(text: string, mails: readonly Match[] = emails(text)): Match[] {
  return urlsHinted(text, mails, hintsOf(text));
}

/** urls(), with the hints of the text already read: a search whose hint is missing cannot match. */
function urlsHinted(text: string, mails: readonly Match[], hints: number): Match[] {
  if ((hints & (COLON | WWW | DOT_LETTER)) === 0 || !text.includes('.')) return [];
  // Every URL match begins with "http" or "www.", where URL_HINT matches (none of those letters has another
  // case-insensitive form): the search for it starts at the first.
  const from = (hints & (COLON | WWW)) !== 0 ? text.search(URL_HINT) : -1;
  let found = from >= 0 ? matchesFrom(URL, text, from) : [];
  if ((hints & COLON) !== 0 && BROKEN_HINT.test(text)) {
    const broken = matchesOf(BROKEN_URL, text);
    if (broken.length > 0) {
      found = [...found.filter((u) => !broken.some((b) => u.start >= b.start && u.end <= b.end)), ...broken];
      found.sort((a, b) => a.start - b.start);
    }
  }
  if ((hints & DOT_LETTER) !== 0 && DOMAIN_HINT.test(text) && domainOutside(text, found, mails)) {
    for (const d of matchesOf(DOMAIN, text)) {
      if (!found.some((u) => d.start >= u.start && d.end <= u.end)) found.push(d);
    }
  }
  if (found.length === 0 || mails.length === 0) return found;
  return found.filter((u) => !mails.some((e) => u.start >= e.start && u.end <= e.end));
}

const DOMAIN_HINTS = new RegExp(DOMAIN_HINT.source, 'giu');

/**
 * Whether a domain ending occurs outside the addresses and e-mails already found. A DOMAIN match inside an
 * address that starts with its scheme lies within it (DOMAIN's characters cannot cross "://", and every one of
 * them may end an address), and none starts after an e-mail's "@" (its look-behind refuses "@", letters, digits,
 * dots and hyphens): an ending inside either can only yield a domain that is dropped, so DOMAIN need not run.
 */
function domainOutside(text: string, found: readonly Match[], mails: readonly Match[]): boolean {
  if (found.length === 0 && mails.length === 0) return true;
  for (const m of execAll(DOMAIN_HINTS, text)) {
    const i = m.index;
    const covered =
      mails.some((e) => i >= e.start && i < e.end && i > text.indexOf('@', e.start)) ||
      found.some((u) => i >= u.start && i < u.end && /^https?:/i.test(u.text));
    if (!covered) return true;
  }
  return false;
}

// The part of EMAIL after its "@", tried only where an "@" is (sticky), and EMAIL's first part one character at
// a time: [\p{L}\p{N}._%+-].
const EMAIL_DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;
const EMAIL_LOCAL_CHAR = /^[\p{L}\p{N}._%+-]$/u;

/** The start of the run of EMAIL's first-part characters that ends just before `at`, not before `from`. */
function localStart(text: string, at: number, from: number): number {
  let s = at;
  while (s > from) {
    const c = text.charCodeAt(s - 1);
    if (
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      c === 46 ||
      c === 95 ||
      c === 37 ||
      c === 43 ||
      c === 45
    ) {
      s -= 1;
      continue;
    }
    if (c < 0x80) break;
    // A low surrogate after a high one is one astral character, judged whole.
    const w = c >= 0xdc00 && c <= 0xdfff && s - 2 >= from && isHigh(text.charCodeAt(s - 2)) ? 2 : 1;
    if (!EMAIL_LOCAL_CHAR.test(text.slice(s - w, s))) break;
    s -= w;
  }
  return s;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/**
 * E-mail addresses: what EMAIL matches, found from each "@" outwards rather than by trying EMAIL at every
 * position (which reads every word of the text up to its end). For an "@", the leftmost start EMAIL could take
 * is the start of the run of first-part characters just before it (no earlier than the previous match's end),
 * and the rest of the match does not depend on the start.
 */
export function emails(text: string): Match[] {
  const out: Match[] = [];
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at < from) continue;
    const start = localStart(text, at, from);
    if (start === at) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const m = EMAIL_DOMAIN.exec(text);
    if (!m) continue;
    const end = at + 1 + m[0].length;
    out.push({ start, end, text: text.slice(start, end) });
    from = end;
  }
  return out;
}

export function placeholders(text: string): Match[] {
  return /[{%$&]/.test(text) ? matchesOf(PLACEHOLDER, text).filter((m) => m.text !== '%%') : [];
}

export function tags(text: string): Match[] {
  return text.includes('<') ? matchesOf(TAG, text) : [];
}

/** Everything of one text that must travel unchanged, found once for the link checks and the word checks. */
export type Markup = {
  readonly urls: readonly Match[];
  readonly emails: readonly Match[];
  readonly placeholders: readonly Match[];
  readonly tags: readonly Match[];
};

const NONE: readonly Match[] = [];
const NO_MARKUP: Markup = { urls: NONE, emails: NONE, placeholders: NONE, tags: NONE };

/**
 * The markup of a text; most texts hold none of the characters markup needs and are settled by one scan (or by
 * the hints a scan of the text made anyway found: markupHintAt).
 */
export function findMarkup(text: string, hints = hintsOf(text)): Markup {
  if (hints === 0) return NO_MARKUP;
  const mails = (hints & AT) !== 0 ? emails(text) : [];
  return {
    urls: urlsHinted(text, mails, hints),
    emails: mails,
    placeholders: (hints & PLACEHOLDER_START) !== 0 ? placeholders(text) : [],
    tags: (hints & LT) !== 0 ? tags(text) : [],
  };
}

/** Spans that word-level checks leave alone: addresses, e-mails, placeholders, tags. */
export function protectedSpans(text: string, markup: Markup = findMarkup(text)): Span[] {
  const out: Span[] = [];
  pushAll(out, markup.urls);
  pushAll(out, markup.emails);
  pushAll(out, markup.placeholders);
  pushAll(out, markup.tags);
  return out;
}

function pushAll(out: Span[], spans: readonly Span[]): void {
  for (const s of spans) out.push(s);
}
