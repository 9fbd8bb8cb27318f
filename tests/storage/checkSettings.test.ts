import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openAudarmaDb } from '../../src/storage/db.ts';
import { ensureDemoProject } from '../../src/storage/demo.ts';
import { getCheckSettings, updateCheckSettings } from '../../src/storage/checkSettings.ts';
import { readProjectBundle, restoreProjectBundle } from '../../src/storage/backup.ts';
import { rekeyBundle } from '../../src/core/formats/backup.ts';
import { DEMO_PROJECT_ID } from '../../src/core/demo/project.ts';
import type { PhraseRule } from '../../src/core/checks/phraseRules.ts';

const demo = readFileSync(
  new URL('../../src/demo/municipal-police-kazakhstan.en.txt', import.meta.url),
  'utf8',
);
let counter = 0;
const freshDb = () => openAudarmaDb(`check-settings-${Date.now()}-${counter++}`);

const rule = (id: string, match: string): PhraseRule => ({
  id,
  match,
  regex: false,
  lang: 'en',
  suggestion: 'x',
  severity: 'minor',
  category: 'style',
  kind: 'calque',
});

describe('project check settings', () => {
  it('keep both of two changes made at once, each read and written in its own transaction', async () => {
    const db = await freshDb();
    await Promise.all([
      updateCheckSettings(db, 'p1', (s) => ({
        ...s,
        phraseRules: [...(s.phraseRules ?? []), rule('a', 'one')],
      })),
      updateCheckSettings(db, 'p1', (s) => ({
        ...s,
        phraseRules: [...(s.phraseRules ?? []), rule('b', 'two')],
      })),
      updateCheckSettings(db, 'p1', (s) => ({ ...s, englishSpelling: 'en-GB' })),
    ]);
    const stored = await getCheckSettings(db, 'p1');
    expect(stored.phraseRules?.map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(stored.englishSpelling).toBe('en-GB');
    expect(await getCheckSettings(db, 'other')).toEqual({});
  });

  it('travel in a backup and follow a project restored as a copy', async () => {
    const db = await freshDb();
    await ensureDemoProject(db, demo, 'tester', 1000);
    const settings = {
      phraseRules: [rule('own-1', 'round table discussion')],
      phraseRulesOff: ['builtin-whole-abc'],
      englishSpelling: 'en-US' as const,
      allowedLetters: { kk: 'аәбвгғ' },
    };
    await updateCheckSettings(db, DEMO_PROJECT_ID, () => settings);
    const bundle = await readProjectBundle(db, DEMO_PROJECT_ID, 5000);
    const copy = rekeyBundle(bundle);
    const target = await freshDb();
    await restoreProjectBundle(target, copy, 'new');
    expect(await getCheckSettings(target, copy.project.id)).toEqual(settings);
  });
});
