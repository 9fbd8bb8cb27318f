import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { baseName, buildExport } from '../../../src/worker/jobs/buildExport.ts';
import { decode, exportInput, noProgress } from './transferFixture.ts';

describe('document export', () => {
  it('writes the corrected text with the paragraphs of the original', () => {
    const file = buildExport(exportInput(), noProgress);
    expect(file.fileName).toBe('police.en.txt');
    expect(file.mimeType).toBe('text/plain;charset=utf-8');
    expect(decode(file.bytes)).toBe('Police. It works.\n\nFines.\n');
  });

  it('marks a unit with nothing to export as a gap, in its place, and reports what the text holds', () => {
    const file = buildExport(exportInput({ lang: 'kk', content: 'all' }), noProgress);
    expect(decode(file.bytes)).toBe('Полиция. […]\n\nАйыппұлдар шығыңқы.\n');
    expect(file.report).toEqual({ approved: 0, machine: 0, unapproved: 2, source: 0, gaps: 1 });
  });

  it('by default writes approved text, else the machine translation, and never a rejected or edited one', () => {
    const withMt = exportInput({ lang: 'kk' });
    const mtUnits = withMt.units.map((u) => (u.index === 2 ? { ...u, mt: { kk: 'Айыппұлдар.' } } : u));
    const file = buildExport({ ...withMt, units: mtUnits }, noProgress);
    expect(decode(file.bytes)).toBe('[…] […]\n\nАйыппұлдар.\n');
    expect(file.report).toEqual({ approved: 0, machine: 1, unapproved: 0, source: 0, gaps: 2 });
    const approvedOnly = buildExport({ ...withMt, units: mtUnits, content: 'approved' }, noProgress);
    expect(decode(approvedOnly.bytes)).toBe('[…] […]\n\n[…]\n');
    expect(approvedOnly.report?.gaps).toBe(3);
  });

  it('writes Kazakh in the 2021 Latin alphabet when asked, tagged kk-Latn', () => {
    const file = buildExport(exportInput({ lang: 'kk', kazakhScript: 'latin', content: 'all' }), noProgress);
    expect(file.fileName).toBe('police.kk-Latn.txt');
    expect(decode(file.bytes)).toBe('Politsiia. […]\n\nAiyppūldar şyğyñqy.\n');
  });

  it('writes the source language too', () => {
    expect(decode(buildExport(exportInput({ lang: 'ru' }), noProgress).bytes)).toBe(
      'Полиция. Она работает.\n\nШтрафы.\n',
    );
  });

  it('writes a .docx package with one paragraph per original paragraph', () => {
    const file = buildExport(exportInput({ format: 'docx' }), noProgress);
    expect(file.fileName).toBe('police.en.docx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = decode(unzipSync(file.bytes)['word/document.xml'] ?? new Uint8Array());
    expect([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual([
      'Police. It works.',
      'Fines.',
    ]);
  });

  it('writes XLIFF 2.1 with states, the rejection reason and comments as notes', () => {
    const file = buildExport(exportInput({ format: 'xliff-2.1', lang: 'kk' }), noProgress);
    expect(file.fileName).toBe('police.ru-kk.xlf');
    const xml = decode(file.bytes);
    expect(xml).toContain('version="2.1"');
    expect(xml).toContain('urn:oasis:names:tc:xliff:document:2.0');
    expect(xml).toContain('state="initial" subState="audarma:rejected"');
    expect(xml).toContain('<note category="audarma:rejection" appliesTo="target">wrong term</note>');
    expect(xml).toContain('state="translated" subState="audarma:edited"');
  });

  it('writes XLIFF 2.2 in its own namespace and XLIFF 1.2 with 1.2 states', () => {
    const v22 = buildExport(exportInput({ format: 'xliff-2.2' }), noProgress);
    expect(v22.fileName).toBe('police.ru-en.xliff22.xlf');
    expect(decode(v22.bytes)).toContain('urn:oasis:names:tc:xliff:document:2.2');
    const v12 = decode(buildExport(exportInput({ format: 'xliff-1.2' }), noProgress).bytes);
    expect(v12).toContain('version="1.2"');
    expect(v12).toContain('<target state="final">Police.</target>');
    expect(v12).toContain('Check tense');
  });

  it('writes TMX with the variants of approved units only', () => {
    const file = buildExport(exportInput({ format: 'tmx' }), noProgress);
    expect(file.fileName).toBe('police.tmx');
    const xml = decode(file.bytes);
    expect(xml.match(/<tu /g)).toHaveLength(3);
    expect(xml).toContain('<seg>Police.</seg>');
    // Kazakh renderings are edited or rejected, never approved: none is written.
    expect(xml).not.toContain('xml:lang="kk"');
  });

  it('names files after the document without its extension and language', () => {
    expect(baseName('article.en.txt')).toBe('article');
    expect(baseName('report.docx')).toBe('report');
    expect(baseName('.txt')).toBe('document');
  });
});
