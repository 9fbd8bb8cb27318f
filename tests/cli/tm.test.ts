import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/memory');
const TMX = join(FIXTURES, 'offices.tmx');
const QUERIES = join(FIXTURES, 'queries.ru.txt');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

type Json = { results: { query: string; matches: { source: string; target: string; score: number }[] }[] };

describe('audarma tm lookup', () => {
  it('prints the best matches of each query line as JSON', async () => {
    const r = await run([
      'tm',
      'lookup',
      '--tm',
      TMX,
      '--source-lang',
      'ru',
      '--target-lang',
      'en',
      QUERIES,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Json;
    expect(json.results.map((q) => q.query)).toEqual([
      'Офис закрыт в праздничные дни.',
      'Статья 12 применяется ко всем жителям.',
      'Мост откроют весной.',
    ]);
    expect(json.results[0]?.matches[0]).toEqual({
      source: 'Офис закрыт в праздничные дни.',
      target: 'The office is closed on public holidays.',
      score: 100,
    });
    const article = json.results[1]?.matches[0];
    expect(article?.target).toBe('Article 10 applies to all residents.');
    expect(article?.score).toBeGreaterThanOrEqual(90);
    expect(article?.score).toBeLessThan(100);
    expect(json.results[2]?.matches).toEqual([]);
    for (const q of json.results) expect(q.matches.length).toBeLessThanOrEqual(3);
  });

  it('refuses a missing memory, an unknown language and a missing subcommand with a clear message', async () => {
    const missing = await run([
      'tm',
      'lookup',
      '--tm',
      join(FIXTURES, 'none.tmx'),
      '--source-lang',
      'ru',
      '--target-lang',
      'en',
      QUERIES,
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('none.tmx: no such file');
    const kk = await run([
      'tm',
      'lookup',
      '--tm',
      TMX,
      '--source-lang',
      'ru',
      '--target-lang',
      'kk',
      QUERIES,
    ]);
    expect(kk.code).toBe(2);
    expect(kk.err).toContain('no kk text');
    const bare = await run(['tm', '--tm', TMX]);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('unknown subcommand');
  });
});
