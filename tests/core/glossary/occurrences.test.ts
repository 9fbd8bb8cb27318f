import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildTermIndex } from '../../../src/core/glossary/match.ts';
import { findOccurrences } from '../../../src/core/glossary/occurrences.ts';
import { demoGlossary } from '../../../src/core/demo/project.ts';
import { buildDocument } from '../../../src/core/model/document.ts';
import { projectId, renderingId } from '../../../src/core/model/ids.ts';
import type { Rendering } from '../../../src/core/model/types.ts';

const text = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');
const { units } = buildDocument({
  projectId: projectId('p'),
  name: 'demo',
  text,
  lang: 'en',
  role: 'mt',
  now: 1,
});
const entries = demoGlossary(projectId('p'), 1, 'a');
const index = buildTermIndex(entries);
const idOf = (en: string) =>
  entries.find((e) => e.terms.some((t) => t.lang === 'en' && t.text === en))!.id as string;

describe('findOccurrences', () => {
  it('counts each entry in the machine translation with the units it occurs in', () => {
    const found = findOccurrences(index, { sourceLang: 'ru' }, units, new Map());
    expect(found.get(idOf('Akim'))).toEqual({ count: 3, units: [13, 33, 58] });
    expect(found.get(idOf('LPS'))?.count).toBeGreaterThan(10);
  });

  it('counts an edited rendering but not an unedited one twice', () => {
    const unit = units[1]!;
    const rendering = (text: string): Rendering =>
      ({
        id: renderingId(unit.id, 'kk'),
        unitId: unit.id,
        documentId: unit.documentId,
        lang: 'kk',
        text,
        state: 'edited',
        updatedAt: 1,
        updatedBy: 'a',
        revision: 1,
      }) as Rendering;
    const withKazakh = findOccurrences(
      index,
      { sourceLang: 'ru' },
      units,
      new Map([['kk', new Map([[unit.id as string, rendering('Мәслихат пен әкімдік')]])]]),
    );
    expect(withKazakh.get(idOf('Maslikhat'))?.units).toContain(2);
    expect(withKazakh.get(idOf('Akimat'))?.units).toContain(2);
  });
});
