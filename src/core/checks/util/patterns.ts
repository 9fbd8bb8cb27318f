import type { Span } from '../types.ts';

// Text that must travel unchanged from source to target and that word-level checks must not judge.

/** http(s) and www addresses; trailing sentence punctuation is not part of the address. */
export const URL = /\b(?:https?:\/\/|www\.)[^\s<>«»"“”„]*[^\s<>«»"“”„.,;:!?)\]'’]/giu;
/** Bare domains with a country or generic ending people actually write in prose ("municipal-police.ru"). */
export const DOMAIN =
  /(?<![@\p{L}\p{N}.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:ru|kz|com|org|net|gov|edu|info|io|рф|қаз)\b(?![@.\p{L}])/giu;
export const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Software placeholders: {0}, {name}, {{count}}, %s, %1$d, ${var}. */
export const PLACEHOLDER =
  /\{\{\s*[\w.]+\s*\}\}|\{\d+\}|\{[a-zA-Z_][\w.]*\}|%(?:\d+\$)?[sdfi@]|\$\{[\w.]+\}/g;
/** XML/HTML-like inline tags. */
export const TAG = /<\/?[a-zA-Z][\w:-]*(?:\s[^<>]*)?\/?>/g;

export type Match = Span & { readonly text: string };

export function matchesOf(re: RegExp, text: string): Match[] {
  const out: Match[] = [];
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

// Necessary conditions for URL and DOMAIN, far cheaper to scan for: "http" or "www." (none of these letters has
// another case-insensitive form), and a dot directly before one of DOMAIN's endings (same flags as DOMAIN).
const URL_HINT = /http|www\./i;
const DOMAIN_HINT = /\.(?:ru|kz|com|org|net|gov|edu|info|io|рф|қаз)/iu;

export function urls(text: string, mails: readonly Match[] = emails(text)): Match[] {
  if (!text.includes('.')) return [];
  const found = URL_HINT.test(text) ? matchesOf(URL, text) : [];
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
  return /[{%$]/.test(text) ? matchesOf(PLACEHOLDER, text) : [];
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
