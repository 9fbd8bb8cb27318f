import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Result } from '../../../src/core/result.ts';
import { parseBundle } from '../../../src/core/formats/backup.ts';
import { convertFile } from '../../../src/core/formats/convertFile.ts';
import { readDocument, validateXmlDocument } from '../../../src/core/formats/convertDocument.ts';
import { parseTable } from '../../../src/core/formats/csv.ts';
import { parseGlossaryCsv } from '../../../src/core/formats/glossaryCsv.ts';
import { parseTbx } from '../../../src/core/formats/tbx.ts';
import { validateBackup } from '../../../src/core/formats/validateBackup.ts';
import { decodeXml } from '../../../src/core/formats/xml/decodeXml.ts';
import { parseXml } from '../../../src/core/formats/xml/parseXml.ts';
import { escapeXmlAttr, escapeXmlText } from '../../../src/core/formats/xml/serialiseXml.ts';
import { projectId } from '../../../src/core/model/ids.ts';

/** Per input: a reader answers within this many milliseconds (generous: the machine is shared). */
const TIME_BOUND_MS = 1000;
const pid = projectId('fuzz');
const latin1 = (b: Uint8Array) => String.fromCharCode(...b);

/** Every reader, each given raw bytes: it must return a value, never throw, never hang. */
type Reader = (bytes: Uint8Array) => Result<unknown> | { errors: readonly unknown[] };
const readers: readonly (readonly [string, Reader])[] = [
  ['decodeXml', (b) => decodeXml(b)],
  ['parseXml', (b) => parseXml(b)],
  ...(['txt', 'csv', 'tsv', 'xlf', 'tmx', 'docx'] as const).map((ext): readonly [string, Reader] => [
    `readDocument .${ext}`,
    (b) => readDocument(b, `in.${ext}`),
  ]),
  ['convertFile .tbx → .csv', (b) => convertFile(b, 'in.tbx', 'out.csv', { now: 0 })],
  ['convertFile .json → .xlf', (b) => convertFile(b, 'in.json', 'out.xlf', { now: 0 })],
  ['parseTable', (b) => parseTable(latin1(b))],
  ['parseGlossaryCsv', (b) => parseGlossaryCsv(latin1(b), pid, 0)],
  ['parseTbx', (b) => parseTbx(latin1(b), pid, 0)],
  ['parseBundle', (b) => parseBundle(latin1(b))],
  ['validateXmlDocument', (b) => validateXmlDocument(b)],
  ['validateBackup', (b) => validateBackup(b)],
];

function problemsOf(r: Result<unknown> | { errors: readonly unknown[] }): { message: string }[] {
  if ('errors' in r) return r.errors as { message: string }[];
  return r.ok ? [] : [r.error as { message: string }];
}

/** Runs a reader and asserts the harness bounds: no throw, one-line messages with a line number, in time. */
function bounded(
  read: (b: Uint8Array) => Result<unknown> | { errors: readonly unknown[] },
  bytes: Uint8Array,
) {
  const start = performance.now();
  const r = read(bytes);
  expect(performance.now() - start).toBeLessThan(TIME_BOUND_MS);
  for (const p of problemsOf(r)) {
    expect(typeof p.message).toBe('string');
    expect(p.message).not.toMatch(/[\r\n]/);
  }
  return r;
}

describe('every reader, given random bytes, returns a located one-line problem or a value', () => {
  it.each(readers)('%s', (_name, read) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        bounded(read, bytes);
      }),
      { numRuns: 150 },
    );
  });
});

/** Element names of every vocabulary we read, so random documents get past the root checks. */
const NAMES = [
  'xliff',
  'file',
  'unit',
  'group',
  'segment',
  'ignorable',
  'source',
  'target',
  'notes',
  'note',
  'pc',
  'ph',
  'sc',
  'ec',
  'mrk',
  'sm',
  'em',
  'cp',
  'originalData',
  'data',
  'body',
  'trans-unit',
  'g',
  'x',
  'bpt',
  'ept',
  'tmx',
  'header',
  'tu',
  'tuv',
  'seg',
  'prop',
  'tbx',
  'martif',
  'text',
  'conceptEntry',
  'langSec',
  'termSec',
  'term',
  'descrip',
  'descripGrp',
  'w:document',
  'w:body',
  'w:p',
  'w:r',
  'w:t',
];
const ATTRS = [
  'id',
  'version',
  'srcLang',
  'trgLang',
  'xml:lang',
  'state',
  'startRef',
  'hex',
  'srclang',
  'type',
  'i',
];
const NAMESPACES = [
  'urn:oasis:names:tc:xliff:document:2.0',
  'urn:oasis:names:tc:xliff:document:2.2',
  'urn:oasis:names:tc:xliff:document:1.2',
  'urn:iso:std:iso:30042:ed-2',
];
const attrValue = fc.oneof(
  fc.constantFrom('1', '2.1', '1.2', 'ru', 'en', 'kk', 'zz-bogus', '', 'u1', '0041', 'translated'),
  fc.string({ maxLength: 6 }),
);
const text = fc.oneof(fc.constantFrom('Сәлем', 'a & b', '1 500,5', ' '), fc.string({ maxLength: 8 }));

type Tree = { name: string; attrs: [string, string][]; children: (Tree | string)[] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree; child: Tree | string }>((tie) => ({
  node: fc.record({
    name: fc.constantFrom(...NAMES),
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRS), attrValue), {
      maxLength: 3,
      selector: (a) => a[0],
    }),
    children: fc.array(tie('child'), { maxLength: 4 }),
  }),
  child: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('node')),
})).node;

function serialise(t: Tree | string, root = false, ns = ''): string {
  if (typeof t === 'string') return escapeXmlText(t);
  const attrs = t.attrs.map(([k, v]) => ` ${k}="${escapeXmlAttr(v)}"`).join('');
  const decl = root
    ? `${ns ? ` xmlns="${ns}"` : ''}${t.name.startsWith('w:') ? ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"' : ''}`
    : '';
  return `<${t.name}${decl}${attrs}>${t.children.map((c) => serialise(c)).join('')}</${t.name}>`;
}

describe('every reader, given well-formed documents of the wrong shape, refuses them with a located problem', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const doc = fc
    .tuple(tree, fc.constantFrom('', ...NAMESPACES))
    .map(([t, ns]) => enc(`<?xml version="1.0" encoding="UTF-8"?>\n${serialise(t, true, ns)}`));
  it.each(
    readers.filter(
      ([name]) => !/parseTable|parseGlossaryCsv|parseBundle|Backup|json|txt|csv|tsv|docx/.test(name),
    ),
  )('%s', (_name, read) => {
    fc.assert(
      fc.property(doc, (bytes) => {
        bounded(read, bytes);
      }),
      { numRuns: 150 },
    );
  });
});
