import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presegmentedLines, scriptProblem } from '../../../src/core/align/input.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/align');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('scriptProblem', () => {
  it('accepts each fixture in its own language', () => {
    expect(scriptProblem(read('akimat.ru.txt'), 'ru')).toBeNull();
    expect(scriptProblem(read('akimat.en.txt'), 'en')).toBeNull();
    expect(scriptProblem(read('akimat.kk.txt'), 'kk')).toBeNull();
  });

  it('refuses a text evidently in another script or language', () => {
    expect(scriptProblem(read('akimat.en.txt'), 'ru')).toMatch(/Latin/);
    expect(scriptProblem(read('akimat.ru.txt'), 'en')).toMatch(/Cyrillic/);
    expect(scriptProblem(read('akimat.ru.txt'), 'kk')).toMatch(/Russian/);
    expect(scriptProblem(read('akimat.kk.txt'), 'ru')).toMatch(/Kazakh/);
  });

  it('does not judge short texts or mixed ones', () => {
    expect(scriptProblem('OK', 'ru')).toBeNull();
    expect(scriptProblem('Компания Kaspi Bank открыла офис в Астане.', 'ru')).toBeNull();
    expect(scriptProblem('Аким города встретился с жителями.', 'kk')).toBeNull();
  });
});

describe('presegmentedLines', () => {
  it('takes one segment per line, skips blank lines and numbers paragraphs by them', () => {
    const { segments, lines } = presegmentedLines('\uFEFFОдин.\r\nДва.\n\n\n  Три.  \n');
    expect(segments).toEqual([
      { text: 'Один.', paragraph: 0 },
      { text: 'Два.', paragraph: 0 },
      { text: 'Три.', paragraph: 1 },
    ]);
    expect(lines).toEqual([1, 2, 5]);
  });
});
