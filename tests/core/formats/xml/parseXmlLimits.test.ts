import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, parseXml } from '../../../../src/core/formats/xml/parseXml.ts';
import { decodeXml } from '../../../../src/core/formats/xml/decodeXml.ts';
import { serialiseXml } from '../../../../src/core/formats/xml/serialiseXml.ts';
import {
  childElements,
  textContent,
  xmlElement,
  xmlText,
} from '../../../../src/core/formats/xml/xmlTypes.ts';

const nested = (levels: number) => `${'<a>'.repeat(levels)}x${'</a>'.repeat(levels)}`;

describe('parseXml depth limit', () => {
  it('reads nesting up to the limit and refuses one level more, at the element too deep', () => {
    expect(parseXml(nested(MAX_XML_DEPTH)).ok).toBe(true);
    const r = parseXml(`<r>\n${nested(MAX_XML_DEPTH)}</r>`);
    expect(r.ok ? r : r.error).toMatchObject({
      message: 'elements are nested more than 1000 levels deep',
      line: 2,
    });
  });

  it('takes a lower limit as an option', () => {
    expect(parseXml(nested(3), { maxDepth: 3 }).ok).toBe(true);
    expect(parseXml(nested(4), { maxDepth: 3 }).ok).toBe(false);
  });

  it('resolves prefixes by scope: a declaration ends with its element, an inner one shadows an outer one', () => {
    const r = parseXml(
      '<r xmlns="urn:d" xmlns:p="urn:p1"><p:a><b xmlns:p="urn:p2"><p:c/></b><p:d/></p:a><e xmlns=""><f/></e><g/></r>',
    );
    if (!r.ok) throw new Error(r.error.message);
    const [a, e, g] = childElements(r.value.root);
    const [b, d] = a ? childElements(a) : [];
    const [c] = b ? childElements(b) : [];
    const [f] = e ? childElements(e) : [];
    expect([a, b, c, d, e, f, g].map((el) => el && `${el.local}=${el.uri}`)).toEqual([
      'a=urn:p1',
      'b=urn:d',
      'c=urn:p2',
      'd=urn:p1',
      'e=',
      'f=',
      'g=urn:d',
    ]);
  });

  it('refuses a prefix used after its declaration went out of scope', () => {
    const r = parseXml('<r><a xmlns:p="urn:p"/><p:b/></r>');
    expect(r.ok).toBe(false);
  });

  it('serialises and reads back a tree as deep as the limit without recursion', () => {
    let el = xmlElement('a', {}, [xmlText('deep')]);
    for (let i = 1; i < MAX_XML_DEPTH; i += 1) el = xmlElement('a', {}, [el]);
    const xml = serialiseXml({ root: el, prolog: [], epilog: [] });
    const back = parseXml(xml);
    expect(back.ok && textContent(back.value.root)).toBe('deep');
  });
});

describe('decodeXml sniffing', () => {
  const le = (s: string) =>
    new Uint8Array([...s].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]));
  const be = (s: string) =>
    new Uint8Array([...s].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255]));
  const enc = (s: string) => new TextEncoder().encode(s);
  const cases: [string, Uint8Array, RegExp | string][] = [
    ['UTF-16LE without BOM, Russian', le('Привет, мир.'), /UTF-16LE without a byte-order mark/],
    ['UTF-16LE without BOM, no spaces', le('Сәлем'), /UTF-16LE without a byte-order mark/],
    [
      'UTF-16BE without BOM',
      be('<?xml version="1.0"?><a/>'.replace('<?', '<a')),
      /UTF-16BE without a byte-order mark/,
    ],
    ['only NUL bytes', new Uint8Array(64), /nothing but NUL bytes/],
    ['a NUL on line 3', enc('a\nb\n\0'), /binary data/],
    ['UTF-8 Russian', enc('Привет,\tмир.\r\n'), 'Привет,\tмир.\r\n'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...le('Сәлем')]), 'Сәлем'],
    ['one byte', enc('a'), 'a'],
  ];
  it.each(cases)('%s', (_name, bytes, expected) => {
    const r = decodeXml(bytes);
    if (typeof expected === 'string') expect(r.ok && r.value).toBe(expected);
    else expect(r.ok ? r.value : r.error.message).toMatch(expected);
  });
  it('names the line of the first NUL byte', () => {
    const r = decodeXml(enc('a\nb\n\0'));
    expect(r.ok ? r : r.error.line).toBe(3);
  });
});
