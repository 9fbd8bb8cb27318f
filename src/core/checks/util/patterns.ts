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

export function matchesOf(re: RegExp, text: string): Match[] {
  const out: Match[] = [];
  for (const m of execAll(re, text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

// Necessary conditions for URL and DOMAIN, far cheaper to scan for: "http" or "www." (none of these letters has
// another case-insensitive form), and a dot directly before one of DOMAIN's endings (same flags as DOMAIN).
const URL_HINT = /http|www\./i;
const BROKEN_HINT = /https?:(?!\/\/)/i;
const DOMAIN_HINT = /\.(?:ru|kz|com|org|net|gov|edu|info|io|рф|қаз)/iu;

export function urls(text: string, mails: readonly Match[] = emails(text)): Match[] {
  if (!text.includes('.')) return [];
  let found = URL_HINT.test(text) ? matchesOf(URL, text) : [];
  if (BROKEN_HINT.test(text)) {
    const broken = matchesOf(BROKEN_URL, text);
    if (broken.length > 0) {
      found = [...found.filter((u) => !broken.some((b) => u.start >= b.start && u.end <= b.end)), ...broken];
      found.sort((a, b) => a.start - b.start);
    }
  }
  if (DOMAIN_HINT.test(text)) {
    for (const d of matchesOf(DOMAIN, text)) {
      if (!found.some((u) => d.start >= u.start && d.end <= u.end)) found.push(d);
    }
  }
  if (found.length === 0 || mails.length === 0) return found;
  return found.filter((u) => !mails.some((e) => u.start >= e.start && u.end <= e.end));
}

// Cheap guards keep the common case (plain prose) from running the full expressions.
export function emails(text: string): Match[] {
  return text.includes('@') ? matchesOf(EMAIL, text) : [];
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

export function findMarkup(text: string): Markup {
  const mails = emails(text);
  return { urls: urls(text, mails), emails: mails, placeholders: placeholders(text), tags: tags(text) };
}

/** Spans that word-level checks leave alone: addresses, e-mails, placeholders, tags. */
export function protectedSpans(text: string, markup: Markup = findMarkup(text)): Span[] {
  return [...markup.urls, ...markup.emails, ...markup.placeholders, ...markup.tags];
}
