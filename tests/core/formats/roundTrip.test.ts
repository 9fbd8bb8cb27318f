import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDocument, writeDocument } from '../../../src/core/formats/convertDocument.ts';
import type { Inline, InterchangeDocument, InterchangeUnit } from '../../../src/core/formats/interchange.ts';
import { RENDERING_STATES } from '../../../src/core/model/types.ts';

const word = fc.string({
  unit: fc.constantFrom('а', 'ә', 'қ', 'b', 'Z', '1', '&', '<', '>', '"', '«', '»', ','),
  minLength: 1,
  maxLength: 8,
});
const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));

/** Content with paired (sc/ec) and standalone (ph) codes, ids unique within the content. */
const content = fc
  .array(fc.oneof(text, fc.constant('PH'), fc.constant('PAIR')), { minLength: 1, maxLength: 4 })
  .map((parts) => {
    let n = 0;
    const out: Inline[] = [];
    const code = (kind: 'open' | 'close' | 'standalone', element: string, id: string) => ({
      kind,
      format: 'xliff2' as const,
      element,
      id,
      attributes: [
        {
          name: element === 'ec' ? 'startRef' : 'id',
          local: element === 'ec' ? 'startRef' : 'id',
          prefix: '',
          uri: '',
          value: id,
        },
      ],
    });
    for (const p of parts) {
      if (p === 'PH') out.push(code('standalone', 'ph', String(++n)));
      else if (p === 'PAIR') {
        const id = String(++n);
        out.push(code('open', 'sc', id), 'x', code('close', 'ec', id));
      } else out.push(p);
    }
    return out;
  });

const doc = (withCodes: boolean) =>
  fc
    .array(
      fc.record({
        source: withCodes ? content : text.map((t) => [t]),
        en: withCodes ? content : text.map((t) => [t]),
        state: fc.constantFrom(...RENDERING_STATES.filter((s) => s !== 'new')),
        note: fc.option(text, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((rows): InterchangeDocument => ({
      sourceLang: 'ru',
      targetLangs: ['en'],
      format: 'text',
      units: rows.map((r, i): InterchangeUnit => ({
        id: `u${i + 1}`,
        source: r.source,
        targets: { en: { content: r.en, state: r.state, notes: r.note ? [{ text: r.note }] : [] } },
        notes: [],
        separator: i === 0 ? '' : '\n\n',
      })),
    }));

const cases: [string, boolean][] = [
  ['a.xlf', true],
  ['a.tmx', true],
  ['a.csv', false],
  ['a.tsv', false],
  ['a.txt', false],
  ['a.docx', false],
];

describe('export → import → export is identical', () => {
  it.each(cases)('%s', (file, withCodes) => {
    fc.assert(
      fc.property(doc(withCodes), (d) => {
        const options = { sourceLang: 'ru', targetLang: 'en' };
        const once = writeDocument(d, file, options);
        if (!once.ok) throw new Error(once.error.message);
        // A text or .docx file holds one language: it is read back as that language.
        const single = /\.(txt|docx)$/.test(file);
        const back = readDocument(once.value, file, single ? { sourceLang: 'en' } : options);
        if (!back.ok) throw new Error(`${back.error.line}: ${back.error.message}`);
        const twice = writeDocument(back.value, file, options);
        expect(twice.ok && twice.value).toEqual(once.value);
      }),
      { numRuns: 60 },
    );
  });

  it('XLIFF 1.2 keeps states and codes', () => {
    fc.assert(
      fc.property(doc(true), (d) => {
        const options = { targetLang: 'en', xliffVersion: '1.2' as const };
        const once = writeDocument(d, 'a.xlf', options);
        if (!once.ok) throw new Error(once.error.message);
        const back = readDocument(once.value, 'a.xlf', options);
        if (!back.ok) throw new Error(back.error.message);
        expect(back.value.units.map((u) => u.targets.en?.state)).toEqual(
          d.units.map((u) => u.targets.en?.state),
        );
        const twice = writeDocument(back.value, 'a.xlf', options);
        expect(twice.ok && twice.value).toEqual(once.value);
      }),
      { numRuns: 60 },
    );
  });

  it('XLIFF 2 keeps every Audarma state through state/subState', () => {
    fc.assert(
      fc.property(doc(true), (d) => {
        const once = writeDocument(d, 'a.xlf', { targetLang: 'en', xliffVersion: '2.2' });
        const back = once.ok ? readDocument(once.value, 'a.xlf') : once;
        if (!back.ok) throw new Error(back.error.message);
        expect(back.value.format).toBe('xliff-2.2');
        expect(back.value.units.map((u) => u.targets.en?.state)).toEqual(
          d.units.map((u) => u.targets.en?.state),
        );
      }),
      { numRuns: 40 },
    );
  });
});
