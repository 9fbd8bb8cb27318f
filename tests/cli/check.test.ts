import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { defaultThreads, tightHeaps } from '../../src/cli/commands/check.ts';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['check', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return code.then((c) => ({ code: c, out: out.join('\n'), err: err.join('\n') }));
}

const dir = mkdtempSync(join(tmpdir(), 'audarma-check-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('audarma check', () => {
  const pairs = file(
    'pairs.tsv',
    'id\tsource\ttarget\tnote\n' +
      '1\tВ городе 1 500 полицейских.\tThe city has 1,600 police officers.\tx\n' +
      '2\tМаслихат утвердил бюджет.\tThe maslikhat approved the budget.\t\n' +
      '3\t\tTo pass to contents\t\n',
  );

  it('prints JSON with English messages and exits 1 on a major issue', async () => {
    const { code, out } = await run([pairs, '--source-lang', 'ru', '--target-lang', 'en', '--json']);
    expect(code).toBe(1);
    const json = JSON.parse(out) as {
      segments: number;
      issues: { segment: string; check: string; message: string; span: number[] | null }[];
    };
    expect(json.segments).toBe(3);
    const number = json.issues.find((i) => i.segment === '1' && i.check === 'number-missing');
    expect(number?.message).toBe('The number 1 500 is missing or changed in the translation.');
    expect(number?.span).toEqual([13, 18]);
    expect(json.issues.some((i) => i.segment === '3' && i.check === 'false-friend')).toBe(true);
    expect(json.issues.some((i) => i.segment === '2')).toBe(false);
  });

  it('uses the glossary: an approved term rendered otherwise is reported', async () => {
    const glossary = file('g.csv', 'ru,en,status\nмаслихат,maslikhat,approved\nакимат,akimat,approved\n');
    const other = file(
      'p2.csv',
      'id,source,target\n1,Маслихат утвердил бюджет.,The local council approved the budget.\n',
    );
    const { code, out } = await run([
      other,
      '--source-lang',
      'ru',
      '--target-lang',
      'en',
      '--glossary',
      glossary,
      '--json',
    ]);
    expect(code).toBe(1);
    expect(out).toContain('"check":"term-missing"');
    expect(out).toContain('should be rendered as “maslikhat”');
  });

  it('exits 0 with only minor issues and prints a readable report grouped by segment', async () => {
    const minor = file('minor.tsv', 'id\tsource\ttarget\n7\t\twe continue the story.\n');
    const { code, out } = await run([minor, '--source-lang', 'ru', '--target-lang', 'en']);
    expect(code).toBe(0);
    expect(out).toContain('7: we continue the story.');
    expect(out).toContain('[minor] lowercase-start: The sentence starts with a lower-case letter.');
  });

  it.each([
    [['missing.tsv'], /no such file/],
    [['NOHEADER'], /nohead\.tsv:1: the header needs an "source" column/],
    [['BROKEN'], /broken\.tsv:3: row has 2 cells but the header has 3/],
  ])('refuses bad input with exit 2 and the file and line: %s', async (args, message) => {
    const path =
      args[0] === 'NOHEADER'
        ? file('nohead.tsv', 'id\ttext\n1\tx\n')
        : args[0] === 'BROKEN'
          ? file('broken.tsv', 'id\tsource\ttarget\n1\ta\tb\n2\tc\n')
          : join(dir, 'missing.tsv');
    const { code, err } = await run([path, '--source-lang', 'ru', '--target-lang', 'en']);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('refuses a missing language flag', async () => {
    const { code, err } = await run([pairs, '--source-lang', 'ru']);
    expect(code).toBe(2);
    expect(err).toContain('--target-lang');
  });
});

describe('the default number of check threads', () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 3],
    [4, 4],
    [16, 4],
  ])('on %i cores is %i', (cores, threads) => {
    expect(defaultThreads(cores)).toBe(threads);
  });
});

describe('when a check keeps its heaps tight', () => {
  const MB = 1024 * 1024;
  it.each([
    [100_000, 2, false],
    [1 * MB, 2, true],
    [16.5 * MB, 2, true],
    [16.5 * MB, 1, false],
    [40 * MB, 1, true],
  ])('a file of %i bytes on %i threads: %s', (bytes, threads, tight) => {
    expect(tightHeaps(bytes, threads)).toBe(tight);
  });
});
