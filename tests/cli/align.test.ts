import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/align');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

type Json = { beads: { source: number[]; target: number[]; score: number }[] };

describe('audarma align', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audarma-align-'));
  const ru = join(FIXTURES, 'akimat.ru.txt');
  const en = join(FIXTURES, 'akimat.en.txt');
  const kk = join(FIXTURES, 'akimat.kk.txt');

  it('prints beads as JSON covering every segment of both sides in order', async () => {
    const r = await run([
      'align',
      ru,
      en,
      '--source-lang',
      'ru',
      '--target-lang',
      'en',
      '--presegmented',
      '--json',
    ]);
    expect([r.code, r.err]).toEqual([0, '']);
    const json = JSON.parse(r.out) as Json;
    expect(Object.keys(json)).toEqual(['beads']);
    for (const b of json.beads) {
      expect(Object.keys(b)).toEqual(['source', 'target', 'score']);
      expect(b.score).toBeGreaterThanOrEqual(0);
      expect(b.score).toBeLessThanOrEqual(1);
    }
    expect(json.beads.flatMap((b) => b.source)).toEqual([...Array(33).keys()]);
    expect(json.beads.flatMap((b) => b.target)).toEqual([...Array(33).keys()]);
    expect(json.beads[0]).toMatchObject({ source: [0], target: [0] });
    expect(json.beads.map((b) => `${b.source}:${b.target}`)).toContain('5,6:5');
  });

  it('segments running text itself without --presegmented', async () => {
    const src = join(dir, 'ru.txt');
    const tgt = join(dir, 'kk.txt');
    writeFileSync(
      src,
      'Аким провёл встречу с жителями. В ней участвовали 300 человек.\n\nПолиция доложила о ситуации.\n',
    );
    writeFileSync(
      tgt,
      'Әкім тұрғындармен кездесу өткізді. Оған 300 адам қатысты.\n\nПолиция жағдай туралы баяндады.\n',
    );
    const r = await run(['align', src, tgt, '--source-lang=ru', '--target-lang=kk', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Json).beads.map((b) => [b.source, b.target])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
    ]);
  });

  it('prints a readable side-by-side listing without --json', async () => {
    const r = await run(['align', ru, kk, '--source-lang', 'ru', '--target-lang', 'kk', '--presegmented']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^score\s+src\s+tgt\s+source\s+target/);
    expect(r.out).toMatch(/Отчёт акима.*Алматы облысы/);
    expect(r.out).toMatch(/\d+ beads: \d+ one-to-one/);
  });

  it('takes approved term pairs from a TSV file', async () => {
    const terms = join(dir, 'terms.tsv');
    writeFileSync(terms, '# source\ttarget\nаким\tәкім\nполиция\tполиция\n');
    const r = await run([
      'align',
      ru,
      kk,
      '--source-lang',
      'ru',
      '--target-lang',
      'kk',
      '--presegmented',
      '--terms',
      terms,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, 'аким әкім\n');
    const r2 = await run(['align', ru, kk, '--source-lang', 'ru', '--target-lang', 'kk', '--terms', bad]);
    expect([r2.code, r2.err]).toEqual([
      2,
      `audarma align: ${bad}: line 1: expected "source term<TAB>target term"`,
    ]);
  });

  const cases: [string, () => string[], RegExp][] = [
    [
      'a missing file',
      () => ['align', join(dir, 'nope.txt'), en, '--source-lang', 'ru', '--target-lang', 'en'],
      /nope\.txt: no such file/,
    ],
    [
      'a missing target argument',
      () => ['align', ru, '--source-lang', 'ru', '--target-lang', 'en'],
      /missing TGT/,
    ],
    [
      'an empty file',
      () => ['align', write('empty.txt', '\n  \n'), en, '--source-lang', 'ru', '--target-lang', 'en'],
      /empty file/,
    ],
    [
      'a binary file',
      () => ['align', ru, write('bin.txt', 'ab\u0000cd'), '--source-lang', 'ru', '--target-lang', 'en'],
      /binary data/,
    ],
    [
      'an unknown language',
      () => ['align', ru, en, '--source-lang', 'ru', '--target-lang', 'xx'],
      /unknown language "xx"/,
    ],
    ['a missing language', () => ['align', ru, en, '--target-lang', 'en'], /missing --source-lang/],
    [
      'one enormous line',
      () => [
        'align',
        write('huge.txt', `Коротко.\n${'очень длинная строка '.repeat(600)}\n`),
        en,
        '--source-lang',
        'ru',
        '--target-lang',
        'en',
        '--presegmented',
      ],
      /huge\.txt: line 2: a segment of \d+ characters, longer than the limit of 10000/,
    ],
    [
      'English given as Russian',
      () => ['align', en, ru, '--source-lang', 'ru', '--target-lang', 'en'],
      /akimat\.en\.txt: the text is mostly in Latin letters/,
    ],
    [
      'Russian given as Kazakh',
      () => ['align', ru, ru, '--source-lang', 'ru', '--target-lang', 'kk'],
      /looks like Russian, not Kazakh/,
    ],
  ];
  function write(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  }

  it.each(cases)('refuses %s with one line on stderr and exit code 2', async (_what, argv, message) => {
    const r = await run(argv());
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  it('accepts a file with a BOM and Windows line ends', async () => {
    const src = write('bom.txt', '\uFEFFПервое предложение.\r\nВторое предложение.\r\n');
    const tgt = write('bom-en.txt', 'The first sentence.\r\nThe second sentence.\r\n');
    const r = await run([
      'align',
      src,
      tgt,
      '--source-lang',
      'ru',
      '--target-lang',
      'en',
      '--presegmented',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Json).beads).toHaveLength(2);
  });
});
