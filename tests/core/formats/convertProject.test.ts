import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBundle, serialiseBundle } from '../../../src/core/formats/backup.ts';
import { bundleFromDocument, documentFromBundle } from '../../../src/core/formats/convertProject.ts';
import type { InterchangeDocument, InterchangeUnit } from '../../../src/core/formats/interchange.ts';
import { locateJsonPath } from '../../../src/core/formats/validateBackup.ts';
import type { RenderingState } from '../../../src/core/model/types.ts';

const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
const state = fc.constantFrom<RenderingState>('mt', 'edited', 'reviewed', 'approved', 'rejected');
type Target = { text: string; state: RenderingState; note: string | undefined };
type UnitCase = { source: string; separator: string; en: Target | undefined; kk: Target | undefined };
const target: fc.Arbitrary<Target> = fc.record({ text, state, note: fc.option(text, { nil: undefined }) });
const unit: fc.Arbitrary<UnitCase> = fc.record({
  source: text,
  separator: fc.constantFrom(' ', '\n\n'),
  en: fc.option(target, { nil: undefined }),
  kk: fc.option(target, { nil: undefined }),
});

function documentOf(units: readonly UnitCase[]): InterchangeDocument {
  const targetOf = (t: Target | undefined) =>
    t
      ? {
          content: [t.text],
          state: t.state,
          notes:
            t.note !== undefined && t.state === 'rejected'
              ? [{ text: t.note, category: 'audarma:rejection' }]
              : [],
        }
      : undefined;
  return {
    sourceLang: 'ru',
    targetLangs: ['en', 'kk'],
    format: 'xliff-2.1',
    units: units.map((u, i): InterchangeUnit => {
      const en = targetOf(u.en);
      const kk = targetOf(u.kk);
      return {
        id: `u${i + 1}`,
        source: [u.source],
        targets: { ...(en ? { en } : {}), ...(kk ? { kk } : {}) },
        notes: [],
        separator: i === 0 ? '' : u.separator,
      };
    }),
  };
}

describe('document ↔ backup', () => {
  it('gives back every unit, target text, state and rejection reason through a serialised backup', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 8 }), (units) => {
        const doc = documentOf(units);
        let n = 0;
        const bundle = bundleFromDocument(doc, {
          projectName: 'p',
          documentName: 'd',
          now: 1,
          newId: (p) => `${p}_${++n}`,
        });
        const restored = parseBundle(serialiseBundle(bundle));
        if (!restored.ok) throw new Error(restored.error.message);
        const back = documentFromBundle(restored.value);
        if (!back.ok) throw new Error(back.error.message);
        expect(back.value.units).toEqual(doc.units);
      }),
    );
  });
});

describe('locateJsonPath', () => {
  const text = '{\n  "a": [\n    {"b": 1},\n    {\n      "b": "x,]}",\n      "c": [2, 3]\n    }\n  ]\n}';
  const lineOf = (path: string) => {
    const at = locateJsonPath(text, path);
    return at === undefined ? undefined : text.slice(0, at).split('\n').length;
  };
  it.each([
    ['a', 2],
    ['a[0]', 3],
    ['a[1].b', 5],
    ['a[1].c', 6],
    ['$.a', 2],
    ['a[1].missing', 4],
    ['a[7]', 2],
    ['zzz', 1],
  ])('finds %s on line %i (the deepest part that exists)', (path, line) => {
    expect(lineOf(path)).toBe(line);
  });
});
