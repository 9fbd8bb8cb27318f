import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { parseBundle, serialiseBundle, type ProjectBundle } from '../../../src/core/formats/backup.ts';
import { readDocument, writeDocument } from '../../../src/core/formats/convertDocument.ts';
import { bundleFromDocument, documentFromBundle } from '../../../src/core/formats/convertProject.ts';
import {
  plainText,
  type CodeFormat,
  type Content,
  type Inline,
  type InlineCode,
  type InterchangeDocument,
} from '../../../src/core/formats/interchange.ts';
import { CODE_CHARS } from '../../../src/core/text/codeTokens.ts';
import { renderingId } from '../../../src/core/model/ids.ts';

const word = fc.string({
  unit: fc.constantFrom('а', 'қ', 'b', 'Z', '1', '&', '<', '"', '«'),
  minLength: 1,
  maxLength: 5,
});
const attr = (name: string, value: string) => ({ name, local: name, prefix: '', uri: '', value });
const data = (text: string) => [{ kind: 'text' as const, text, line: 0, column: 0 }];

/** One format's codes: a placeholder, an enclosing pair and a pair of empty markers, with the given id. */
function vocabulary(
  format: CodeFormat,
  id: string,
): { ph: Inline[]; pair: [Inline[], Inline[]]; markers: [Inline[], Inline[]] } {
  const code = (c: Omit<InlineCode, 'format'>): InlineCode => ({ ...c, format });
  switch (format) {
    case 'xliff2':
      return {
        ph: [code({ kind: 'standalone', element: 'ph', id, attributes: [attr('id', id)] })],
        pair: [
          [code({ kind: 'open', element: 'pc', id, attributes: [attr('id', id)] })],
          [code({ kind: 'close', element: 'pc', id, attributes: [] })],
        ],
        markers: [
          [code({ kind: 'open', element: 'sc', id: `s${id}`, attributes: [attr('id', `s${id}`)] })],
          [code({ kind: 'close', element: 'ec', id: `s${id}`, attributes: [attr('startRef', `s${id}`)] })],
        ],
      };
    case 'xliff1':
      return {
        ph: [code({ kind: 'standalone', element: 'x', id, attributes: [attr('id', id)] })],
        pair: [
          [code({ kind: 'open', element: 'g', id, attributes: [attr('id', id)] })],
          [code({ kind: 'close', element: 'g', id, attributes: [] })],
        ],
        markers: [
          [
            code({
              kind: 'open',
              element: 'bpt',
              id: `b${id}`,
              attributes: [attr('id', `b${id}`)],
              inner: data('<b>'),
            }),
          ],
          [
            code({
              kind: 'close',
              element: 'ept',
              id: `b${id}`,
              attributes: [attr('id', `b${id}`)],
              inner: data('</b>'),
            }),
          ],
        ],
      };
    case 'tmx':
      return {
        ph: [
          code({ kind: 'standalone', element: 'ph', id, attributes: [attr('x', id)], inner: data('<br/>') }),
        ],
        pair: [
          [code({ kind: 'open', element: 'bpt', id, attributes: [attr('i', id)], inner: data('<i>') })],
          [code({ kind: 'close', element: 'ept', id, attributes: [attr('i', id)], inner: data('</i>') })],
        ],
        markers: [
          [
            code({
              kind: 'open',
              element: 'bpt',
              id: `${Number(id) + 50}`,
              attributes: [attr('i', `${Number(id) + 50}`)],
              inner: data('<b>'),
            }),
          ],
          [
            code({
              kind: 'close',
              element: 'ept',
              id: `${Number(id) + 50}`,
              attributes: [attr('i', `${Number(id) + 50}`)],
              inner: data('</b>'),
            }),
          ],
        ],
      };
  }
}

/** Source content: words with placeholders and pairs around words, ids unique in the segment. */
const sourceOf = (format: CodeFormat) =>
  fc
    .array(fc.tuple(word, fc.constantFrom('text', 'ph', 'pair', 'markers')), { minLength: 1, maxLength: 5 })
    .map((parts) => {
      const out: Inline[] = [];
      parts.forEach(([w, kind], i) => {
        const v = vocabulary(format, String(i + 1));
        if (i > 0) out.push(' ');
        if (kind === 'text') out.push(w);
        else if (kind === 'ph') out.push(w, ...v.ph);
        else {
          const [open, close] = kind === 'pair' ? v.pair : v.markers;
          out.push(...open, w, ...close);
        }
      });
      return out;
    });

/** What must survive of content: text, and each code's role, element, id and data (positions aside). */
const shape = (content: Content) =>
  content.map((p) =>
    typeof p === 'string'
      ? p
      : `${p.kind}:${p.element}#${p.id ?? ''}[${(p.inner ?? []).map((n) => (n.kind === 'text' ? n.text : n.kind)).join('')}]`,
  );
const codesOnly = (content: Content) => shape(content.filter((p) => typeof p !== 'string'));
const joined = (content: Content) => shape(content).join('');

const FORMATS: [string, string, CodeFormat, Record<string, string>][] = [
  ['XLIFF 2.1', 'a.xlf', 'xliff2', { xliffVersion: '2.1' }],
  ['XLIFF 2.2', 'a.xlf', 'xliff2', { xliffVersion: '2.2' }],
  ['XLIFF 1.2', 'a.xlf', 'xliff1', { xliffVersion: '1.2' }],
  ['TMX', 'a.tmx', 'tmx', {}],
];

describe('documents with inline codes through a project: import → edit targets → back up → export → read', () => {
  it.each(FORMATS)('%s: ids, sources and codes intact, targets as edited', (_name, file, format, options) => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(sourceOf(format), fc.array(word, { minLength: 8, maxLength: 8 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (rows) => {
          const doc: InterchangeDocument = {
            sourceLang: 'ru',
            targetLangs: ['en'],
            format: 'text',
            units: rows.map(([source], i) => ({
              id: `t${i + 1}`,
              source,
              targets: { en: { content: source, state: 'mt', notes: [] } },
              notes: [],
              separator: i === 0 ? '' : ' ',
            })),
          };
          const bytes = writeDocument(doc, file, { sourceLang: 'ru', targetLang: 'en', ...options });
          if (!bytes.ok) throw new Error(bytes.error.message);
          const read = readDocument(bytes.value, file, { sourceLang: 'ru' });
          if (!read.ok) throw new Error(read.error.message);
          let n = 0;
          const bundle = bundleFromDocument(read.value, {
            projectName: 'p',
            documentName: file,
            now: 1,
            newId: (p) => `${p}${++n}`,
          });
          // The reviewer's text: new words around the source's codes, kept in their order.
          const expected: string[] = [];
          const renderings = bundle.units.map((u, i) => {
            const words = rows[i]![1];
            const codes = u.source.match(CODE_CHARS) ?? [];
            let text = words[0]!;
            codes.forEach((c, k) => (text += c + (words[k + 1] ?? '')));
            expected.push(text.replace(CODE_CHARS, ''));
            return {
              id: renderingId(u.id, 'en'),
              unitId: u.id,
              documentId: u.documentId,
              lang: 'en',
              text,
              state: 'approved' as const,
              updatedAt: 1,
              updatedBy: 'a',
              revision: 1,
            };
          });
          const edited: ProjectBundle = { ...bundle, renderings };
          const restored = parseBundle(serialiseBundle(edited));
          if (!restored.ok) throw new Error(restored.error.message);
          const back = documentFromBundle(restored.value);
          if (!back.ok) throw new Error(back.error.message);
          const out = writeDocument(back.value, file, { sourceLang: 'ru', targetLang: 'en' });
          if (!out.ok) throw new Error(out.error.message);
          const again = readDocument(out.value, file, { sourceLang: 'ru' });
          if (!again.ok) throw new Error(again.error.message);
          const units = again.value.units;
          expect(units.map((u) => u.id)).toEqual(read.value.units.map((u) => u.id));
          expect(units.map((u) => joined(u.source))).toEqual(doc.units.map((u) => joined(u.source)));
          expect(units.map((u) => plainText(u.targets.en?.content ?? []))).toEqual(expected);
          expect(units.map((u) => codesOnly(u.targets.en?.content ?? []))).toEqual(
            doc.units.map((u) => codesOnly(u.source)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('Word: every paragraph as edited, the package otherwise the same', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const sentence = fc
      .array(fc.string({ unit: fc.constantFrom('а', 'б', 'x', 'y'), minLength: 1, maxLength: 6 }), {
        minLength: 1,
        maxLength: 3,
      })
      .map((w) => `${w.join(' ')}.`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(sentence, sentence, fc.nat(3)), { minLength: 1, maxLength: 4 }),
        (paras) => {
          // Each paragraph's text split over runs at a random place, the first run bold.
          const body = paras
            .map(([s, , cut]) => {
              const at = Math.min(cut, s.length);
              return `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${s.slice(0, at)}</w:t></w:r><w:r><w:t xml:space="preserve">${s.slice(at)}</w:t></w:r></w:p>`;
            })
            .join('');
          const pkg = zipSync({
            'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
            'word/styles.xml': strToU8(`<w:styles xmlns:w="${W}"/>`),
          });
          const read = readDocument(pkg, 'a.docx', { sourceLang: 'ru' });
          if (!read.ok) throw new Error(read.error.message);
          let n = 0;
          const bundle = bundleFromDocument(read.value, {
            projectName: 'p',
            documentName: 'a.docx',
            now: 1,
            newId: (p) => `${p}${++n}`,
          });
          const renderings = bundle.units.map((u, i) => ({
            id: renderingId(u.id, 'en'),
            unitId: u.id,
            documentId: u.documentId,
            lang: 'en',
            text: paras[i]![1],
            state: 'approved' as const,
            updatedAt: 1,
            updatedBy: 'a',
            revision: 1,
          }));
          const edited: ProjectBundle = {
            ...bundle,
            project: { ...bundle.project, targetLangs: ['en'] },
            renderings,
          };
          const restored = parseBundle(serialiseBundle(edited));
          if (!restored.ok) throw new Error(restored.error.message);
          const back = documentFromBundle(restored.value);
          if (!back.ok) throw new Error(back.error.message);
          const out = writeDocument(back.value, 'a.docx', { targetLang: 'en' });
          if (!out.ok) throw new Error(out.error.message);
          const again = readDocument(out.value, 'a.docx', { sourceLang: 'en' });
          if (!again.ok) throw new Error(again.error.message);
          expect(again.value.units.map((u) => plainText(u.source))).toEqual(paras.map(([, t]) => t));
        },
      ),
      { numRuns: 40 },
    );
  });
});
