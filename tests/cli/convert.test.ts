import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseBundle } from '../../src/core/formats/backup.ts';
import { parseGlossaryCsv } from '../../src/core/formats/glossaryCsv.ts';
import { plainText } from '../../src/core/formats/interchange.ts';
import { readXliff2 } from '../../src/core/formats/xliff2.ts';
import { projectId } from '../../src/core/model/ids.ts';
import type { TermEntry } from '../../src/core/model/term.ts';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({
    code,
    out: out.join('\n'),
    err: err.join('\n'),
  }));
}

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/cli', name);
const read = (path: string) => readFileSync(path, 'utf8');
/** CSV and TSV are written with CRLF line ends (RFC 4180); compare their lines. */
const lines = (path: string) => read(path).replace(/\r\n/g, '\n');

/** Terms, statuses and fields of entries, without ids and times (which a new file may give afresh). */
function entriesOf(csv: string, delimiter: ',' | '\t' = ',') {
  const r = parseGlossaryCsv(csv, projectId('t'), 0, { delimiter });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.map(shape);
}
const shape = (e: TermEntry) => ({
  terms: [...e.terms].sort((a, b) => `${a.lang}${a.text}`.localeCompare(`${b.lang}${b.text}`)),
  definition: e.definition,
  note: e.note,
  pos: e.partOfSpeech,
});

/** Each unit as [source, state, target text, target notes] for one target language. */
function unitsOf(xliff: string, lang = 'en') {
  const doc = readXliff2(xliff);
  if (!doc.ok) throw new Error(doc.error.message);
  return doc.value.units.map((u) => {
    const t = u.targets[lang];
    return [
      plainText(u.source),
      t?.state ?? 'none',
      t ? plainText(t.content) : '',
      t?.notes.map((n) => n.text),
    ];
  });
}

describe('audarma convert', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audarma-convert-'));
  const csv = join(dir, 'in.csv');
  writeFileSync(csv, 'id,ru,en\nu1,Полиция Алматы.,Almaty police.\nu2,Второй.,\n');

  it.each(['out.xlf', 'out.tmx', 'out.tsv', 'out.txt', 'out.docx', 'out.json'])(
    'converts CSV to %s and back to CSV',
    async (name) => {
      const target = join(dir, name);
      expect((await run(['convert', csv, target, '--target-lang', 'en'])).code).toBe(0);
      const back = join(dir, `${name}.csv`);
      const r = await run(['convert', target, back, '--source-lang', 'ru']);
      expect(r.code).toBe(0);
      expect(readFileSync(back, 'utf8')).toMatch(/Almaty police\./);
    },
  );

  it('refuses bad input with file and line, exit 2', async () => {
    const bad = join(dir, 'bad.xlf');
    writeFileSync(
      bad,
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru">\n<file id="f1">\n<unit id="1"><segment><source>a</sourc></segment></unit></file></xliff>',
    );
    const r = await run(['convert', bad, join(dir, 'x.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.xlf:3: /);
  });

  it('refuses an unknown extension', async () => {
    expect((await run(['convert', csv, join(dir, 'x.pdf')])).code).toBe(2);
  });
});

describe('audarma convert: glossaries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audarma-convert-tbx-'));

  it('writes TBX as it reads it: .tbx → .tbx keeps a TBX v3 Basic file byte for byte', async () => {
    const out = join(dir, 'same.tbx');
    expect((await run(['convert', fixture('glossary.tbx'), out])).code).toBe(0);
    expect(read(out)).toBe(read(fixture('glossary.tbx')));
  });

  it.each(['csv', 'tsv', 'json'])('round-trips .tbx → .%s → .tbx with identical entries', async (ext) => {
    const middle = join(dir, `round.${ext}`);
    const back = join(dir, `round-${ext}.tbx`);
    expect((await run(['convert', fixture('glossary.tbx'), middle])).code).toBe(0);
    expect((await run(['convert', middle, back])).code).toBe(0);
    expect(read(back)).toBe(read(fixture('glossary.tbx')));
  });

  it('writes glossary CSV with a column per language, per-language status, note and the concept ids', async () => {
    const out = join(dir, 'terms.csv');
    expect((await run(['convert', fixture('glossary.tbx'), out])).code).toBe(0);
    const [header, first] = lines(out).split('\n');
    expect(header).toBe('id,ru,en,en:status,kk,status,pos,definition,note');
    expect(first).toMatch(
      /^c-police,муниципальная полиция,municipal police\|city police,approved\|forbidden,/,
    );
    expect(read(out)).toMatch(/akimat \\\| local executive body/);
  });

  it('reads a .csv converted to .tbx as a glossary and keeps its terms, statuses and notes', async () => {
    const tbx = join(dir, 'from-csv.tbx');
    const back = join(dir, 'from-csv.tsv');
    expect((await run(['convert', fixture('glossary.csv'), tbx])).code).toBe(0);
    expect(read(tbx)).toMatch(
      /<term>beat officer<\/term>\s*<termNote type="administrativeStatus">deprecatedTerm/,
    );
    expect((await run(['convert', tbx, back])).code).toBe(0);
    expect(entriesOf(read(back), '\t')).toEqual(entriesOf(read(fixture('glossary.csv'))));
  });

  it('converts glossary CSV to TSV only with --part glossary, without inventing ids', async () => {
    const out = join(dir, 'plain.tsv');
    expect((await run(['convert', fixture('glossary.csv'), out, '--part', 'glossary'])).code).toBe(0);
    expect(lines(out).split('\n')[0]).toBe('ru\ten\ten:status\tkk\tstatus\tpos\tdefinition\tnote');
  });

  it('exports the glossary of a backup to .tbx, and to .csv with --part glossary', async () => {
    const tbx = join(dir, 'backup.tbx');
    const gcsv = join(dir, 'backup-terms.csv');
    expect((await run(['convert', fixture('project.audarma.json'), tbx])).code).toBe(0);
    expect(read(tbx)).toMatch(/<term>әкімдік<\/term>\s*<termNote type="administrativeStatus">admittedTerm/);
    expect((await run(['convert', fixture('project.audarma.json'), gcsv, '--part', 'glossary'])).code).toBe(
      0,
    );
    expect(lines(gcsv)).toBe(
      'id,ru,en,kk,kk:status,status,pos,definition,note\nterm_1,акимат,akimat,әкімдік,proposed,approved,,,Local executive body.\n',
    );
  });

  it('builds a glossary-only backup from .tbx that validates and restores its entries', async () => {
    const json = join(dir, 'glossary.json');
    expect((await run(['convert', fixture('glossary.tbx'), json, '--source-lang', 'en'])).code).toBe(0);
    const bundle = parseBundle(read(json));
    if (!bundle.ok) throw new Error(bundle.error.message);
    expect([bundle.value.project.sourceLang, bundle.value.project.targetLangs]).toEqual(['en', ['ru', 'kk']]);
    expect([bundle.value.documents.length, bundle.value.terms.map((t) => t.id)]).toEqual([
      0,
      ['c-police', 'c-akimat'],
    ]);
    expect((await run(['validate', json, '--json'])).code).toBe(0);
  });

  it.each([
    [['glossary.tbx', 'x.xlf'], /x\.xlf: \.xliff holds a document, not a glossary/],
    [['glossary.tbx', 'x.txt'], /x\.txt: \.txt holds a document/],
    [['article.xlf', 'x.tbx'], /article\.xlf: \.xliff holds a document/],
    [['glossary.csv', 'x.docx', '--part', 'glossary'], /x\.docx: \.docx holds a document/],
    [['glossary.tbx', 'x.csv', '--part', 'document'], /glossary\.tbx: a \.tbx file is a glossary/],
    [['glossary.tbx', 'x.csv', '--part', 'terms'], /--part: "terms"/],
    [['article.xlf', 'x.txt', '--document', 'a'], /--document applies only to a \.json backup/],
  ])('refuses a pair that makes no sense (%j), exit 2, nothing written', async (args, message) => {
    const [input, output, ...flags] = args as [string, string, ...string[]];
    const out = join(dir, output);
    const r = await run(['convert', fixture(input), out, ...flags]);
    expect([r.code, existsSync(out)]).toEqual([2, false]);
    expect(r.err).toMatch(message);
  });

  it('refuses a broken TBX with its line and leaves an existing OUT as it was', async () => {
    const bad = join(dir, 'bad.tbx');
    const out = join(dir, 'kept.csv');
    writeFileSync(out, 'before');
    writeFileSync(bad, read(fixture('glossary.tbx')).replace('<term>акимат</term>', '<term>акимат</trem>'));
    const r = await run(['convert', bad, out]);
    expect([r.code, read(out)]).toEqual([2, 'before']);
    expect(r.err).toMatch(/bad\.tbx:46: not well-formed XML/);
  });

  it('refuses glossary CSV with a bad status with its line', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'ru,en,status\nаким,akim,approved\nакимат,akimat,maybe\n');
    const r = await run(['convert', bad, join(dir, 'bad.tbx')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.csv:3: unknown status "maybe"/);
  });
});

describe('audarma convert: project backups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audarma-convert-json-'));

  it('round-trips .xlf → .json → .xlf keeping units, states, texts and the rejection reason', async () => {
    const json = join(dir, 'article.json');
    const back = join(dir, 'article.xlf');
    expect((await run(['convert', fixture('article.xlf'), json])).code).toBe(0);
    expect((await run(['convert', json, back])).code).toBe(0);
    expect(unitsOf(read(back))).toEqual(unitsOf(read(fixture('article.xlf'))));
    expect(unitsOf(read(back))).toEqual([
      ['Муниципальная полиция появится в Алматы.', 'approved', 'Municipal police will appear in Almaty.', []],
      ['Закон принят в 2014 году.', 'rejected', 'The law was passed in 2015.', ['Wrong year.']],
      ['Её подчинят акиму.', 'edited', 'It will report to the akim.', []],
      ['Подробности позже.', 'none', '', undefined],
    ]);
  });

  it('builds a restorable backup from a document: languages, import revisions, no rendering for an empty target', async () => {
    const json = join(dir, 'fresh.json');
    expect((await run(['convert', fixture('article.xlf'), json])).code).toBe(0);
    const b = parseBundle(read(json));
    if (!b.ok) throw new Error(b.error.message);
    const { project, documents, units, renderings, revisions } = b.value;
    expect([project.name, project.sourceLang, project.targetLangs, documents.map((d) => d.name)]).toEqual([
      'article',
      'ru',
      ['en'],
      ['article.xlf'],
    ]);
    expect([units.length, renderings.map((r) => r.state)]).toEqual([4, ['approved', 'rejected', 'edited']]);
    expect(revisions.map((r) => [r.action, r.number, r.previousState, r.note])).toEqual([
      ['import', 1, 'new', undefined],
      ['import', 1, 'new', 'Wrong year.'],
      ['import', 1, 'new', undefined],
    ]);
  });

  it('exports the first document of a backup, with machine translation where no rendering exists', async () => {
    const out = join(dir, 'first.tsv');
    expect((await run(['convert', fixture('project.audarma.json'), out])).code).toBe(0);
    expect(lines(out)).toBe(
      'id\tru\ten\tkk\n' +
        'u1\tМуниципальная полиция\tMunicipal Police\t\n' +
        'u2\tЕё создадут в Алматы.\tIt will be created in Almaty.\tОл Алматыда құрылады.\n' +
        'u3\tАкимат согласен.\tThe akimat disagrees.\t\n',
    );
  });

  it('keeps paragraphs of a backup document in .txt and picks the language with --target-lang', async () => {
    const out = join(dir, 'article.en.txt');
    expect((await run(['convert', fixture('project.audarma.json'), out, '--target-lang', 'en'])).code).toBe(
      0,
    );
    expect(read(out)).toBe('Municipal Police\n\nIt will be created in Almaty. The akimat disagrees.\n');
  });

  it('exports the document named by --document, and names the documents when there is none such', async () => {
    const out = join(dir, 'notes.xlf');
    const ok = await run(['convert', fixture('project.audarma.json'), out, '--document', 'notes.ru.txt']);
    expect(ok.code).toBe(0);
    expect(unitsOf(read(out))).toEqual([['Вторая заметка.', 'edited', 'Second note.', []]]);
    const missing = await run([
      'convert',
      fixture('project.audarma.json'),
      join(dir, 'y.xlf'),
      '--document',
      'z',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/has no document "z" \(it has "article\.ru\.txt", "notes\.ru\.txt"\)/);
  });

  it('refuses a broken backup with its line', async () => {
    const r = await run(['convert', fixture('broken-reference.audarma.json'), join(dir, 'z.xlf')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /broken-reference\.audarma\.json: renderings\[0\]: unit "doc_a:u00009" is not in the backup/,
    );
  });
});
