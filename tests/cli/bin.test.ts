import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'audarma.mjs');
const inputsPath = join(root, 'build', 'cli', 'inputs.json');

function inputs(): Record<string, string> {
  return JSON.parse(readFileSync(inputsPath, 'utf8')) as Record<string, string>;
}

function signatureOf(file: string): string {
  const s = statSync(join(root, file));
  return `${s.size}:${s.mtimeMs}`;
}

// The installed command runs a bundle of the sources; it has to behave exactly as the sources do.
describe('bin/audarma.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audarma-bin-'));
  const file = join(dir, 'pairs.tsv');
  writeFileSync(file, 'id\tsource\ttarget\n1\tСрок — 11.06.2000.\tThe deadline is June 2000.\n');

  it('runs a check from the bundle and exits 1 on a major issue', () => {
    const r = spawnSync('node', [bin, 'check', file, '--source-lang', 'ru', '--target-lang', 'kk'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('date-mismatch');
    // Every source the bundle was made from is recorded with its current size and time.
    const recorded = inputs();
    expect(recorded['src/cli/main.ts']).toBe(signatureOf('src/cli/main.ts'));
    expect(recorded['src/core/checks/registry.ts']).toBe(signatureOf('src/core/checks/registry.ts'));
  });

  it('rebuilds the bundle when a source no longer matches what it was built from', () => {
    execFileSync('node', [bin, '--help']);
    const stale = { ...inputs(), 'src/cli/main.ts': '0:0' };
    writeFileSync(inputsPath, JSON.stringify(stale));
    const out = execFileSync('node', [bin, '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/^Usage: audarma <command>/);
    expect(inputs()['src/cli/main.ts']).toBe(signatureOf('src/cli/main.ts'));
  });

  it('exits 2 on an unknown command, like the sources', () => {
    const r = spawnSync('node', [bin, 'nonsense'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "nonsense"');
  });
});
