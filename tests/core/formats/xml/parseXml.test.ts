import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseXml } from '../../../../src/core/formats/xml/parseXml.ts';
import { serialiseXml } from '../../../../src/core/formats/xml/serialiseXml.ts';
import {
  attr,
  childElements,
  textContent,
  xmlElement,
  xmlText,
  XML_NS,
} from '../../../../src/core/formats/xml/xmlTypes.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseXml', () => {
  it('builds a namespaced tree with positions', () => {
    const r = parseXml(
      '<?xml version="1.0"?>\n<a xmlns="urn:x" xmlns:b="urn:b" xml:lang="kk">\n  <b:c id="1">Сәлем &amp; &#x41;</b:c>\n</a>',
    );
    if (!r.ok) throw new Error(r.error.message);
    const root = r.value.root;
    expect([root.local, root.uri, root.line]).toEqual(['a', 'urn:x', 2]);
    expect(attr(root, 'lang', XML_NS)).toBe('kk');
    const [c] = childElements(root, 'c', 'urn:b');
    expect(c && [c.prefix, c.line, c.column, attr(c, 'id'), textContent(c)]).toEqual([
      'b',
      3,
      3,
      '1',
      'Сәлем & A',
    ]);
  });

  const bad: [string, string | Uint8Array, RegExp, number][] = [
    ['unclosed element', '<a>\n<b>\n</a>', /./, 3],
    ['two roots', '<a/>\n<b/>', /./, 2],
    [
      'billion laughs',
      '<!DOCTYPE a [\n<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">\n]>\n<a>&lol2;</a>',
      /entit/i,
      3,
    ],
    ['external entity', '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', /entit/i, 1],
    ['undefined entity', '<a>\n&nbsp;</a>', /entity/i, 2],
    ['empty input', '', /root/, 1],
    ['text after root', '<a/>\ntext', /./, 2],
    ['duplicate attribute', '<a x="1" x="2"/>', /./, 1],
    ['unbound prefix', '<p:a/>', /prefix|namespace/i, 1],
    [
      'latin-1 declared with non-ASCII bytes',
      new Uint8Array([...enc('<?xml version="1.0" encoding="ISO-8859-1"?>\n<a>'), 0xe9, ...enc('</a>')]),
      /ISO-8859-1.*UTF-8/,
      2,
    ],
    ['invalid UTF-8', new Uint8Array([...enc('<a>\n\n'), 0xff, ...enc('</a>')]), /UTF-8/, 3],
    ['UTF-16 declared without BOM', enc('<?xml version="1.0" encoding="UTF-16"?><a/>'), /byte-order/, 1],
  ];
  it.each(bad)('refuses %s with a line', (_name, input, message, line) => {
    const r = parseXml(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(message);
      expect(r.error.line).toBe(line);
    }
  });

  it('refuses input over the size limit', () => {
    const r = parseXml('<a>' + 'x'.repeat(100) + '</a>', { maxSize: 50 });
    expect(r.ok ? '' : r.error.message).toMatch(/too large/);
  });

  const good: [string, string | Uint8Array, string][] = [
    ['UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc('<a>ә</a>')]), 'ә'],
    ['BOM in a string', '\uFEFF<a>ә</a>', 'ә'],
    [
      'UTF-16LE with BOM',
      new Uint8Array([
        0xff,
        0xfe,
        ...[...'<a>қ</a>'].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]),
      ]),
      'қ',
    ],
    ['ASCII-only file declared ISO-8859-1', enc('<?xml version="1.0" encoding="ISO-8859-1"?><a>x</a>'), 'x'],
    ['external DTD reference, never read', '<!DOCTYPE tmx SYSTEM "tmx14.dtd"><a>y</a>', 'y'],
    ['CDATA merged with text', '<a>1<![CDATA[<2>]]>3</a>', '1<2>3'],
  ];
  it.each(good)('accepts %s', (_name, input, text) => {
    const r = parseXml(input);
    if (!r.ok) throw new Error(r.error.message);
    expect(textContent(r.value.root)).toBe(text);
  });
});

describe('serialiseXml', () => {
  it('escapes text and attributes so they read back the same', () => {
    const doc = {
      root: xmlElement('a', { v: 'x"<&>\n\t' }, [xmlText('1 < 2 && ]]> \r')]),
      prolog: [],
      epilog: [],
    };
    const r = parseXml(serialiseXml(doc));
    if (!r.ok) throw new Error(r.error.message);
    expect(attr(r.value.root, 'v')).toBe('x"<&>\n\t');
    expect(textContent(r.value.root)).toBe('1 < 2 && ]]> \r');
  });

  it('parse → serialise → parse → serialise is stable for generated documents', () => {
    const xmlChar = fc.string({
      unit: fc.constantFrom('a', 'ә', '<', '&', '>', '"', "'", ' ', '\n', '\t', ']', '𝔸'),
    });
    const node: fc.Memo<ReturnType<typeof xmlElement>> = fc.memo((depth) =>
      fc
        .tuple(
          fc.constantFrom('a', 'b', 'x:c'),
          fc.dictionary(fc.constantFrom('id', 'v', 'xml:lang'), xmlChar, { maxKeys: 3 }),
          fc.array(depth > 1 ? fc.oneof(xmlChar.map(xmlText), node(depth - 1)) : xmlChar.map(xmlText), {
            maxLength: 4,
          }),
        )
        .map(([name, attrs, children]) =>
          xmlElement(
            name,
            attrs,
            children,
            name.startsWith('x:') ? { uri: 'urn:x', namespaces: { x: 'urn:x' } } : {},
          ),
        ),
    );
    fc.assert(
      fc.property(node(3), (root) => {
        const once = serialiseXml({ root, prolog: [], epilog: [] });
        const parsed = parseXml(once);
        if (!parsed.ok) throw new Error(parsed.error.message);
        expect(serialiseXml(parsed.value)).toBe(once);
      }),
    );
  });
});
