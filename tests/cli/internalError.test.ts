import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

// A bug anywhere in the conversion: the command line must say so in one line with exit code 3.
vi.mock('../../src/core/formats/convertFile.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/core/formats/convertFile.ts')>()),
  convertFile: () => {
    throw new TypeError('cannot read properties of undefined\n    at somewhere (file.ts:1:1)');
  },
}));

async function run(argv: string[]) {
  const err: string[] = [];
  const code = await main(argv, { out: () => undefined, err: (t) => err.push(t) });
  return { code, err: err.join('\n') };
}

describe('an internal error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audarma-internal-'));
  // TMX is converted whole, through convertFile (XLIFF into CSV is streamed).
  const input = join(dir, 'in.tmx');
  writeFileSync(input, '<tmx/>');

  it('exits 3 with one line and no stack trace', async () => {
    const r = await run(['convert', input, join(dir, 'out.csv')]);
    expect(r.code).toBe(3);
    expect(r.err).toBe(
      'audarma: internal error: cannot read properties of undefined at somewhere (file.ts:1:1) (run again with --debug for details)',
    );
  });

  it('prints the stack trace with --debug', async () => {
    const r = await run(['convert', input, join(dir, 'out.csv'), '--debug']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^TypeError: cannot read properties[\s\S]*\n\s+at /);
  });
});
