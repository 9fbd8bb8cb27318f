import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseBundle, serialiseBundle, type ProjectBundle } from '../../../src/core/formats/backup.ts';
import { readDocument, writeDocument } from '../../../src/core/formats/convertDocument.ts';
import { bundleFromDocument, documentFromBundle } from '../../../src/core/formats/convertProject.ts';
import { paragraphRanges } from '../../../src/core/formats/docxPatch.ts';
import { importedRendering } from '../../../src/core/model/importedRendering.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const run = (text: string, rPr = '') =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

/** A Word package with the parts a real one has: styles, numbering, header, footer, settings, an image. */
function fixture(): Uint8Array {
  const body =
    `<w:p w14:paraId="1A"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run('Отчёт ', '<w:b/>')}${run('за год')}</w:p>` +
    `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${run('Полиция ', '<w:b/>')}${run('работает', '<w:i/>')}${run('. Граждане довольны.', '<w:lang w:val="ru-RU"/>')}</w:p>` +
    '<w:p/><w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>' +
    `<w:tbl><w:tblPr/><w:tr><w:tc><w:p>${run('Ячейка &amp; столбец')}</w:p></w:tc></w:tr></w:tbl>` +
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run('Первый пункт.')}</w:p>` +
    '<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/></w:sectPr>';
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
    `xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>${body}</w:body></w:document>`;
  const image = new Uint8Array(64).map((_, i) => (i * 37) % 256);
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    '_rels/.rels': strToU8('<Relationships/>'),
    'word/document.xml': strToU8(document),
    'word/styles.xml': strToU8(`<w:styles xmlns:w="${W}"><w:style w:styleId="Heading1"/></w:styles>`),
    'word/numbering.xml': strToU8(`<w:numbering xmlns:w="${W}"><w:num w:numId="1"/></w:numbering>`),
    'word/header1.xml': strToU8(`<w:hdr xmlns:w="${W}"><w:p>${run('Верхний колонтитул')}</w:p></w:hdr>`),
    'word/footer1.xml': strToU8(`<w:ftr xmlns:w="${W}"><w:p>${run('Нижний')}</w:p></w:ftr>`),
    'word/settings.xml': strToU8(`<w:settings xmlns:w="${W}"><w:zoom w:percent="100"/></w:settings>`),
    'word/media/image1.png': image,
    'word/_rels/document.xml.rels': strToU8('<Relationships/>'),
  });
}

/** The .docx imported into a ru → en project, `en` renderings set by source text, backed up, restored, written back. */
function throughProject(pkg: Uint8Array, translations: Readonly<Record<string, string>>): Uint8Array {
  const read = readDocument(pkg, 'report.docx', { sourceLang: 'ru' });
  if (!read.ok) throw new Error(read.error.message);
  let n = 0;
  const bundle = bundleFromDocument(read.value, {
    projectName: 'p',
    documentName: 'report.docx',
    now: 1,
    newId: (p) => `${p}${++n}`,
  });
  const renderings = bundle.units.flatMap((u) => {
    const text = translations[u.source];
    return text === undefined
      ? []
      : [
          importedRendering({
            unitId: u.id,
            documentId: u.documentId,
            lang: 'en',
            text,
            state: 'approved',
            author: 'a',
            at: 1,
          }),
        ];
  });
  const edited: ProjectBundle = {
    ...bundle,
    project: { ...bundle.project, targetLangs: ['en'] },
    renderings: renderings.map((r) => r.rendering),
    revisions: renderings.map((r) => r.revision),
  };
  const restored = parseBundle(serialiseBundle(edited));
  if (!restored.ok) throw new Error(restored.error.message);
  const back = documentFromBundle(restored.value);
  if (!back.ok) throw new Error(back.error.message);
  const written = writeDocument(back.value, 'report.docx', { targetLang: 'en' });
  if (!written.ok) throw new Error(written.error.message);
  return written.value;
}

/** document.xml with the text of every <w:t> taken out: what must not change when only text does. */
const skeleton = (xml: string) => xml.replace(/(<w:t[^>]*>)[^<]*(<\/w:t>)/g, '$1$2');

describe('a .docx exported as the original is the same package with the edited text', () => {
  const pkg = fixture();
  const before = unzipSync(pkg);
  const out = throughProject(pkg, {
    'Отчёт за год': 'Annual report',
    'Граждане довольны.': 'Citizens are satisfied.',
    'Ячейка & столбец': 'Cell & column',
  });
  const after = unzipSync(out);
  const xmlBefore = strFromU8(before['word/document.xml']!);
  const xmlAfter = strFromU8(after['word/document.xml']!);

  it('keeps every other part byte for byte, in the same order', () => {
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before))
      if (name !== 'word/document.xml') expect(after[name], name).toEqual(before[name]);
  });

  it('keeps every paragraph, run and property: only text inside <w:t> changes', () => {
    expect(paragraphRanges(xmlAfter)).toHaveLength(paragraphRanges(xmlBefore).length);
    expect(skeleton(xmlAfter)).toBe(skeleton(xmlBefore));
  });

  it('puts an edit that falls in one run into that run only, and a wider one into the first run', () => {
    expect(xmlAfter).toContain(
      `${run('Полиция ', '<w:b/>')}${run('работает', '<w:i/>')}${run('. Citizens are satisfied.', '<w:lang w:val="ru-RU"/>')}`,
    );
    expect(xmlAfter).toContain(`${run('Annual report', '<w:b/>')}${run('')}`);
    expect(xmlAfter).toContain(run('Cell &amp; column'));
    expect(xmlAfter).toContain(run('Первый пункт.'));
  });

  it('reads back with the new text', () => {
    const again = readDocument(out, 'x.docx', { sourceLang: 'en' });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.units.map((u) => u.source.join(''))).toEqual([
      'Annual report',
      'Полиция работает.',
      'Citizens are satisfied.',
      'Cell & column',
      'Первый пункт.',
    ]);
  });

  it('gives back the very same bytes when nothing was edited', () => {
    expect(throughProject(pkg, {})).toEqual(pkg);
  });
});
