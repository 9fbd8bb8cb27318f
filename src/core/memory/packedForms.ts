import type { Normalised } from './normalise.ts';

/**
 * Normalised forms of memory texts in a compact JSON form, for keeping between sessions: tokenising every key is
 * most of the cost of indexing a memory, and a form depends only on its text, so a table of them stays valid
 * whatever entries come and go. Bump the version whenever `normalise` changes what it gives.
 */
export const FORMS_VERSION = 1;

type Packed = {
  readonly version: number;
  readonly forms: readonly (readonly [string, string, string[], string])[];
};

export function packForms(forms: ReadonlyMap<string, Normalised>): string {
  const packed: Packed = {
    version: FORMS_VERSION,
    forms: [...forms].map(([text, n]) => [text, n.key, [...n.numbers], n.punctuation] as const),
  };
  return JSON.stringify(packed);
}

/** The forms of a packed table; an empty table for another version or anything unreadable. */
export function unpackForms(text: string): Map<string, Normalised> {
  const forms = new Map<string, Normalised>();
  let packed: Packed;
  try {
    packed = JSON.parse(text) as Packed;
  } catch {
    return forms;
  }
  if (packed?.version !== FORMS_VERSION || !Array.isArray(packed.forms)) return forms;
  for (const row of packed.forms) {
    const [source, key, numbers, punctuation] = row;
    if (typeof source !== 'string' || typeof key !== 'string') continue;
    forms.set(source, {
      key,
      words: key === '' ? [] : [...new Set(key.split(' '))],
      numbers: Array.isArray(numbers) ? numbers : [],
      punctuation: typeof punctuation === 'string' ? punctuation : '',
    });
  }
  return forms;
}
