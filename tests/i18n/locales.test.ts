import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Map<string, string> =>
  new Map(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[prefix + key, value] as const] : [...flatten(value, `${prefix}${key}.`)],
    ),
  );

const locales = ['en', 'ru', 'kk'].map((lang) => ({
  lang,
  keys: flatten(JSON.parse(readFileSync(`locales/${lang}/translation.json`, 'utf8')) as Tree),
}));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(tsx?|ts)$/.test(name) ? [path] : [];
  });
}

/**
 * Words that stay as they are in every interface language: product and format names, key names. A string equal to
 * its English one is a translation left undone unless nothing else is in it (placeholders, figures, punctuation).
 */
const UNTRANSLATED_WORDS = [
  'Audarma',
  'XLIFF',
  'MQM',
  'TMX',
  'TBX',
  'CSV',
  'TSV',
  'JSON',
  'Word',
  'docx',
  'Ctrl',
  'Alt',
  'Shift',
  'Esc',
  'Enter',
];
const needsTranslation = (text: string) =>
  /\p{L}/u.test(
    text
      .replace(/{{\s*\w+\s*}}/g, '')
      .replace(new RegExp(`\\b(${UNTRANSLATED_WORDS.join('|')})\\b`, 'g'), ''),
  );

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A key without its plural suffix: `x_one` and `x_few` are both forms of `x`. */
const base = (key: string) => key.replace(PLURAL, '');

describe('locales', () => {
  const all = new Set(locales.flatMap((l) => [...l.keys.keys()].map(base)));
  it.each(locales.map((l) => [l.lang, l] as const))('%s has every key the others have', (_lang, locale) => {
    const own = new Set([...locale.keys.keys()].map(base));
    expect([...all].filter((key) => !own.has(key))).toEqual([]);
  });

  it.each(locales.map((l) => [l.lang, l] as const))(
    '%s has every plural form its language needs for each counted string',
    (lang, locale) => {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const plural = new Set([...all].filter((key) => locales.some((l) => l.keys.has(`${key}_other`))));
      const missing = [...plural].flatMap((key) =>
        categories.filter((c) => !locale.keys.has(`${key}_${c}`)).map((c) => `${key}_${c}`),
      );
      expect(missing).toEqual([]);
    },
  );

  it.each(locales.map((l) => [l.lang, l] as const))('%s has no empty string', (_lang, locale) => {
    expect([...locale.keys].filter(([, value]) => value.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it.each(locales.filter((l) => l.lang !== 'en').map((l) => [l.lang, l] as const))(
    '%s uses the same {{placeholders}} as English',
    (_lang, locale) => {
      const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
      const english = locales[0]!.keys;
      const mismatched = [...english].filter(([key, text]) => {
        const other = locale.keys.get(key) ?? locale.keys.get(`${base(key)}_other`);
        return other !== undefined && placeholders(other).join() !== placeholders(text).join();
      });
      expect(mismatched.map(([key]) => key)).toEqual([]);
    },
  );

  it('has every literal key used by the UI with t("…") in English', () => {
    const english = new Set([...locales[0]!.keys.keys()].map(base));
    const used = sourceFiles('src/ui').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)].map(
        (m) => [file, m[1]!] as const,
      ),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter(([, key]) => !english.has(key))).toEqual([]);
  });

  it.each(locales.filter((l) => l.lang !== 'en').map((l) => [l.lang, l] as const))(
    '%s has no string left in English (only names of formats and products may stay)',
    (_lang, locale) => {
      const english = locales[0]!.keys;
      const copied = [...locale.keys].filter(
        ([key, text]) => english.get(key) === text && needsTranslation(text),
      );
      expect(copied.map(([key]) => key)).toEqual([]);
    },
  );

  it('tells a copied English string from one made of names and placeholders', () => {
    expect(needsTranslation('Export')).toBe(true);
    expect(needsTranslation('{{count}} units')).toBe(true);
    expect(needsTranslation('Word (.docx)')).toBe(false);
    expect(needsTranslation('XLIFF 2.1')).toBe(false);
    expect(needsTranslation('{{file}}: {{message}}')).toBe(false);
  });
});
