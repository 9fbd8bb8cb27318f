#!/usr/bin/env node
// Merges keys into locales/{en,ru,kk}/translation.json in one read-modify-write per file, keeping key order
// stable (sorted), so several people can add keys without hand-editing three JSON files.
// Usage: node scripts/add-locale-keys.mjs keys.json   where keys.json is { "en": {...}, "ru": {...}, "kk": {...} }
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const sortDeep = (o) =>
  o && typeof o === 'object' && !Array.isArray(o)
    ? Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, sortDeep(o[k])]),
      )
    : o;
const merge = (a, b) => {
  for (const [k, v] of Object.entries(b)) {
    if (v && typeof v === 'object' && !Array.isArray(v))
      a[k] = merge(a[k] && typeof a[k] === 'object' ? a[k] : {}, v);
    else a[k] = v;
  }
  return a;
};
for (const lang of ['en', 'ru', 'kk']) {
  if (!input[lang])
    throw new Error(`missing "${lang}" in ${process.argv[2]}: every key needs all three languages`);
  const file = `locales/${lang}/translation.json`;
  // A missing file starts empty; a broken one stops the script rather than being overwritten.
  const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, `${JSON.stringify(sortDeep(merge(current, input[lang])), null, 2)}\n`);
}
