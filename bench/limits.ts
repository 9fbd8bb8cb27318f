// Peak memory and time of the command line on big and hostile files, each case in a fresh process:
// 100k- and 1M-unit XLIFF (validate, and convert into CSV and XLIFF, both streamed a unit at a time), a 300 MB text converted to XLIFF (streamed), deep XML,
// a zip bomb, and files too large to read (sparse, so they take no disk). LIMITS_TEXT_MB scales the text.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  createWriteStream,
  ftruncateSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';

type Run = { code: number; ms: number; cpuMs: number; peakMb: number; stderr: string };

const child = new URL('./limitsChild.ts', import.meta.url).pathname;

function cli(args: string[]): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  try {
    return JSON.parse(r.stdout) as Run;
  } catch {
    return {
      code: r.status ?? -1,
      ms: -1,
      cpuMs: -1,
      peakMb: -1,
      stderr: `crashed: ${(r.stderr || '').split('\n').slice(-3).join(' ')}`,
    };
  }
}

/** A compact XLIFF 2.1 file of `n` translated units, written in pieces. */
async function xliff(path: string, n: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = (s: string) => {
    bytes += Buffer.byteLength(s);
    return out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  };
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru" trgLang="en"><file id="f1">\n',
  );
  let chunk = '';
  for (let i = 1; i <= n; i += 1) {
    chunk += `<unit id="u${i}"><segment state="translated"><source>Пункт ${i}.</source><target>Item ${i}.</target></segment></unit>\n`;
    if (i % 10_000 === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(`${chunk}</file></xliff>\n`);
  await new Promise<void>((r) => out.end(() => r()));
  return bytes;
}

/** A plain text of about `mb` megabytes: Russian sentences, paragraphs of one to three lines. */
async function text(path: string, mb: number): Promise<number> {
  const out = createWriteStream(path);
  const lines = [
    'Муниципальная полиция создана в 2015 году в городе Алматы.',
    'Т. Масимов сообщил, что численность составит 1 500 человек. Работа продолжается!',
    'Қалалық полиция 2015 жылғы 2 қарашада құрылды.',
  ];
  let bytes = 0;
  let i = 0;
  while (bytes < mb * 1e6) {
    let chunk = '';
    for (let k = 0; k < 5000; k += 1, i += 1) chunk += `${lines[i % 3]} №${i}.${i % 3 === 2 ? '\n\n' : '\n'}`;
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return bytes;
}

function sparse(path: string, size: number): void {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
}

const summary = (r: Run) => ({
  code: r.code,
  ms: r.ms,
  cpuMs: r.cpuMs,
  peakMb: r.peakMb,
  ...(r.code !== 0 ? { message: r.stderr } : {}),
});

export async function bench(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'audarma-limits-'));
  const figures: Record<string, number | string> = {};
  const record = (name: string, r: Run) => {
    for (const [k, v] of Object.entries(summary(r))) figures[`${name}.${k}`] = v;
  };
  try {
    for (const n of [100_000, 1_000_000]) {
      const path = join(dir, `u${n}.xlf`);
      figures[`xliff${n}.bytes`] = await xliff(path, n);
      record(`xliff${n}.validate`, cli(['validate', path]));
      record(`xliff${n}.toCsv`, cli(['convert', path, join(dir, `u${n}.csv`)]));
      record(`xliff${n}.toXliff`, cli(['convert', path, join(dir, `u${n}-out.xlf`)]));
      rmSync(path, { force: true });
    }
    const mb = Number(process.env.LIMITS_TEXT_MB ?? 300);
    const txt = join(dir, 'big.txt');
    figures['text.bytes'] = await text(txt, mb);
    record('text.toXliff', cli(['convert', txt, join(dir, 'big.xlf')]));
    rmSync(join(dir, 'big.xlf'), { force: true });
    record('text.toDocx', cli(['convert', txt, join(dir, 'big.docx')]));
    rmSync(txt, { force: true });

    for (const levels of [1000, 8000, 200_000]) {
      const path = join(dir, `deep${levels}.xlf`);
      writeFileSync(
        path,
        `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru">${'<a>'.repeat(levels - 1)}${'</a>'.repeat(levels - 1)}</xliff>`,
      );
      record(`deep${levels}.validate`, cli(['validate', path]));
      record(`deep${levels}.convert`, cli(['convert', path, join(dir, 'deep.csv')]));
    }

    const para = '<w:p><w:r><w:t>Да.</w:t></w:r></w:p>';
    const bomb = zipSync(
      {
        'word/document.xml': new TextEncoder().encode(
          `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para.repeat(1_800_000)}</w:body></w:document>`,
        ),
      },
      { level: 9 },
    );
    writeFileSync(join(dir, 'bomb.docx'), bomb);
    figures['zipBomb.bytes'] = bomb.length;
    record('zipBomb.convert', cli(['convert', join(dir, 'bomb.docx'), join(dir, 'bomb.xlf')]));

    sparse(join(dir, 'huge.xlf'), 2 ** 31 + 1);
    record('over2GiB.convert', cli(['convert', join(dir, 'huge.xlf'), join(dir, 'huge.csv')]));
    sparse(join(dir, 'big1g.txt'), 1e9);
    record('text1GB.convert', cli(['convert', join(dir, 'big1g.txt'), join(dir, 'big1g.xlf')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
