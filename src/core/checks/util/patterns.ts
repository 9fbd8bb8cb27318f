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
  // Cheap guards keep the common case (plain prose) from running the full expressions.
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

export function urls(text: string): Match[] {
  if (!text.includes('.')) return [];
  const found = matchesOf(URL, text);
  for (const d of matchesOf(DOMAIN, text)) {
    if (!found.some((u) => d.start >= u.start && d.end <= u.end)) found.push(d);
  }
  const mails = emails(text);
  return found.filter((u) => !mails.some((e) => u.start >= e.start && u.end <= e.end));
}

export function emails(text: string): Match[] {
  return text.includes('@') ? matchesOf(EMAIL, text) : [];
}

export function placeholders(text: string): Match[] {
  return /[{%$]/.test(text) ? matchesOf(PLACEHOLDER, text) : [];
}

export function tags(text: string): Match[] {
  return text.includes('<') ? matchesOf(TAG, text) : [];
}

/** Spans that word-level checks leave alone: addresses, e-mails, placeholders, tags. */
export function protectedSpans(text: string): Span[] {
  return [...urls(text), ...emails(text), ...placeholders(text), ...tags(text)];
}
