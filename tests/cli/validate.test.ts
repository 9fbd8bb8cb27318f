import { mkdtempSync, writeFileSync } from 'node:fs';
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

describe('audarma validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audarma-validate-'));
  it('reports the version and problems as JSON', async () => {
    const f = join(dir, 'a.xlf');
    writeFileSync(
      f,
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru">\n<file id="f1">\n<unit id="1"><segment><source>a</source><target>b</target></segment></unit></file></xliff>',
    );
    const r = await run(['validate', f, '--json']);
    const json = JSON.parse(r.out) as {
      valid: boolean;
      format: string;
      errors: { line: number; message: string }[];
    };
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
});
