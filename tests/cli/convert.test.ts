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

describe('audarma convert', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audarma-convert-'));
  const csv = join(dir, 'in.csv');
  writeFileSync(csv, 'id,ru,en\nu1,Полиция Алматы.,Almaty police.\nu2,Второй.,\n');

  it.each(['out.xlf', 'out.tmx', 'out.tsv', 'out.txt', 'out.docx'])(
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
