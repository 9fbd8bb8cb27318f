import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  readDocument,
  validateXmlDocument,
  writeDocument,
} from '../../../src/core/formats/convertDocument.ts';
import type { InterchangeDocument, InterchangeUnit } from '../../../src/core/formats/interchange.ts';
import { streamDocument } from '../../../src/core/formats/streamedDocument.ts';
import { XliffStream, xliffFiles, type XliffHead } from '../../../src/core/formats/xliffStream.ts';
import { XmlEcho } from '../../../src/core/formats/xml/echoXml.ts';
import { parseXml } from '../../../src/core/formats/xml/parseXml.ts';
import { escapeXmlText } from '../../../src/core/formats/xml/serialiseXml.ts';
import { serialiseXml } from '../../../src/core/formats/xml/serialiseXml.ts';

const enc = new TextEncoder();

/** Cuts text at the given offsets (any offset: inside a tag, a reference, a surrogate pair). */
function pieces(text: string, cuts: readonly number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of at) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out;
}

/** Cuts the UTF-8 bytes at the offsets and decodes them as the command line does (a streaming TextDecoder). */
function bytePieces(text: string, cuts: readonly number[]): string[] {
  const bytes = enc.encode(text);
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out: string[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push(decoder.decode(bytes.subarray(from, c), { stream: true }));
    from = c;
  }
  out.push(decoder.decode());
  return out;
}

type Streamed =
  { ok: true; units: InterchangeUnit[]; head: XliffHead | undefined } | { ok: false; error: unknown };

function readStreamed(parts: readonly string[]): Streamed {
  const units: InterchangeUnit[] = [];
  const whole = parts.join('');
  const first = xliffFiles();
  first.write(whole);
  const files = first.end();
  const stream = new XliffStream(
    { units: (u) => (units.push(...u), { ok: true, value: undefined }) },
    { files },
  );
  for (const p of parts) if (!stream.write(p)) break;
  const end = stream.end();
  return end.ok ? { ok: true, units, head: end.value.head } : { ok: false, error: end.error };
}

function readWhole(text: string): Streamed {
  const r = readDocument(enc.encode(text), 'in.xlf');
  if (!r.ok) return { ok: false, error: r.error };
  return {
    ok: true,
    units: [...r.value.units],
    head: {
      format: r.value.format as XliffHead['format'],
      sourceLang: r.value.sourceLang,
      targetLangs: r.value.targetLangs,
    },
  };
}

function validateStreamed(parts: readonly string[]) {
  const stream = new XliffStream({}, { validate: true });
  for (const p of parts) if (!stream.write(p)) break;
  const end = stream.end();
  if (!end.ok) return { format: 'xml', errors: [end.error] };
  return { format: end.value.wellFormed ? (stream.flavour ?? 'xml') : 'xml', errors: end.value.problems };
}

const X2 = (
  body: string,
  attrs = 'srcLang="ru" trgLang="en"',
  ns = 'urn:oasis:names:tc:xliff:document:2.0',
) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="${ns}" version="${ns.endsWith('2.2') ? '2.2' : '2.1'}" ${attrs}>\n${body}\n</xliff>\n`;
const X1 = (body: string) =>
  `<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n${body}\n</xliff>\n`;
const unit = (id: string, src: string, tgt?: string, extra = '') =>
  `<unit id="${id}">${extra}<segment state="translated"><source>${src}</source>${tgt !== undefined ? `<target>${tgt}</target>` : ''}</segment></unit>`;

/** The same cases the whole-file readers and validators are held to: valid and broken, 2.x and 1.2. */
const CASES: readonly (readonly [string, string])[] = [
  [
    'a plain 2.1 file',
    X2(
      `<file id="f">${unit('u1', 'Один.', 'One.')}\n${unit('u2', 'Два &amp; три.', 'Two &amp; three.')}</file>`,
    ),
  ],
  [
    'groups, notes, inline codes, two segments, comments and a PI',
    X2(
      `<!-- c --><file id="f"><notes><note>file note</note></notes><group id="g1"><group id="g2">${unit('u1', 'а <ph id="1"/> б <pc id="2">в</pc>', 'a <ph id="1"/> b <pc id="2">c</pc>', '<notes><note category="x">n1</note><note appliesTo="target">t</note></notes>')}</group></group><?pi body?><unit id="u2"><segment id="s1"><source>Раз.</source><target>One.</target></segment><ignorable><source> </source></ignorable><segment id="s2" state="final"><source>Два.</source><target>Two.</target></segment></unit></file>`,
    ),
  ],
  [
    'two files (ids prefixed)',
    X2(`<file id="f1">${unit('u1', 'а', 'a')}</file><file id="f2">${unit('u1', 'б', 'b')}</file>`),
  ],
  [
    'XLIFF 2.2',
    X2(
      `<file id="f">${unit('u1', 'Да.', 'Yes.')}</file>`,
      'srcLang="ru" trgLang="kk"',
      'urn:oasis:names:tc:xliff:document:2.2',
    ),
  ],
  [
    'a CDATA section and character references',
    X2(`<file id="f">${unit('u1', '<![CDATA[<a> & b]]> &#x4E2D;&#20013; 😀', 'x')}</file>`),
  ],
  [
    'no target language',
    X2(`<file id="f"><unit id="u1"><segment><source>Да.</source></segment></unit></file>`, 'srcLang="ru"'),
  ],
  [
    'XLIFF 1.2 with groups and two files',
    X1(
      `<file original="a" source-language="ru" datatype="plaintext"><body><group><trans-unit id="1"><source>Раз <g id="1">два</g></source><note>n</note></trans-unit></group></body></file><file original="b" source-language="ru" target-language="en" datatype="plaintext"><body><trans-unit id="1"><source>Три</source><target state="translated">Three</target></trans-unit></body></file>`,
    ),
  ],
  [
    'XLIFF 1.2, one file',
    X1(
      `<file original="a" source-language="ru" target-language="kk" datatype="plaintext"><body><trans-unit id="1"><source>Раз</source><target>Бір</target></trans-unit></body></file>`,
    ),
  ],
  ['a duplicate unit id', X2(`<file id="f">${unit('u1', 'а', 'a')}\n${unit('u1', 'б', 'b')}</file>`)],
  [
    'a bad state',
    X2(`<file id="f"><unit id="u1"><segment state="done"><source>а</source></segment></unit></file>`),
  ],
  [
    'a unit without id and a file without units',
    X2(`<file id="f"><unit><segment><source>а</source></segment></unit></file><file id="g"/>`),
  ],
  [
    'a subFlows reference to a later unit',
    X2(
      `<file id="f"><unit id="u1"><segment><source>а <ph id="1" subFlows="u2"/></source></segment></unit>${unit('u2', 'б')}</file>`,
    ),
  ],
  [
    'a subFlows reference to no unit',
    X2(
      `<file id="f"><unit id="u1"><segment><source>а <ph id="1" subFlows="zz"/></source></segment></unit></file>`,
    ),
  ],
  ['an unknown inline element', X2(`<file id="f">${unit('u1', 'а <b>б</b>')}</file>`)],
  ['notes out of order', X2(`<file id="f">${unit('u1', 'а')}<notes><note>n</note></notes></file>`)],
  ['a bare ampersand', X2(`<file id="f">\n${unit('u1', 'Том & Джерри')}\n${unit('u2', 'б;')}</file>`)],
  ['an unclosed element', X2(`<file id="f">${unit('u1', 'а')}`).replace('</xliff>', '')],
  ['deep nesting', X2(`<file id="f">${'<group id="g">'.repeat(1100)}${'</group>'.repeat(1100)}</file>`)],
  ['entity declarations', `<!DOCTYPE x [<!ENTITY a "b">]>\n${X2('<file id="f"/>')}`],
  ['not XLIFF', '<tmx version="1.4"><header srclang="ru"/><body/></tmx>'],
  [
    'an XLIFF root of an unknown namespace',
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.9" version="2.1"/>',
  ],
  [
    'XLIFF 1.2 without a body and with a duplicate id',
    X1(
      `<file original="a" source-language="ru" datatype="plaintext"><trans-unit id="1"><source>а</source></trans-unit><trans-unit id="1"><source>б</source></trans-unit></file>`,
    ),
  ],
  ['an empty file', ''],
  ['the article fixture', readFileSync(new URL('../../fixtures/cli/article.xlf', import.meta.url), 'utf8')],
  [
    'codes 1.2 fixture',
    readFileSync(new URL('../../fixtures/roundtrip/codes-1.2.xlf', import.meta.url), 'utf8'),
  ],
  [
    'codes 2.1 fixture',
    readFileSync(new URL('../../fixtures/roundtrip/codes-2.1.xlf', import.meta.url), 'utf8'),
  ],
];

describe('streaming XLIFF reader', () => {
  it.each(CASES)('%s: the same units, or the same problem, as reading it whole', (_name, text) => {
    const whole = readWhole(text);
    for (const cuts of [
      [],
      [1, 7, 40, 41, 42, 97, 150, 151, 300],
      Array.from({ length: 60 }, (_, i) => i * 13),
    ]) {
      expect(readStreamed(pieces(text, cuts))).toEqual(whole);
      expect(readStreamed(bytePieces(text, cuts))).toEqual(whole);
    }
  });

  it.each(CASES)('%s: validation finds the same problems, at the same lines', (_name, text) => {
    const whole = validateXmlDocument(enc.encode(text));
    if (
      whole.format === 'tmx' ||
      (whole.format === 'xml' && /unknown document type/.test(whole.errors[0]?.message ?? ''))
    ) {
      // Not XLIFF: the command line validates such a file whole.
      expect(validateStreamed([text]).errors[0]?.message).toMatch(/not an XLIFF file/);
      return;
    }
    expect(validateStreamed(pieces(text, [5, 50, 51, 52, 200]))).toEqual(whole);
  });

  it('finds the units of a file cut everywhere: one character at a time', () => {
    const text = CASES[1]?.[1] ?? '';
    expect(readStreamed([...text])).toEqual(readWhole(text));
  });

  const textArb = fc.string({
    unit: fc.constantFrom('а', 'b', ' ', '&', '<', '>', '"', '😀', 'ә', '中', '\n', '\t', 'x'),
    maxLength: 12,
  });
  const docArb = fc
    .record({
      version: fc.constantFrom('2', '1.2'),
      files: fc.array(
        fc.array(
          fc.record({ src: textArb, tgt: fc.option(textArb), group: fc.boolean(), note: fc.option(textArb) }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      cuts: fc.array(fc.nat(4000), { maxLength: 12 }),
    })
    .map(({ version, files, cuts }) => {
      let n = 0;
      const body = files
        .map((units, f) => {
          const inner = units
            .map((u) => {
              n += 1;
              const src = escapeXmlText(u.src);
              const tgt = u.tgt === null ? undefined : escapeXmlText(u.tgt);
              const one =
                version === '2'
                  ? unit(
                      `u${n}`,
                      src,
                      tgt,
                      u.note === null ? '' : `<notes><note>${escapeXmlText(u.note)}</note></notes>`,
                    )
                  : `<trans-unit id="t${n}"><source>${src}</source>${tgt === undefined ? '' : `<target>${tgt}</target>`}${u.note === null ? '' : `<note>${escapeXmlText(u.note)}</note>`}</trans-unit>`;
              return u.group
                ? version === '2'
                  ? `<group id="g${n}">${one}</group>`
                  : `<group>${one}</group>`
                : one;
            })
            .join('\n');
          return version === '2'
            ? `<file id="f${f}">${inner}</file>`
            : `<file original="f${f}" source-language="ru" target-language="en" datatype="plaintext"><body>${inner}</body></file>`;
        })
        .join('\n');
      return { text: version === '2' ? X2(body) : X1(body), cuts };
    });

  it('property: streamed and whole-file readers give identical units for random documents and random cuts', () => {
    fc.assert(
      fc.property(docArb, ({ text, cuts }) => {
        const whole = readWhole(text);
        expect(whole.ok).toBe(true);
        expect(readStreamed(pieces(text, cuts))).toEqual(whole);
        expect(readStreamed(bytePieces(text, cuts))).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('property: the echo writes a streamed file as serialising its whole tree does', () => {
    fc.assert(
      fc.property(docArb, fc.constantFrom('', '<!-- before -->\n', '<?pi x?>'), ({ text, cuts }, extra) => {
        const withExtras = text
          .replace('\n<xliff', `\n${extra}<xliff`)
          .replace('</xliff>\n', `</xliff>\n${extra}`);
        const tree = parseXml(withExtras);
        if (!tree.ok) throw new Error(tree.error.message);
        const echo = new XmlEcho();
        let out = '';
        const stream = new XliffStream({
          open: (el) => echo.open(el),
          close: (el, depth) => echo.close(el, depth),
          node: (node, depth) => echo.node(node, depth),
        });
        for (const p of pieces(withExtras, cuts)) {
          stream.write(p);
          out += echo.take();
        }
        expect(stream.end().ok).toBe(true);
        echo.end();
        out += echo.take();
        expect(out).toBe(serialiseXml(tree.value));
      }),
      { numRuns: 100 },
    );
  });

  it('writes an empty group and an empty file as the tree serialiser does', () => {
    const text = X2('<file id="f"><group id="g"></group><group id="h"><!--c--></group></file>');
    const echo = new XmlEcho();
    const stream = new XliffStream({
      open: (el) => echo.open(el),
      close: (el, depth) => echo.close(el, depth),
      node: (node, depth) => echo.node(node, depth),
    });
    stream.write(text);
    stream.end();
    echo.end();
    const tree = parseXml(text);
    expect(tree.ok && echo.take()).toBe(tree.ok && serialiseXml(tree.value));
  });
});

describe('streamed document writers', () => {
  const cell = fc.string({
    unit: fc.constantFrom('а', 'b', ' ', '=', '+', '"', ',', '\t', '\n', '\r', '😀', '<', '&', "'"),
    maxLength: 8,
  });
  const docArb = fc.record({
    units: fc.array(
      fc.record({
        src: cell,
        tgt: fc.option(cell),
        sep: fc.option(fc.constantFrom('', ' ', '\n\n', '\n')),
      }),
      { maxLength: 25 },
    ),
    batch: fc.integer({ min: 1, max: 7 }),
    ext: fc.constantFrom('csv', 'tsv', 'tmx', 'txt'),
  });

  it('property: a document written in batches is the document written whole', () => {
    fc.assert(
      fc.property(docArb, ({ units, batch, ext }) => {
        const doc: InterchangeDocument = {
          sourceLang: 'ru',
          targetLangs: ['en'],
          format: 'xliff-2.1',
          units: units.map((u, i): InterchangeUnit => ({
            id: `u${i}`,
            source: [u.src],
            targets: (u.tgt === null
              ? {}
              : { en: { content: [u.tgt], state: 'translated', notes: [] } }) as InterchangeUnit['targets'],
            notes: [],
            ...(u.sep === null ? {} : { separator: u.sep }),
          })),
        };
        const whole = writeDocument(doc, `out.${ext}`);
        if (!whole.ok) throw new Error(whole.error.message);
        const stream = streamDocument(`out.${ext}`, doc, {}, batch);
        if (!stream.ok) throw new Error(stream.error.message);
        let out = '';
        for (const u of doc.units) {
          const r = stream.value.push([u]);
          if (!r.ok) throw new Error(r.error.message);
          out += r.value;
        }
        const end = stream.value.end();
        if (!end.ok) throw new Error(end.error.message);
        expect(out + end.value).toBe(new TextDecoder().decode(whole.value));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a character XML cannot hold, naming the unit, as the whole writer does', () => {
    const stream = streamDocument('out.tmx', { sourceLang: 'ru', targetLangs: [], format: 'xliff-2.1' });
    if (!stream.ok) throw new Error(stream.error.message);
    stream.value.push([{ id: 'u7', source: ['а\u0001'], targets: {}, notes: [] }]);
    const end = stream.value.end();
    expect(end.ok ? end : end.error.message).toMatch(
      /unit "u7": the character U\+0001 cannot be written in XML/,
    );
  });
});
