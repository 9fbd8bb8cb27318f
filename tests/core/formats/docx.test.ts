import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { InterchangeDocument } from '../../../src/core/formats/interchange.ts';
import { readDocx, writeDocx } from '../../../src/core/formats/docx.ts';
import { GAP_MARK } from '../../../src/core/formats/selectText.ts';

const doc: InterchangeDocument = {
  sourceLang: 'ru',
  targetLangs: ['kk'],
  format: 'text',
  units: [
    {
      id: '1',
      source: ['Полиция'],
      targets: { kk: { content: ['Полиция'], state: 'approved', notes: [] } },
      notes: [],
      separator: '',
      kind: 'heading',
    },
    {
      id: '2',
      source: ['Она работает.'],
      targets: { kk: { content: ['Ол жұмыс істейді.'], state: 'approved', notes: [] } },
      notes: [],
      separator: '\n\n',
    },
    {
      id: '3',
      source: ['Штрафы.'],
      targets: { kk: { content: [GAP_MARK], state: 'new', notes: [] } },
      notes: [],
      separator: ' ',
    },
    {
      id: '4',
      source: ['Первый пункт.'],
      targets: { kk: { content: ['Бірінші тармақ.'], state: 'approved', notes: [] } },
      notes: [],
      separator: '\n',
      kind: 'listItem',
    },
  ],
};
const part = (bytes: Uint8Array, name: string) =>
  new TextDecoder().decode(unzipSync(bytes)[name] ?? new Uint8Array());

describe('Word export', () => {
  const bytes = writeDocx(doc, 'kk');
  const xml = part(bytes, 'word/document.xml');

  it('sets the language on the defaults and on every run', () => {
    expect(part(bytes, 'word/styles.xml')).toContain('<w:rPrDefault><w:rPr><w:lang w:val="kk"');
    expect(xml.match(/<w:r>/g)?.length).toBe(xml.match(/<w:lang w:val="kk"\/>/g)?.length);
  });

  it('writes headings and list items in Word styles declared in styles.xml, gaps in a grey style', () => {
    const styles = part(bytes, 'word/styles.xml');
    for (const id of ['Heading1', 'ListParagraph', 'AudarmaGap'])
      expect(styles).toContain(`w:styleId="${id}"`);
    expect(part(bytes, '[Content_Types].xml')).toContain('/word/styles.xml');
    expect(part(bytes, 'word/_rels/document.xml.rels')).toContain('Target="styles.xml"');
    expect(xml).toContain('<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>');
    expect(xml).toContain('<w:pStyle w:val="ListParagraph"/>');
    expect(xml).toContain(
      '<w:rStyle w:val="AudarmaGap"/><w:lang w:val="kk"/></w:rPr><w:t xml:space="preserve">[…]</w:t>',
    );
  });

  it('reads headings and list items back from the styles, the rest as sentences', () => {
    const back = readDocx(bytes, 'kk');
    expect(back.ok && back.value.units.map((u) => [u.kind, u.source.join('')])).toEqual([
      ['heading', 'Полиция'],
      ['sentence', 'Ол жұмыс істейді.'],
      ['sentence', '[…]'],
      ['listItem', 'Бірінші тармақ.'],
    ]);
  });
});
