import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBundle, serialiseBundle } from '../../../src/core/formats/backup.ts';
import {
  readDocument,
  writeDocument,
  type ConvertOptions,
} from '../../../src/core/formats/convertDocument.ts';
import { bundleFromDocument, documentFromBundle } from '../../../src/core/formats/convertProject.ts';
import type { Inline, InterchangeDocument, InterchangeUnit } from '../../../src/core/formats/interchange.ts';
import { RENDERING_STATES } from '../../../src/core/model/types.ts';

const word = fc.string({
  unit: fc.constantFrom('а', 'ә', 'қ', 'b', 'Z', '1', '&', '<', '"', '«', ','),
  minLength: 1,
  maxLength: 6,
});
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

/** Text with an XLIFF 2 placeholder and a pair of codes, ids unique in the content. */
const withCodes = fc.tuple(text, text).map(([a, b]): Inline[] => [
  a,
  {
    kind: 'standalone',
    format: 'xliff2',
    element: 'ph',
    id: '1',
    attributes: [{ name: 'id', local: 'id', prefix: '', uri: '', value: '1' }],
  },
  ' ',
  {
    kind: 'open',
    format: 'xliff2',
    element: 'sc',
    id: '2',
    attributes: [{ name: 'id', local: 'id', prefix: '', uri: '', value: '2' }],
  },
  b,
  {
    kind: 'close',
    format: 'xliff2',
    element: 'ec',
    id: '2',
    attributes: [{ name: 'startRef', local: 'startRef', prefix: '', uri: '', value: '2' }],
  },
]);

function documents(codes: boolean) {
  const content = codes
    ? fc.oneof(
        text.map((t) => [t]),
        withCodes,
      )
    : text.map((t) => [t]);
  return fc
    .array(
      fc.record({
        source: content,
        target: fc.option(
          fc.record({ content, state: fc.constantFrom(...RENDERING_STATES.filter((s) => s !== 'new')) }),
          { nil: undefined },
        ),
        separator: fc.constantFrom(' ', '\n\n'),
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
        targets: r.target ? { en: { content: r.target.content, state: r.target.state, notes: [] } } : {},
        notes: [],
        separator: i === 0 ? '' : r.separator,
      })),
    }));
}

const cases: [string, boolean, ConvertOptions][] = [
  ['a.xlf', true, {}],
  ['a.xlf', true, { xliffVersion: '2.2' }],
  ['a.xlf', false, { xliffVersion: '1.2' }],
  ['a.tmx', false, {}],
  ['a.csv', false, {}],
  ['a.tsv', false, {}],
  ['a.txt', false, {}],
  ['a.docx', false, {}],
];

describe('file → project (backed up and restored) → the same file', () => {
  it.each(cases)('%s %o', (file, codes, extra) => {
    fc.assert(
      fc.property(documents(codes), (d) => {
        // TMX holds every language: it is written whole, whatever languages the file has.
        const options: ConvertOptions = file.endsWith('.tmx')
          ? { sourceLang: 'ru' }
          : { sourceLang: 'ru', targetLang: 'en', ...extra };
        const once = writeDocument(d, file, options);
        if (!once.ok) throw new Error(once.error.message);
        // A text or Word file holds one language: it is read back as that language.
        const single = /\.(txt|docx)$/.test(file);
        const read = readDocument(once.value, file, single ? { sourceLang: 'en' } : { sourceLang: 'ru' });
        if (!read.ok) throw new Error(read.error.message);
        let n = 0;
        const bundle = bundleFromDocument(read.value, {
          projectName: 'p',
          documentName: file,
          now: 1,
          newId: (p) => `${p}${++n}`,
        });
        const restored = parseBundle(serialiseBundle(bundle));
        if (!restored.ok) throw new Error(restored.error.message);
        const back = documentFromBundle(restored.value);
        if (!back.ok) throw new Error(back.error.message);
        const twice = writeDocument(back.value, file, options);
        if (!twice.ok) throw new Error(twice.error.message);
        expect(new TextDecoder().decode(twice.value)).toBe(new TextDecoder().decode(once.value));
        if (file.endsWith('.docx')) expect(twice.value).toEqual(once.value);
      }),
      { numRuns: 40 },
    );
  });
});
