import { readFileSync } from 'node:fs';

type Tree = { readonly [key: string]: string | Tree };

let english: Tree | undefined;

/** The English locale file, read once: the CLI prints the same strings the UI shows. */
function locale(): Tree {
  english ??= JSON.parse(
    readFileSync(new URL('../../locales/en/translation.json', import.meta.url), 'utf8'),
  ) as Tree;
  return english;
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** English text for an i18n key with i18next-style {{param}} interpolation; an unknown key prints as itself. */
export function message(key: string, params: Readonly<Record<string, string | number>> = {}): string {
  const template = lookup(locale(), key) ?? key;
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
