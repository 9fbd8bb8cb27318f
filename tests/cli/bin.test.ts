import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

  // Two whole processes over 4,500 pairs each: slow on a machine the other test files keep busy.
  it('splits a large check over threads and reports exactly what one thread reports', () => {
    const big = join(dir, 'big.tsv');
    const rows = ['id\tsource\ttarget'];
    const subjects = ['Комиссия', 'Больница', 'Поставщик', 'Городской совет'];
    const renderings = ['The commission', 'The hospital', 'The supplier', 'The city council'];
    for (let i = 0; i < 4_500; i += 1) {
      const k = i % 4;
      const n = (i * 37) % 1000;
      // Every 97th pair drops its number, every 101st is left in Russian, and one source appears twice with two
      // renderings far apart, so pair and document checks both have something to find across slices.
      const target =
        i % 97 === 0
          ? `${renderings[k]} reviews applications.`
          : `${renderings[k]} reviews ${n} applications.`;
      const source = `${subjects[k]} рассматривает ${n} заявлений.`;
      rows.push(`u${i}\t${source}\t${i % 101 === 0 ? source : target}`);
    }
    rows.push('dup1\tОтчёт опубликован на сайте.\tThe report is published on the website.');
    rows.push('dup2\tОтчёт опубликован на сайте.\tThe report was put on the site.');
    writeFileSync(big, `${rows.join('\n')}\n`);
    // A project rule that is a regular expression: each thread must load the engine that runs it.
    const rules = join(dir, 'rules.csv');
    writeFileSync(
      rules,
      'id,match,regex,suggestion,severity\nreviews,reviews (\\d+),true,considers $1,minor\n',
    );
    const args = [
      bin,
      'check',
      big,
      '--source-lang',
      'ru',
      '--target-lang',
      'en',
      '--json',
      '--rules',
      rules,
    ];
    const split = spawnSync('node', [...args, '--threads', '2'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const one = spawnSync('node', [...args, '--threads', '1'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(split.status).toBe(1);
    expect(split.stdout).toBe(one.stdout);
    const checks = new Set(
      (JSON.parse(split.stdout) as { issues: { check: string }[] }).issues.map((i) => i.check),
    );
    const calques = (
      JSON.parse(split.stdout) as { issues: { check: string; message: string }[] }
    ).issues.filter((i) => i.check === 'calque' && i.message.includes('considers'));
    expect(calques.length).toBeGreaterThan(4_000);
    for (const id of ['number-missing', 'untranslated', 'inconsistent-translation'])
      expect(checks).toContain(id);
  }, 120_000);

  it('loads no format reader, check, aligner or dictionary to list the commands', () => {
    execFileSync('node', [bin, '--help']);
    // The modules the entry imports up front, followed through the chunks it imports statically.
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(join(root, 'build', 'cli', file), 'utf8');
      for (const m of code.matchAll(/^import\s+(?:[^'"]*?from\s*)?["']([^"']+)["']/gm)) {
        const spec = m[1]!;
        if (spec.startsWith('./')) visit(spec.slice(2));
        else packages.add(spec);
      }
    };
    visit('audarma.mjs');
    expect([...packages].filter((p) => !p.startsWith('node:'))).toEqual([]);
    // The checks are in the bundle, only not on the path --help takes.
    const all = readdirSync(join(root, 'build', 'cli')).filter((f) => f.endsWith('.mjs'));
    expect(
      all.some((f) => readFileSync(join(root, 'build', 'cli', f), 'utf8').includes('"wrong-language"')),
    ).toBe(true);
    for (const file of seen)
      expect(readFileSync(join(root, 'build', 'cli', file), 'utf8')).not.toContain('"wrong-language"');
  });

  it('builds again when a chunk of the bundle has gone, instead of failing when a command asks for it', () => {
    execFileSync('node', [bin, '--help']);
    const chunks = Object.keys(inputs()).filter((f) => f.startsWith('build/cli/chunk-'));
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) rmSync(join(root, chunk));
    const r = spawnSync('node', [bin, 'check', file, '--source-lang', 'ru', '--target-lang', 'kk'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('date-mismatch');
    for (const chunk of Object.keys(inputs()).filter((f) => f.startsWith('build/cli/chunk-')))
      expect(inputs()[chunk]).toBe(signatureOf(chunk));
  });

  it('exits 2 on an unknown command, like the sources', () => {
    const r = spawnSync('node', [bin, 'nonsense'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "nonsense"');
  });
});
