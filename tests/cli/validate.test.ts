import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({
    code,
    out: out.join('\n'),
    err: err.join('\n'),
  }));
}

type Report = { valid: boolean; format: string; errors: { line: number; message: string }[] };
const fixture = (name: string) => join(import.meta.dirname, '../fixtures/cli', name);

describe('audarma validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audarma-validate-'));
  it('reports the version and problems as JSON', async () => {
    const f = join(dir, 'a.xlf');
    writeFileSync(
      f,
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru">\n<file id="f1">\n<unit id="1"><segment><source>a</source><target>b</target></segment></unit></file></xliff>',
    );
    const r = await run(['validate', f, '--json']);
    const json = JSON.parse(r.out) as Report;
    expect([r.code, json.valid, json.format, json.errors[0]?.line]).toEqual([1, false, 'xliff-2.0', 3]);
    expect(json.errors[0]?.message).toMatch(/trgLang/);
  });
  it('says a good file is valid', async () => {
    const f = join(dir, 'b.tmx');
    writeFileSync(
      f,
      '<tmx version="1.4"><header srclang="ru"/><body><tu><tuv xml:lang="ru"><seg>a</seg></tuv></tu></body></tmx>',
    );
    const r = await run(['validate', f, '--json']);
    expect(JSON.parse(r.out)).toEqual({ valid: true, format: 'tmx', errors: [] });
  });
  it('says a TBX v3 Basic file is valid', async () => {
    const r = await run(['validate', fixture('glossary.tbx'), '--json']);
    expect([r.code, JSON.parse(r.out)]).toEqual([0, { valid: true, format: 'tbx', errors: [] }]);
  });
});

describe('audarma validate: project backups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audarma-validate-json-'));
  const good = readFileSync(fixture('project.audarma.json'), 'utf8');
  const check = async (text: string, name = 'p.json') => {
    const f = join(dir, name);
    writeFileSync(f, text);
    const r = await run(['validate', f, '--json']);
    return { code: r.code, report: JSON.parse(r.out) as Report };
  };

  it('says a backup is valid and names its format and version', async () => {
    expect(await check(good)).toEqual({
      code: 0,
      report: { valid: true, format: 'audarma-backup-1', errors: [] },
    });
  });

  it('recognises a backup by its content when the name does not end in .json', async () => {
    expect((await check(good, 'backup.audarma')).report.format).toBe('audarma-backup-1');
  });

  // Each case: what is broken, the text, the line reported, and what the message must say.
  it.each([
    [
      'a record of the one-per-line layout',
      good.replace('"state":"reviewed"', '"state":"done"'),
      18,
      /renderings\[1\]\.state: "done" is not one of/,
    ],
    [
      'a reference',
      good.replace(
        '"unitId":"doc_b:u00000","documentId":"doc_b"',
        '"unitId":"doc_b:u00007","documentId":"doc_b"',
      ),
      20,
      /renderings\[3\]: unit "doc_b:u00007" is not in the backup/,
    ],
    ['JSON syntax', good.replace('"kind":"heading",', '"kind":"heading",,'), 11, /not valid JSON/],
    [
      'a newer version',
      good.replace('"version":1,', '"version":9,'),
      3,
      /version 9, made by a newer Audarma/,
    ],
    [
      'a document count',
      good.replace('"unitCount":3', '"unitCount":4'),
      7,
      /documents\[0\]: unitCount is 4 but the backup has 3/,
    ],
  ])('reports %s with its line', async (_what, text, line, message) => {
    const { code, report } = await check(text);
    expect([code, report.valid, report.format, report.errors[0]?.line]).toEqual([
      1,
      false,
      expect.stringMatching(/^audarma-backup-\d$|^json$/),
      line,
    ]);
    expect(report.errors[0]?.message).toMatch(message);
  });

  it('finds the line of a problem in a pretty-printed backup', async () => {
    const r = await run(['validate', fixture('broken-reference.audarma.json'), '--json']);
    const report = JSON.parse(r.out) as Report;
    expect([r.code, report.format, report.errors]).toEqual([
      1,
      'audarma-backup-1',
      [{ line: 28, message: 'renderings[0]: unit "doc_a:u00009" is not in the backup' }],
    ]);
  });

  it('points at a missing field where its record starts when the file is pretty-printed', async () => {
    const text = JSON.stringify(JSON.parse(good.replace('"name":"notes.ru.txt",', '')), null, 2);
    const { report } = await check(text);
    const line = text.split('\n').findIndex((l) => l.includes('"id": "doc_b"')) + 1;
    expect(report.errors).toEqual([{ line: line - 1, message: 'documents[1].name: expected a string' }]);
  });

  it('says JSON that is not a backup is not valid, format json', async () => {
    const { code, report } = await check('{\n  "format": "something-else"\n}\n');
    expect([code, report]).toEqual([
      1,
      {
        valid: false,
        format: 'json',
        errors: [{ line: 2, message: expect.stringMatching(/not an Audarma backup/) }],
      },
    ]);
  });

  it('prints file:line in the plain report', async () => {
    const r = await run(['validate', fixture('broken-reference.audarma.json')]);
    expect(r.out).toMatch(
      /not valid audarma-backup-1 \(1 problem\)\n {2}.*broken-reference\.audarma\.json:28: renderings\[0\]/,
    );
  });
});
