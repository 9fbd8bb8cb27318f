import type { Normalised } from './normalise.ts';

/**
 * Normalised forms of memory texts in a compact text form, for keeping between sessions: tokenising every key is
 * most of the cost of indexing a memory, and a form depends only on its text, so a table of them stays valid
 * whatever entries come and go. Bump the version whenever `normalise` changes what it gives.
 *
 * Layout: a header line, then one record per form, records split by U+0000 and fields by U+0001 (text, key,
 * numbers joined by U+0002, punctuation); splitting a string is many times faster than parsing JSON arrays.
 * Texts holding one of those characters are left out and simply tokenised again.
 */
export const FORMS_VERSION = 2;
const HEADER = `audarma-forms ${FORMS_VERSION}\n`;
const RECORD = '\u0000';
const FIELD = '\u0001';
const NUMBER = '\u0002';
const reserved = (text: string) => text.includes(RECORD) || text.includes(FIELD) || text.includes(NUMBER);

export function packForms(forms: ReadonlyMap<string, Normalised>): string {
  const records: string[] = [];
  for (const [text, n] of forms) {
    if (reserved(text) || reserved(n.punctuation)) continue;
    records.push([text, n.key, n.numbers.join(NUMBER), n.punctuation].join(FIELD));
  }
  return HEADER + records.join(RECORD);
}

/** The forms of a packed table; an empty table for another version or anything unreadable. */
export function unpackForms(packed: string): Map<string, Normalised> {
  const forms = new Map<string, Normalised>();
  if (!packed.startsWith(HEADER)) return forms;
  const body = packed.slice(HEADER.length);
  if (body === '') return forms;
  for (const record of body.split(RECORD)) {
    const [text, key, numbers, punctuation] = record.split(FIELD);
    if (text === undefined || key === undefined || numbers === undefined || punctuation === undefined)
      continue;
    forms.set(text, {
      key,
      words: key === '' ? [] : [...new Set(key.split(' '))],
      numbers: numbers === '' ? [] : numbers.split(NUMBER),
      punctuation,
    });
  }
  return forms;
}
