import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LiveMemory } from '../../../src/core/memory/liveMemory.ts';
import { createMatcher } from '../../../src/core/memory/unitMatcher.ts';
import { normalise } from '../../../src/core/memory/normalise.ts';
import { packForms, unpackForms } from '../../../src/core/memory/packedForms.ts';
import type { MemoryEntry } from '../../../src/core/memory/types.ts';
import type { Unit } from '../../../src/core/model/types.ts';

const WORDS = [
  'офис',
  'закрыт',
  'открыт',
  'в',
  'праздничные',
  'выходные',
  'дни',
  'статья',
  'применяется',
  'ко',
  'всем',
];
const sentence = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.integer({ min: 1, max: 99 }).map(String)), {
    minLength: 2,
    maxLength: 7,
  })
  .map((ws) => `${ws.join(' ')}.`);
const entry = (id: number, source: string, target: string): MemoryEntry => ({
  id: `e${id}`,
  memoryId: 'p',
  sourceLang: 'ru',
  targetLang: 'en',
  source,
  target,
  createdBy: 'a',
  createdAt: id,
  updatedBy: 'a',
  updatedAt: id,
});
const unit = (source: string) =>
  ({
    id: 'q:u0',
    documentId: 'q',
    index: 0,
    paragraph: 0,
    kind: 'sentence',
    separator: '',
    source,
    mt: {},
  }) as Unit;

type Step =
  | { readonly kind: 'put'; readonly id: number; readonly source: string }
  | { readonly kind: 'drop'; readonly id: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), id: fc.nat(30), source: sentence }),
  fc.record({ kind: fc.constant('drop' as const), id: fc.nat(30) }),
);

describe('LiveMemory', () => {
  it('after any changes, finds what a memory built from scratch on the same entries finds', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { maxLength: 20 }),
        fc.array(step, { maxLength: 40 }),
        sentence,
        (initial, steps, query) => {
          const start = initial.map((s, i) => entry(i, s, `T${i}`));
          const live = new LiveMemory(start);
          const current = new Map(start.map((e) => [e.id, e]));
          // Look up between changes too, so indexes built early must follow later changes.
          live.match('ru', unit(query), 'en');
          for (const s of steps) {
            if (s.kind === 'put') {
              const e = entry(s.id, s.source, `T${s.id}-${s.source.length}`);
              current.set(e.id, e);
              live.apply([e], []);
            } else {
              current.delete(`e${s.id}`);
              live.apply([], [`e${s.id}`]);
            }
          }
          const fresh = createMatcher([...current.values()], 'ru')(unit(query), 'en');
          const got = live.match('ru', unit(query), 'en');
          const view = (m: typeof got) => m.matches.map((x) => x.score);
          expect(view(got)).toEqual(view(fresh));
          // Same entries at each score (ties may come in another order).
          const ids = (m: typeof got) => m.matches.map((x) => `${x.score}:${x.item.target}`).sort();
          if (view(fresh).every((score, i, all) => all.indexOf(score) === i))
            expect(ids(got)).toEqual(ids(fresh));
          expect(live.size).toBe(current.size);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('weighs a changed entry against the whole memory, not only the entries changed with it', () => {
    // A key sharing one word of three scores 68 alone, but beside a key sharing all three it is not a candidate.
    const live = new LiveMemory([entry(0, '1 дни офис применяется.', 'T0')]);
    live.apply([entry(1, 'применяется офис.', 'T1')], []);
    const fresh = createMatcher(
      [entry(0, '1 дни офис применяется.', 'T0'), entry(1, 'применяется офис.', 'T1')],
      'ru',
    );
    const scores = (m: { matches: readonly { score: number }[] }) => m.matches.map((x) => x.score);
    expect(scores(live.match('ru', unit('применяется 1 дни.'), 'en'))).toEqual(
      scores(fresh(unit('применяется 1 дни.'), 'en')),
    );
  });

  it('an entry changed since the base was read does not hide others by its old text', () => {
    // "офисы 1 день." shares only the number with the query yet scores 75; the old text shared every word.
    const live = new LiveMemory([entry(0, 'офис 1 дни.', 'T0'), entry(1, 'офисы 1 день.', 'T1')]);
    live.apply([entry(0, 'статья применяется ко всем.', 'T0b')], []);
    const got = live.match('ru', unit('офис 1 дни.'), 'en').matches;
    expect(got.map((m) => [m.item.target, m.score])).toEqual([['T1', 75]]);
  });

  it('folds a large delta into the base and keeps the forms it computed', () => {
    const base = Array.from({ length: 50 }, (_, i) =>
      entry(i, `Статья ${i} применяется ко всем.`, `Article ${i}.`),
    );
    const live = new LiveMemory(base);
    live.match('ru', unit('Статья 3 применяется ко всем.'), 'en');
    const later = Array.from({ length: 250 }, (_, i) =>
      entry(100 + i, `Офис ${i} закрыт в праздничные дни.`, `Office ${i}.`),
    );
    live.apply(later, ['e0']);
    expect(
      live.match('ru', unit('Офис 7 закрыт в праздничные дни.'), 'en').matches[0]?.score,
    ).toBeGreaterThanOrEqual(95);
    expect(
      live.match('ru', unit('Статья 0 применяется ко всем.'), 'en').matches.map((m) => m.item.id),
    ).not.toContain('e0');
    expect(live.normalisedForms().get('Статья 3 применяется ко всем.')).toEqual(
      normalise('Статья 3 применяется ко всем.'),
    );
  });

  it('packed forms come back as the same normalised forms; another version or junk gives none', () => {
    const texts = ['Статья 10, пункт 2.', 'Офис «закрыт» 02.11.2015!', '', '…'];
    const forms = new Map(texts.map((t) => [t, normalise(t)]));
    expect(unpackForms(packForms(forms))).toEqual(forms);
    expect(unpackForms(packForms(forms).replace('audarma-forms 2', 'audarma-forms 99')).size).toBe(0);
    expect(unpackForms('{not json').size).toBe(0);
    // A text holding a separator of the layout is left out, to be tokenised again; the others still come back.
    const odd = new Map([...forms, ['a\u0001b', normalise('a\u0001b')]]);
    expect(unpackForms(packForms(odd))).toEqual(forms);
  });
});
