import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { UI_NAMESPACES, namespaceOf, splitStrings, type UiNamespace } from '../../src/i18n/namespaces.ts';
import { createI18n } from '../../src/i18n/i18n.ts';
import { provideWholeStrings, wholeStrings } from '../../src/i18n/wholeStrings.ts';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : flatten(value, `${prefix}${key}.`),
  );
const read = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/translation.json`, 'utf8')) as Tree;
const english = flatten(read('en'));

/** Files a module imports for their code (type-only imports left out), resolved to paths under src/. */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm)]
    .map((m) => normalize(join(dirname(file), m[1]!)))
    .filter((path) => /\.tsx?$/.test(path) && existsSync(path));
}
function staticGraph(entry: string): string[] {
  const seen = new Set([entry]);
  for (const file of seen) for (const next of staticImports(file)) seen.add(next);
  return [...seen];
}
/** Keys a module names: whole ones ('grid.column.mt') and the fixed start of built ones (`align.problem.${x}`). */
function keysNamed(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const literal = [...source.matchAll(/'([a-zA-Z]\w*(?:\.\w+)+)'/g)].map((m) => m[1]!);
  const built = [...source.matchAll(/`([a-zA-Z]\w*(?:\.\w+)*\.)\$\{/g)].map((m) => m[1]!);
  return [
    ...literal.filter((key) => english.some((k) => k === key || k.startsWith(`${key}_`))),
    ...built.filter((start) => english.some((k) => k.startsWith(start))),
  ];
}
function namespacesNeeded(entry: string): UiNamespace[] {
  // The namespace table names prefixes, not strings to show.
  const files = staticGraph(entry).filter((file) => !file.startsWith('src/i18n/'));
  const needed = files.flatMap((file) => keysNamed(file).map(namespaceOf));
  return [...new Set(needed)].filter((ns) => ns !== 'translation').sort();
}

describe('namespaces', () => {
  it.each(['en', 'ru', 'kk'])('%s: every string is in exactly one namespace', (lang) => {
    const whole = flatten(read(lang)).sort();
    const parts = splitStrings(read(lang));
    const placed = UI_NAMESPACES.flatMap((ns) => flatten(parts[ns] as Tree)).sort();
    expect(placed).toEqual(whole);
  });

  it('puts a key under its longest listed prefix', () => {
    expect(namespaceOf('align.problem.empty')).toBe('align');
    expect(namespaceOf('glossary.title')).toBe('translation');
    expect(namespaceOf('glossary.table.term')).toBe('glossary');
    expect(namespaceOf('grid.column.mt')).toBe('translation');
    expect(namespaceOf('help.title')).toBe('translation');
    expect(namespaceOf('help.keys.next')).toBe('help');
  });

  // A key the first screen shows but that waits in a lazy namespace would be shown as the key itself.
  it('the first screen needs no string of a lazy namespace', () => {
    expect(namespacesNeeded('src/main.tsx')).toEqual([]);
  });

  // Each view or dialog loaded later waits (ui/components/Strings.tsx) for the namespaces its code names.
  it.each([
    ['src/ui/features/glossary/GlossaryView.tsx', ['glossary']],
    ['src/ui/features/align/AlignView.tsx', ['align']],
    ['src/ui/features/dashboard/DashboardView.tsx', ['dashboard', 'panels']],
    ['src/ui/features/transfer/TransferView.tsx', ['transfer']],
    ['src/ui/features/help/HelpOverlay.tsx', ['help']],
    ['src/ui/features/grid/CellEditor.tsx', []],
    ['src/ui/features/profile/ProfileDialog.tsx', []],
    // Opened from the memory panel, inside the side panels' wait.
    ['src/ui/features/memory/ConcordanceDialog.tsx', ['panels']],
    ['src/ui/features/memory/MemoryEditor.tsx', ['panels']],
    ['src/ui/features/team/TeamPanel.tsx', ['team']],
    ['src/ui/features/team/TeamStatus.tsx', ['team']],
    ['src/ui/features/team/ConflictDialog.tsx', ['team']],
    ['src/ui/features/review/CorrectionOffer.tsx', ['learn']],
    ['src/ui/features/issues/CheckSettingsDialog.tsx', ['panels', 'settings']],
  ])('%s waits for %j', (entry, namespaces) => {
    expect(namespacesNeeded(entry)).toEqual(namespaces);
  });

  it('loads a namespace when asked, in English and in the language switched to', async () => {
    const whole = wholeStrings;
    provideWholeStrings(undefined);
    try {
      const i18n = createI18n();
      expect(i18n.t('grid.column.source')).toBe('Source');
      expect(i18n.t('align.title')).toBe('align.title');
      await i18n.loadNamespaces('align');
      expect(i18n.t('align.title')).toBe(flattenValue(read('en'), 'align.title'));
      await i18n.changeLanguage('ru');
      expect(i18n.t('align.title')).toBe(flattenValue(read('ru'), 'align.title'));
      expect(i18n.t('grid.column.source')).toBe(flattenValue(read('ru'), 'grid.column.source'));
    } finally {
      provideWholeStrings(() => whole() ?? {});
    }
  });
});

function flattenValue(tree: Tree, key: string): string {
  const value = key
    .split('.')
    .reduce<string | Tree | undefined>((node, step) => (node as Tree)?.[step], tree);
  if (typeof value !== 'string') throw new Error(`no string ${key}`);
  return value;
}
