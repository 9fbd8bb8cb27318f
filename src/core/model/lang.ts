/** Languages Audarma knows by name; any BCP 47 code is accepted as a Lang elsewhere. */
export const KNOWN_LANGS = ['ru', 'en', 'kk'] as const;
export type KnownLang = (typeof KNOWN_LANGS)[number];
export type Lang = string;

export function isKnownLang(code: string): code is KnownLang {
  return (KNOWN_LANGS as readonly string[]).includes(code);
}

/** Lower-cased primary subtag: "kk-KZ" and "KK" both become "kk". */
export function primaryLang(code: string): string {
  return code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

const LANG_CODE = /^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$/;
export function isLangCode(code: string): boolean {
  return LANG_CODE.test(code.trim());
}

/** BCP 47 language[-Script][-REGION] (no variants or extensions), e.g. "kk", "kk-Cyrl-KZ", "en-US". */
const LANG_TAG = /^([a-zA-Z]{2,3})(?:-[a-zA-Z]{4})?(?:-(?:[a-zA-Z]{2}|\d{3}))?$/;

/** A tag of that shape whose language is one Audarma supports: what a user may name on the command line. */
export function isSupportedLangTag(code: string): boolean {
  const m = LANG_TAG.exec(code);
  return m !== null && isKnownLang((m[1] ?? '').toLowerCase());
}
