import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

/**
 * Hostile and unlucky inputs, generated here (no binary fixtures): each must end with exit code 2 and one
 * line on stderr naming the file, within the time and memory bounds below, and leave no output behind.
 */
const TIME_BOUND_MS = 3000;
const RSS_BOUND_KB = 1.5 * 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'audarma-hostile-'));
const enc = (s: string) => new TextEncoder().encode(s);

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const start = performance.now();
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  const ms = performance.now() - start;
  return { code, out: out.join('\n'), err: err.join('\n'), ms };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A file of `size` bytes that takes no disk space (sparse): stat sees the size, nothing is written. */
function sparse(name: string, size: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

function utf16le(s: string): Uint8Array {
  const b = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i += 1) {
    b[2 * i] = s.charCodeAt(i) & 0xff;
    b[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return b;
}

const XLIFF_HEAD = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru">';
const deep = (levels: number, open = '<a>', close = '</a>') =>
  `${XLIFF_HEAD}${open.repeat(levels)}${close.repeat(levels)}</xliff>`;

function tmxWithBareAmpersandOnLine25(): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" datatype="plaintext"/>',
    '<body>',
  ];
  while (lines.length < 24)
    lines.push('<tu><tuv xml:lang="ru"><seg>а</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu>');
  lines.push(
    '<tu><tuv xml:lang="ru"><seg>Том & Джерри</seg></tuv>',
    '<tuv xml:lang="en"><seg>b</seg></tuv></tu>',
  );
  lines.push(
    '<tu><tuv xml:lang="ru"><seg>а;</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu>',
    '</body></tmx>',
  );
  return lines.join('\n');
}

function zipBomb(): Uint8Array {
  const para = '<w:p><w:r><w:t>Да.</w:t></w:r></w:p>';
  const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para.repeat(700_000)}</w:body></w:document>`;
  return zipSync({ 'word/document.xml': enc(xml) }, { level: 9 });
}

type Case = { name: string; args: () => string[]; message: RegExp };
const out = (ext: string) => join(dir, `out-${Math.random().toString(36).slice(2)}.${ext}`);
const convert =
  (input: () => string, ext = 'xlf', ...flags: string[]) =>
  () => ['convert', input(), out(ext), ...flags];

const cases: Case[] = [
  {
    name: '200,000 nested elements',
    args: convert(() => file('deep.xlf', deep(200_000))),
    message: /deep\.xlf:1: elements are nested more than 1000 levels deep/,
  },
  {
    name: '8,000 nested groups',
    args: convert(() => file('groups.xlf', deep(8000, '<group id="g">', '</group>'))),
    message: /nested more than 1000 levels/,
  },
  {
    name: 'deep TMX',
    args: convert(() => file('deep.tmx', `<tmx version="1.4">${'<b>'.repeat(5000)}`), 'csv'),
    message: /nested more than 1000/,
  },
  {
    name: 'billion laughs',
    args: convert(() => file('lol.xlf', '<!DOCTYPE a [<!ENTITY l "l"><!ENTITY l2 "&l;&l;">]>\n<a>&l2;</a>')),
    message: /lol\.xlf:1: .*entity declarations are refused/,
  },
  {
    name: 'external entity',
    args: convert(
      () => file('xxe.tmx', '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><tmx>&x;</tmx>'),
      'csv',
    ),
    message: /entity declarations are refused/,
  },
  {
    name: 'a zip bomb as .docx',
    args: convert(() => file('bomb.docx', zipBomb())),
    message: /bomb\.docx: word\/document\.xml expands to more than .* zip bomb/,
  },
  {
    name: 'random bytes as .docx',
    args: convert(() =>
      file(
        'junk.docx',
        new Uint8Array(3000).map((_, i) => (i * 7919) % 251),
      ),
    ),
    message: /junk\.docx: not a \.docx/,
  },
  {
    name: 'a file of NUL bytes',
    args: convert(() => file('nul.txt', new Uint8Array(5000))),
    message: /nul\.txt:1: the file holds nothing but NUL bytes/,
  },
  {
    name: 'UTF-16LE without a BOM',
    args: convert(() => file('u16.txt', utf16le('Привет, мир.\nСәлем.\n'))),
    message: /u16\.txt:1: the file looks like UTF-16LE without a byte-order mark/,
  },
  {
    name: 'UTF-16LE without a BOM as XLIFF',
    args: convert(() => file('u16.xlf', utf16le(`${XLIFF_HEAD}</xliff>`)), 'csv'),
    message: /u16\.xlf:1: the file looks like UTF-16LE/,
  },
  {
    name: 'a NUL byte in text',
    args: convert(() => file('bin.txt', 'Один.\nДва.\n\0\n')),
    message: /bin\.txt:3: binary data/,
  },
  {
    name: 'invalid UTF-8',
    args: convert(() => file('latin1.txt', new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0xe9, 0x74, 0xe9]))),
    message: /latin1\.txt:3: not valid UTF-8/,
  },
  {
    name: 'an empty text',
    args: convert(() => file('empty.txt', '')),
    message: /empty\.txt:1: the file holds no text/,
  },
  {
    name: 'white space only',
    args: convert(() => file('blank.txt', ' \n\t\n\r\n')),
    message: /blank\.txt:1: the file holds no text/,
  },
  {
    name: 'an empty text to .docx',
    args: convert(() => file('empty2.txt', ''), 'docx'),
    message: /the file holds no text/,
  },
  {
    name: 'a control character into XLIFF',
    args: convert(() => file('ctl.txt', 'Один.\nДва\u0001.\n')),
    message: /ctl\.txt:2: unit "u2": the character U\+0001 cannot be written in XML/,
  },
  {
    name: 'a control character into TMX',
    args: convert(() => file('ctl2.csv', 'id,ru,en\n1,а,b\n2,в\u0008,c\n'), 'tmx'),
    message: /ctl2\.csv:3: .*U\+0008/,
  },
  {
    name: 'a bare & in TMX',
    args: convert(() => file('amp.tmx', tmxWithBareAmpersandOnLine25()), 'csv'),
    message: /amp\.tmx:25: a bare "&"/,
  },
  {
    name: 'broken JSON',
    args: convert(() => file('bad.json', '{\n  "format": x\n}')),
    message: /bad\.json:2: not valid JSON: expected a value but found "x"/,
  },
  {
    name: 'a bogus source language',
    args: convert(() => file('ok.txt', 'Один.'), 'xlf', '--source-lang', 'zz-bogus'),
    message: /--source-lang: "zz-bogus" is not a supported language/,
  },
  {
    name: 'a malformed language code',
    args: convert(() => file('ok2.txt', 'Один.'), 'xlf', '--target-lang', 'e'),
    message: /--target-lang: "e" is not a language code/,
  },
  {
    name: 'a file over 2 GiB',
    args: convert(() => sparse('huge.xlf', 2 ** 31 + 10)),
    message: /huge\.xlf: the file is too large \(2\.0 GiB; the limit is 1\.0 GiB\)/,
  },
  {
    name: 'a 1.5 GB XLIFF',
    args: convert(() => sparse('big.xlf', 1.5e9), 'csv'),
    message: /big\.xlf: the file is too large \(1\.4 GiB; the limit is 1\.0 GiB\)/,
  },
  {
    name: 'a 1 GB XLIFF of NUL bytes (streamed, refused at the first piece)',
    args: convert(() => sparse('nul1g.xlf', 1e9), 'csv'),
    message: /nul1g\.xlf:1: the file holds nothing but NUL bytes/,
  },
  {
    name: 'a 100 MB TMX (read whole)',
    args: convert(() => sparse('mid.tmx', 100e6), 'csv'),
    message: /mid\.tmx: the file is too large \(.*; the limit is 64 MiB\)/,
  },
  {
    name: 'a 100 MB XLIFF into .docx (read whole)',
    args: convert(() => sparse('mid.xlf', 100e6), 'docx'),
    message: /mid\.xlf: the file is too large \(.*; the limit is 64 MiB\)/,
  },
  {
    name: 'a deep XLIFF into CSV (streamed)',
    args: convert(() => file('deep-s.xlf', deep(200_000)), 'csv'),
    message: /deep-s\.xlf:1: elements are nested more than 1000 levels deep/,
  },
  {
    name: 'a bare & in a streamed XLIFF',
    args: convert(
      () =>
        file(
          'amp.xlf',
          `${XLIFF_HEAD}<file id="f">\n<unit id="u"><segment><source>Том & Джерри</source></segment></unit>\n<unit id="v"><segment><source>а;</source></segment></unit></file></xliff>`,
        ),
      'csv',
    ),
    message: /amp\.xlf:2: a bare "&"/,
  },
  {
    name: 'a 1 GB text',
    args: convert(() => sparse('big.txt', 1e9)),
    message: /big\.txt: the file is too large \(.*; the limit is 512 MiB\)/,
  },
  {
    name: 'a 100 MB text into .docx (read whole)',
    args: convert(() => sparse('mid.txt', 100e6), 'docx'),
    message: /mid\.txt: the file is too large \(.*; the limit is 64 MiB\)/,
  },
  {
    name: 'a folder',
    args: convert(() => (mkdirSync(join(dir, 'folder.xlf'), { recursive: true }), join(dir, 'folder.xlf'))),
    message: /folder\.xlf: is a folder/,
  },
  {
    name: 'a missing file',
    args: convert(() => join(dir, 'missing.xlf')),
    message: /missing\.xlf: no such file/,
  },
  {
    name: 'validate: binary data',
    args: () => ['validate', file('bin.xlf', new Uint8Array([0x3c, 0x61, 0, 1, 2, 0x3e]))],
    message: /bin\.xlf:1: binary data/,
  },
  {
    name: 'validate: over 2 GiB',
    args: () => ['validate', sparse('huge2.tmx', 2 ** 31 + 1)],
    message: /too large/,
  },
  {
    name: 'validate: a 100 MB file that is not XLIFF',
    args: () => ['validate', file('big.tmx', `<tmx version="1.4">${' '.repeat(100e6)}`)],
    message:
      /big\.tmx: the file is too large \(95 MiB; the limit is 64 MiB\): only XLIFF is read in pieces, up to 1\.0 GiB/,
  },
  {
    name: 'segment: UTF-16 without BOM',
    args: () => ['segment', file('seg.txt', utf16le('Привет. Мир.')), '--lang', 'ru'],
    message: /seg\.txt:1: the file looks like UTF-16LE/,
  },
];

describe('hostile input on the command line', () => {
  it.each(cases)('$name: exit 2, one line, nothing written', async ({ args, message }) => {
    const argv = args();
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
    expect(r.ms).toBeLessThan(TIME_BOUND_MS);
    expect(process.resourceUsage().maxRSS).toBeLessThan(RSS_BOUND_KB);
    if (argv[0] === 'convert') expect(existsSync(argv[2] ?? '')).toBe(false);
  });

  it('validate reports deep nesting as not valid (exit 1) quickly, at the line of the element too deep', async () => {
    const r = await run(['validate', file('deep-v.xlf', deep(200_000).replace('<a>', '\n<a>'))]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/deep-v\.xlf:2:\d+: elements are nested more than 1000 levels deep/);
    expect(r.ms).toBeLessThan(TIME_BOUND_MS);
  });

  it('UTF-16 with a BOM is read, not called binary', async () => {
    const bom = new Uint8Array([0xff, 0xfe, ...utf16le('Привет. Мир.\n')]);
    const target = out('xlf');
    const r = await run(['convert', file('bom16.txt', bom), target]);
    expect([r.code, r.err]).toEqual([0, expect.stringMatching(/2 units/)]);
    expect(readFileSync(target, 'utf8')).toContain('<source>Мир.</source>');
  });

  it('formulas are neutralised in CSV and kept as they were in XLIFF', async () => {
    const input = file(
      'formula.txt',
      '=HYPERLINK("http://x","y")\n+cmd\n@SUM(A1)\n-1 балл.\nОбычный текст.\n',
    );
    const csv = out('csv');
    const xlf = out('xlf');
    expect((await run(['convert', input, csv])).code).toBe(0);
    expect((await run(['convert', input, xlf])).code).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n').slice(1, 6)).toEqual([
      'u1,"\'=HYPERLINK(""http://x"",""y"")"',
      "u2,'+cmd",
      "u3,'@SUM(A1)",
      "u4,'-1 балл.",
      'u5,Обычный текст.',
    ]);
    expect(readFileSync(xlf, 'utf8')).toContain('<source>=HYPERLINK("http://x","y")</source>');
    // Reading the CSV back gives the original text.
    const back = out('xlf');
    expect((await run(['convert', csv, back])).code).toBe(0);
    expect(readFileSync(back, 'utf8')).toContain('<source>+cmd</source>');
  });

  it('a control character is kept in CSV, which can hold it', async () => {
    const csv = out('csv');
    const r = await run(['convert', file('ctl3.txt', 'Один.\nДва\u0001.\n'), csv]);
    expect(r.code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('Два\u0001.');
  });
});
