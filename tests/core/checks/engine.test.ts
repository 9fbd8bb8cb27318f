import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allChecks,
  checkDocument,
  checkPair,
  checkPairsOfDocument,
  computeDocumentStats,
  documentContext,
  pairLogRatios,
  type CheckPair,
} from '../../../src/core/checks/index.ts';

import { textLength } from '../../../src/core/checks/documentStats.ts';

const ctx = { sourceLang: 'ru', targetLang: 'en' } as const;

describe('textLength', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['Да.', 3],
    ['a  b', 2],
    ['1\u00a0500 тенге', 9],
    ['\tline\r\nnext ', 8],
    ['\u2009thin space counts', 16],
  ])('%j carries %i characters', (text, length) => {
    expect(textLength(text)).toBe(length);
  });

  it('counts every character but space, tab, line breaks and no-break space', () => {
    const spaces = new Set([' ', '\t', '\n', '\r', '\u00a0']);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', 'a', 'ж', '\u2009', '.', '😀')),
        (units) => {
          const text = units.join('');
          expect(textLength(text)).toBe([...text].filter((c) => !spaces.has(c)).join('').length);
        },
      ),
    );
  });
});

describe('engine', () => {
  it('registers at least 35 checks with unique ids', () => {
    const ids = allChecks.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(35);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('honours disabled checks and severity overrides', () => {
    const pair = { id: 'u', source: '', target: 'we continue the the story.' };
    const all = checkPair(pair, ctx).map((i) => i.check);
    expect(all).toEqual(expect.arrayContaining(['lowercase-start', 'doubled-word']));
    const tuned = checkPair(pair, ctx, {
      disabled: ['doubled-word'],
      severity: { 'lowercase-start': 'major' },
    });
    expect(tuned.map((i) => [i.check, i.severity])).toEqual([['lowercase-start', 'major']]);
  });

  it('skips checks that need a source when there is none', () => {
    const issues = checkPair({ id: 'u', source: '', target: 'Something 1,500 odd.' }, ctx);
    expect(issues.filter((i) => allChecks.find((c) => c.id === i.check)?.needsSource)).toEqual([]);
  });

  it('keeps an issue id when the text changes elsewhere, so "not an error" survives a re-check', () => {
    const before = checkPair({ id: 'u', source: '', target: 'They carry out a package of measures.' }, ctx);
    const after = checkPair(
      { id: 'u', source: '', target: 'Today they carry out a package of measures.' },
      ctx,
    );
    expect(after.find((i) => i.check === 'calque')?.id).toBe(before.find((i) => i.check === 'calque')?.id);
  });

  it('judges length against the document: a target half as long as its peers is an omission', () => {
    const pairs: CheckPair[] = Array.from({ length: 12 }, (_, i) => ({
      id: String(i),
      source: `Служба местной полиции номер ${i} работает в городе каждый день.`,
      target: `Local police service number ${i} works in the city every day.`,
    }));
    pairs.push({
      id: 'short',
      source: 'Служба местной полиции работает в городе каждый день без выходных.',
      target: 'It works.',
    });
    const stats = computeDocumentStats(pairs);
    expect(stats.samples).toBe(13);
    const result = checkDocument(pairs, ctx);
    expect(result.get('short')?.map((i) => i.check)).toContain('length-short');
    expect(result.get('3')?.map((i) => i.check)).not.toContain('length-short');
  });

  it("takes each pair's length ratio once, for the statistics and the length checks alike", () => {
    const pairs: CheckPair[] = [
      {
        id: 'a',
        source: 'Служба местной полиции работает каждый день.',
        target: 'The local police work daily.',
      },
      { id: 'b', source: 'Коротко.', target: 'Briefly.' },
      { id: 'c', source: '', target: 'Target only, with no source to measure against.' },
      { id: 'd', source: 'Отчёт  опубликован\tна сайте ведомства.', target: 'It is out.' },
    ];
    const ratios = pairLogRatios(pairs);
    expect(ratios[0]).toBeCloseTo(Math.log(24 / 39), 10);
    // Under 20 characters of text, or no target text: no ratio.
    expect([ratios[1], ratios[2]].every(Number.isNaN)).toBe(true);
    expect(ratios[3]).toBeCloseTo(Math.log(8 / 33), 10);
    expect(computeDocumentStats(pairs, ratios)).toEqual(computeDocumentStats(pairs));
    // The ratios handed to the pair checks are the ones they read: a made-up one moves the verdict.
    const run = documentContext(ctx, computeDocumentStats(pairs));
    const read = (logRatios?: Float64Array) =>
      checkPairsOfDocument([pairs[0]!], run, undefined, logRatios ? { logRatios } : {}).issues.flat();
    expect(read().map((i) => i.check)).not.toContain('length-long');
    expect(read(Float64Array.of(Math.log(4))).map((i) => i.check)).toContain('length-long');
  });

  it('reports the same source rendered differently', () => {
    const pairs = [
      { id: 'a', source: 'Назад к содержанию', target: 'Back to contents' },
      { id: 'b', source: 'Назад к содержанию', target: 'Back to contents' },
      { id: 'c', source: 'Назад к содержанию', target: 'Return to the table of contents' },
    ];
    const result = checkDocument(pairs, ctx);
    expect(result.get('c')?.map((i) => i.check)).toContain('inconsistent-translation');
    expect(result.get('a')?.map((i) => i.check)).not.toContain('inconsistent-translation');
  });

  it('reports progress up to the total', () => {
    const seen: [number, number][] = [];
    checkDocument([{ id: '1', source: 'А.', target: 'A.' }], ctx, undefined, (d, t) => seen.push([d, t]));
    expect(seen.at(-1)).toEqual([1, 1]);
  });

  it('never throws and keeps every span inside its text, whatever the input', () => {
    const text = fc.string({
      unit: fc.constantFrom(...'aбқ1 ,.«»“”()?!-—@:/0%\u00a0ӘI'.split('')),
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, text, fc.constantFrom('en', 'kk'), (source, target, targetLang) => {
        const issues = checkPair(
          { id: 'u', source, target },
          { sourceLang: 'ru', targetLang, spell: () => false },
        );
        for (const i of issues) {
          for (const s of i.target ?? [])
            expect(s.start >= 0 && s.start <= s.end && s.end <= target.length).toBe(true);
          for (const s of i.source ?? [])
            expect(s.start >= 0 && s.start <= s.end && s.end <= source.length).toBe(true);
          if (i.fix) expect(i.fix.span.end).toBeLessThanOrEqual(target.length);
        }
        expect(new Set(issues.map((i) => i.id)).size).toBe(issues.length);
      }),
      { numRuns: 300 },
    );
  });
});
