import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { convertFile } from '../../src/core/formats/convertFile.ts';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({
    code,
    out: out.join('\n'),
    err: err.join('\n'),
  }));
}

const dir = mkdtempSync(join(tmpdir(), 'audarma-table-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/**
 * A table of a little over 1 MiB (the size of one piece read), so that rows, quoted line breaks, doubled
 * quotes and CRLF fall on the boundary between two pieces; three languages, some targets empty.
 */
function bigTable(delimiter: ',' | '\t'): string {
  const rows = [`\uFEFFid${delimiter}ru${delimiter}en${delimiter}kk`];
  const cell = (text: string) => (/["\r\n,\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  for (let i = 0; i < 15_000; i += 1) {
    const ru = i % 7 === 0 ? `Строка ${i}\nс переносом и «кавычками» "${i}"` : `Строка номер ${i} о полиции.`;
    const en = i % 5 === 0 ? '' : i % 3 === 0 ? `Row "${i}",\r\nsplit` : `Row number ${i} about the police.`;
    const kk = i % 4 === 0 ? '' : `Полиция туралы ${i} жол.`;
    rows.push([`u${i}`, cell(ru), cell(en), cell(kk)].join(delimiter));
  }
  return `${rows.join('\r\n')}\r\n`;
}

describe('convert streams a CSV/TSV document', () => {
  const csv = file('big.csv', bigTable(','));
  const tsv = file('big.tsv', bigTable('\t'));

  it('is bigger than one piece read, so pieces meet inside rows', () => {
    expect(readFileSync(csv).length).toBeGreaterThan(1024 * 1024);
  });

  it.each([
    [csv, 'out.xlf', []],
    [csv, 'out12.xlf', ['--xliff-version', '1.2']],
    [csv, 'out-kk.xlf', ['--target-lang', 'kk']],
    [csv, 'out.tmx', []],
    [csv, 'out.tsv', []],
    [tsv, 'out.csv', []],
    [tsv, 'out.txt', ['--target-lang', 'en']],
    [tsv, 'out-en.xliff', ['--source-lang', 'en']],
  ])('%s → %s %j: the same bytes as converting it whole', async (input, name, flags) => {
    const out = join(dir, name);
    const r = await run(['convert', input, out, ...flags]);
    expect(r.err).toBe(`${input} → ${out}: 15000 units`);
    expect(r.code).toBe(0);
    const options = Object.fromEntries(
      flags
        .filter((f) => f.startsWith('--'))
        .map((f, k) => [
          { '--xliff-version': 'xliffVersion', '--target-lang': 'targetLang', '--source-lang': 'sourceLang' }[
            f
          ]!,
          flags[2 * k + 1],
        ]),
    );
    const whole = convertFile(new Uint8Array(readFileSync(input)), input, out, { ...options, now: 0 });
    if (!whole.ok) throw new Error(whole.error.message);
    expect(readFileSync(out).equals(Buffer.from(whole.value.bytes))).toBe(true);
  });

  it.each([
    [
      'dup.csv',
      'id,ru,en\na,Один.,One.\nb,"Два\nстроки.",Two.\nb,Три.,Three.\n',
      'dup.csv:5: id "b" is used twice',
    ],
    ['cells.csv', 'id,ru,en\na,Один.,One.\n\nb,Два.\n', 'cells.csv:4: row has 2 cells but the header has 3'],
    ['quote.csv', 'id,ru,en\na,"Один.,One.\n', 'quote.csv:2: a quoted field is never closed'],
    ['lang.csv', 'id,ru,english\na,Один.,One.\n', 'lang.csv:1: column "english" is not a language code'],
    ['empty.csv', 'id,ru,en\n\n', 'empty.csv:1: the file holds no text: nothing to convert'],
    [
      'ctl.csv',
      'id,ru,en\na,"Один\nдва",One.\nb,Два.,"Tw\no\u0001"\n',
      'ctl.csv:5: unit "b": the character U+0001',
    ],
  ])('refuses %s with the file and line, writing nothing', async (name, text, message) => {
    const out = join(dir, `${name}.xlf`);
    const r = await run(['convert', file(name, text), out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(() => readFileSync(out)).toThrow();
  });
});
