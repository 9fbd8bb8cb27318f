import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { arrayItemLines } from '../../src/cli/check/projectFiles.ts';
import { phraseRulesToCsv, phraseRulesToJson, type PhraseRule } from '../../src/core/checks/phraseRules.ts';
import { parseBundle, serialiseBundle } from '../../src/core/formats/backup.ts';
import { parseGlossaryCsv } from '../../src/core/formats/glossaryCsv.ts';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['check', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return code.then((c) => ({ code: c, out: out.join('\n'), err: err.join('\n') }));
}

const dir = mkdtempSync(join(tmpdir(), 'audarma-rules-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

type Found = { segment: string; check: string; severity: string; message: string };
async function issues(args: string[]): Promise<Found[]> {
  const r = await run([...args, '--json']);
  if (r.code > 1) throw new Error(r.err);
  return (JSON.parse(r.out) as { issues: Found[] }).issues;
}
const brief = (found: Found[]) => found.map((i) => [i.segment, i.check, i.severity]);

// Sentences written for these tests.
const pairs = file(
  'pairs.tsv',
  'id\tsource\ttarget\n' +
    '1\tВ рамках проекта отремонтировано 12 мостов.\tIn the framework of the project 12 bridges were repaired.\n' +
    '2\tЗаседание назначено на 14.03.2021.\tThe meeting is set for March 2021.\n' +
    '3\tДокумент подписан министром.\tThe document was signed by the minisetr.\n',
);

const rule: PhraseRule = {
  id: 'house-framework',
  match: 'in the framework of',
  regex: false,
  lang: 'en',
  suggestion: 'under',
  severity: 'major',
  category: 'style',
  kind: 'calque',
  note: 'House style',
};
const regexRule: PhraseRule = {
  id: 'house-set-for',
  match: 'is set for (\\w+)',
  regex: true,
  lang: 'en',
  suggestion: 'is scheduled for $1',
  severity: 'minor',
  category: 'style',
  kind: 'calque',
};

describe('audarma check --rules', () => {
  const langs = ['--source-lang', 'ru', '--target-lang', 'en'];

  it('finds nothing of the project rules without them', async () => {
    const found = await issues([pairs, ...langs]);
    expect(found.some((i) => i.message.includes('scheduled') || i.message.includes('“Under”'))).toBe(false);
  });

  it.each([
    ['rules.csv', phraseRulesToCsv([rule, regexRule])],
    ['rules.tsv', phraseRulesToCsv([rule, regexRule]).replace(/,/g, '\t')],
    ['rules.json', phraseRulesToJson([rule, regexRule])],
  ])(
    'reads the app export %s: a phrase and a regular expression fire with their severities',
    async (name, text) => {
      const found = await issues([pairs, ...langs, '--rules', file(name, text)]);
      const framework = found.find((i) => i.segment === '1' && i.message.includes('“Under”'));
      expect(framework).toMatchObject({ check: 'calque', severity: 'major' });
      const scheduled = found.find((i) => i.segment === '2' && i.message.includes('is scheduled for March'));
      expect(scheduled).toMatchObject({ check: 'calque', severity: 'minor' });
      expect(found.filter((i) => i.segment === '3' && i.check === 'calque')).toEqual([]);
    },
  );

  it.each([
    [
      'bad-severity.csv',
      'id,match,severity\nok,in the framework of,minor\nbad,set for,fatal\n',
      /bad-severity\.csv:3: unknown severity "fatal"$/,
    ],
    ['no-match.csv', 'id,phrase\nx,y\n', /no-match\.csv:1: the header has no "match" column$/],
    [
      'lookbehind.json',
      '[\n  {"id": "a", "match": "framework"},\n  {\n    "id": "b",\n    "match": "(?<=x)y",\n    "regex": true\n  }\n]\n',
      /lookbehind\.json:3: rule 2: rule b: /,
    ],
    [
      'syntax.json',
      '[\n  {"id": "a", "match": "x"},\n  {"id": "b" "match": "y"}\n]\n',
      /syntax\.json:3: not valid JSON/,
    ],
  ])('refuses %s with the file and line', async (name, text, message) => {
    const r = await run([pairs, ...langs, '--rules', file(name, text)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

/** A one-project backup of the pairs (made by convert), with settings and terms put in as the app stores them. */
async function backup(name: string, settings: unknown, glossaryCsv?: string): Promise<string> {
  const out = join(dir, `${name}.json`);
  const made = await main(['convert', file(`${name}.csv`, 'id,ru,en\n1,Один.,One.\n'), out], {
    out: () => {},
    err: () => {},
  });
  expect(made).toBe(0);
  const parsed = parseBundle(readFileSync(out, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const b = parsed.value;
  const terms = glossaryCsv ? parseGlossaryCsv(glossaryCsv, b.project.id, 0) : undefined;
  if (terms && !terms.ok) throw new Error(terms.error.message);
  writeFileSync(
    out,
    serialiseBundle({
      ...b,
      settings: [{ key: `checkSettings:${b.project.id}`, value: settings }],
      terms: terms?.value ?? [],
    }),
  );
  return out;
}

describe('audarma check --project', () => {
  it('takes the languages, check settings and glossary of a project backup', async () => {
    const project = await backup(
      'settings',
      {
        disabled: ['spelling'],
        severity: { 'date-mismatch': 'critical' },
        phraseRules: [rule],
      },
      'ru,en,status\nмост,bridge,approved\nминистр,minister,approved\n',
    );
    const found = await issues([pairs, '--project', project]);
    const plain = await issues([pairs, '--source-lang', 'ru', '--target-lang', 'en']);
    // The backup's settings: spelling off, the date finding critical, the project's rule checked.
    expect(brief(plain)).toContainEqual(['3', 'spelling', 'minor']);
    expect(brief(found).filter(([, check]) => check === 'spelling')).toEqual([]);
    expect(brief(plain)).toContainEqual(['2', 'date-mismatch', 'major']);
    expect(brief(found)).toContainEqual(['2', 'date-mismatch', 'critical']);
    expect(found.find((i) => i.segment === '1' && i.message.includes('“Under”'))).toBeDefined();
    // The backup's glossary: "министр" is to be "minister", and the target has "minisetr".
    expect(brief(found)).toContainEqual(['3', 'term-missing', 'major']);
    expect(brief(plain).filter(([, check]) => check === 'term-missing')).toEqual([]);
  });

  it('lays --rules over the backup’s rules, a rule of the same id replaced', async () => {
    const project = await backup('over', { phraseRules: [rule] });
    const milder = file('milder.csv', phraseRulesToCsv([{ ...rule, severity: 'minor' }]));
    const found = await issues([pairs, '--project', project, '--rules', milder]);
    const framework = found.filter((i) => i.segment === '1' && i.message.includes('“Under”'));
    expect(framework.map((i) => i.severity)).toEqual(['minor']);
  });

  it.each([
    [{ severity: { spelling: 'huge' } }, /"severity" of spelling: "huge"/],
    [{ phraseRules: [{ id: 'x', match: '' }] }, /"phraseRules": rule 1: the rule has no phrase/],
    [{ englishSpelling: 'en-AU' }, /"englishSpelling": "en-AU"/],
  ])('refuses settings %j with the file and the line of the setting', async (settings, message) => {
    const project = await backup('bad', settings);
    const line =
      readFileSync(project, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"checkSettings:')) + 1;
    const r = await run([pairs, '--project', project]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`bad.json:${line}: setting "checkSettings:`);
    expect(r.err).toMatch(message);
  });

  it('refuses a file that is not a backup, with its line', async () => {
    const r = await run([
      pairs,
      '--project',
      file('broken.json', '{\n  "format": "audarma-backup",\n  oops\n}\n'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.json:3: not valid JSON/);
  });
});

describe('arrayItemLines', () => {
  it('finds the line each top-level element starts on, whatever its strings and nesting hold', () => {
    const text = '[\n  {"a": "[,{"},\n\n  [1, 2],\n  "x\\"]",\n  3\n]';
    expect(arrayItemLines(text)).toEqual([2, 4, 5, 6]);
    expect(arrayItemLines('[]')).toEqual([]);
  });
});
