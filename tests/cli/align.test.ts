import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  describe('with a glossary', () => {
    // Sentences written for this test. The third Russian sentence has no translation; without a shared word the
    // aligner leaves out the first instead and shifts the rest by one.
    const ruText = join(dir, 'flood.ru.txt');
    const enText = join(dir, 'flood.en.txt');
    writeFileSync(
      ruText,
      'Утром над рекой стоял густой туман.\nВесной паводок разрушил старый мост у деревни.\n' +
        'Жители долго ждали помощи от властей района.\nОсенью мост восстановили сами добровольцы.\n',
    );
    writeFileSync(
      enText,
      'In the morning a thick fog hung over the river.\nIn spring the flood destroyed the old bridge by the village.\n' +
        'In autumn the volunteers themselves rebuilt the bridge.\n',
    );
    const beadsOf = async (...extra: string[]) => {
      const r = await run([
        'align',
        ruText,
        enText,
        '--source-lang',
        'ru',
        '--target-lang',
        'en',
        '--presegmented',
        '--json',
        ...extra,
      ]);
      expect([r.code, r.err]).toEqual([0, '']);
      return (JSON.parse(r.out) as Json).beads.map((b) => `${b.source}:${b.target}`);
    };

    it.each<[string, string, string[]]>([
      ['an approved pair (CSV)', 'ru,en\nпаводок,flood\n', ['0:0', '3:2']],
      [
        'an approved pair (TSV with statuses)',
        'ru\ten\ten:status\nпаводок\tflood\tapproved\n',
        ['0:0', '3:2'],
      ],
    ])('--glossary with %s puts the sentences back in step', async (_name, csv, expected) => {
      const file = join(dir, csv.includes('\t') ? 'flood.tsv' : 'flood.csv');
      writeFileSync(file, csv);
      const beads = await beadsOf('--glossary', file);
      for (const b of expected) expect(beads).toContain(b);
      expect(beads).not.toContain('0:');
    });

    it('changes nothing with a proposed term or one of another language', async () => {
      const plain = await beadsOf();
      expect(plain).toEqual(['0:', '1:0', '2:1', '3:2']);
      const proposed = join(dir, 'proposed.csv');
      writeFileSync(proposed, 'ru,en,en:status,kk\nпаводок,flood,proposed,тасқын\n');
      expect(await beadsOf('--glossary', proposed)).toEqual(plain);
    });

    it('takes the glossary of --project, and --glossary over it', async () => {
      const backup = JSON.parse(
        readFileSync(join(import.meta.dirname, '../fixtures/cli/project.audarma.json'), 'utf8'),
      ) as { terms: { terms: { lang: string; text: string; status: string }[] }[] };
      backup.terms[0]!.terms = [
        { lang: 'ru', text: 'паводок', status: 'approved' },
        { lang: 'en', text: 'flood', status: 'approved' },
      ];
      const project = join(dir, 'flood.audarma.json');
      writeFileSync(project, JSON.stringify(backup));
      expect(await beadsOf('--project', project)).toContain('0:0');
      const empty = join(dir, 'empty.csv');
      writeFileSync(empty, 'ru,en\nзасуха,drought\n');
      expect(await beadsOf('--project', project, '--glossary', empty)).toContain('0:');
    });

    it('names the file and line of a glossary it cannot read', async () => {
      const bad = join(dir, 'bad.tbx');
      writeFileSync(bad, '<tbx><text>\n<body>');
      const r = await run([
        'align',
        ruText,
        enText,
        '--source-lang',
        'ru',
        '--target-lang',
        'en',
        '--glossary',
        bad,
      ]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^audarma align: .*bad\.tbx: line \d+: /);
    });
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
