import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../src/worker/jobs/buildExport.ts';
import {
  parseImport,
  type ParseImportInput,
  type ParseImportOutput,
} from '../../../src/worker/jobs/parseImport.ts';
import { serialiseBundle } from '../../../src/core/formats/backup.ts';
import { exportInput, noProgress, project, renderings } from './transferFixture.ts';

const encode = (s: string) => new TextEncoder().encode(s);
const read = (fileName: string, content: string | Uint8Array, over: Partial<ParseImportInput> = {}) =>
  parseImport(
    {
      fileName,
      bytes: typeof content === 'string' ? encode(content) : content,
      project,
      author: 'importer',
      now: 100,
      documentId: 'new',
      ...over,
    },
    noProgress,
  );
function documentOf(out: ParseImportOutput) {
  if (out.kind !== 'document') throw new Error(`expected a document, got ${JSON.stringify(out)}`);
  return out;
}

describe('import parsing', () => {
  it('reads our own XLIFF 2.1 back: states, texts, rejection reason as revision note, comments', () => {
    const file = buildExport(exportInput({ format: 'xliff-2.1', lang: 'kk' }), noProgress);
    const out = documentOf(read(file.fileName, file.bytes));
    expect(out.preview).toMatchObject({
      format: 'xliff-2.1',
      languages: ['ru', 'kk'],
      units: 3,
      renderings: { kk: 2 },
    });
    expect(out.rows.units.map((u) => [u.source, u.separator, u.paragraph])).toEqual([
      ['Полиция.', '', 0],
      ['Она работает.', ' ', 0],
      ['Штрафы.', '\n\n', 1],
    ]);
    const before = renderings.filter((r) => r.lang === 'kk').map((r) => [r.text, r.state]);
    expect(out.rows.renderings.map((r) => [r.text, r.state])).toEqual(before);
    const rejected = out.rows.revisions.find((v) => v.state === 'rejected');
    expect(rejected).toMatchObject({
      action: 'import',
      previousState: 'new',
      note: 'wrong term',
      author: 'importer',
    });
  });

  it('maps comments of a target into comments of that language', () => {
    const file = buildExport(exportInput({ format: 'xliff-1.2', lang: 'en' }), noProgress);
    const out = documentOf(read(file.fileName, file.bytes));
    expect(out.rows.comments.map((c) => [c.text, c.lang, c.author, c.unitId])).toEqual([
      ['Check tense', 'en', 'bob', 'new:u00001'],
    ]);
    expect(out.rows.renderings.every((r) => r.state === 'approved')).toBe(true);
  });

  it('refuses a broken XLIFF naming the file and line', () => {
    const xml =
      '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru">\n<file id="f1">\n<unit id="u1"><segment><source>a</source></segment>\n</file>\n</xliff>\n';
    const out = read('broken.xlf', xml);
    expect(out).toMatchObject({ kind: 'error', problem: { file: 'broken.xlf', line: 5 } });
  });

  it('reads a table with a column per language, in any order', () => {
    const out = documentOf(read('t.csv', 'id,en,ru,kk\n1,One.,Один.,Бір.\n2,Two.,Два.,\n'));
    expect(out.rows.units.map((u) => u.source)).toEqual(['Один.', 'Два.']);
    expect(out.rows.renderings.map((r) => [r.lang, r.text, r.state])).toEqual([
      ['en', 'One.', 'edited'],
      ['kk', 'Бір.', 'edited'],
      ['en', 'Two.', 'edited'],
    ]);
    // Without a Russian column the first language column is the source: its text comes in as a draft.
    const english = documentOf(read('t.tsv', 'en\tkk\nOne.\tБір.\n'));
    expect(english.rows.units.map((u) => [u.source, u.mt])).toEqual([['', { en: 'One.' }]]);
    expect(english.rows.renderings.map((r) => [r.lang, r.state])).toEqual([
      ['en', 'mt'],
      ['kk', 'edited'],
    ]);
  });

  it('reads plain text in the source language with headings kept apart', () => {
    const out = documentOf(read('a.txt', 'Муниципальная полиция\n\nОна работает. Она нужна.\n'));
    expect(out.rows.units.map((u) => [u.kind, u.source])).toEqual([
      ['heading', 'Муниципальная полиция'],
      ['sentence', 'Она работает.'],
      ['sentence', 'Она нужна.'],
    ]);
    expect(out.rows.renderings).toEqual([]);
    expect(out.rows.document).toMatchObject({ id: 'new', name: 'a.txt', unitCount: 3, projectId: 'p' });
  });

  it('reads plain text in a target language as a machine translation to review', () => {
    const out = documentOf(read('a.txt', 'It works.\n', { lang: 'en', documentName: 'English MT' }));
    expect(out.rows.units[0]).toMatchObject({ source: '', mt: { en: 'It works.' } });
    expect(out.rows.renderings.map((r) => [r.lang, r.state])).toEqual([['en', 'mt']]);
    expect(out.rows.document.name).toBe('English MT');
  });

  it('notes languages it leaves out and refuses a source language the project lacks', () => {
    const tmx = (src: string) =>
      `<tmx version="1.4"><header srclang="${src}" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body><tu><tuv xml:lang="${src}"><seg>Один.</seg></tuv><tuv xml:lang="de"><seg>Eins.</seg></tuv></tu></body></tmx>`;
    const out = documentOf(read('m.tmx', tmx('ru')));
    expect(out.preview.notices).toEqual([{ code: 'languageLeftOut', params: { lang: 'de' } }]);
    expect(read('m.tmx', tmx('fr'))).toMatchObject({
      kind: 'error',
      refusal: { code: 'sourceLangNotInProject', params: { lang: 'fr' } },
    });
  });

  it('recognises a project backup and previews it', () => {
    const text = serialiseBundle({
      format: 'audarma-backup',
      version: 1,
      exportedAt: 1,
      project,
      documents: [],
      units: [],
      renderings: [],
      revisions: [],
      comments: [],
      annotations: [],
      terms: [],
      termHistory: [],
      dismissals: [],
      settings: [],
      memory: [],
    });
    expect(read('backup.json', text)).toMatchObject({
      kind: 'backup',
      preview: { projectName: 'Police', documents: 0 },
    });
    expect(read('backup.json', text.replace('"project"', '"projekt"'))).toMatchObject({
      kind: 'error',
      problem: { file: 'backup.json' },
    });
  });
});
