import { describe, expect, it } from 'vitest';
import { checkPair } from '../../../src/core/checks/index.ts';
import { fromLabels, toLabels } from '../../../src/core/text/codeTokens.ts';

/** Findings of the check for a pair written with labels (⟨1⟩, ⟨/1⟩, ⟨2/⟩), as [message key, codes]. */
function run(source: string, target: string) {
  return checkPair(
    { id: 'u1', source: fromLabels(source), target: fromLabels(target) },
    { sourceLang: 'ru', targetLang: 'en' },
  )
    .filter((i) => i.check === 'inline-code-mismatch')
    .map((i) => [i.messageKey, String(i.params?.codes ?? i.params?.code)]);
}

describe('inline-code-mismatch', () => {
  it.each([
    ['codes as in the source', '⟨1⟩Важно⟨/1⟩: читать ⟨2/⟩', '⟨1⟩Important⟨/1⟩: read ⟨2/⟩'],
    ['pairs moved and swapped (word order)', '⟨1⟩a⟨/1⟩ и ⟨2⟩b⟨/2⟩', '⟨2⟩b⟨/2⟩ and ⟨1⟩a⟨/1⟩'],
    [
      'a pair moved inside another',
      'Нажмите ⟨1⟩кнопку⟨/1⟩ ⟨2⟩здесь⟨/2⟩',
      '⟨2⟩Here, press ⟨1⟩the button⟨/1⟩⟨/2⟩',
    ],
    ['no codes on either side', 'Текст <b>с тегом</b>', 'Text <b>with a tag</b>'],
    ['a source whose own pairs cross, kept so', '⟨1⟩а ⟨2⟩б⟨/1⟩ в⟨/2⟩', '⟨1⟩a ⟨2⟩b⟨/1⟩ c⟨/2⟩'],
    ['an empty target (another check says so)', '⟨1⟩Текст⟨/1⟩', ''],
  ])('stays quiet: %s', (_name, source, target) => {
    expect(run(source, target)).toEqual([]);
  });

  it.each([
    ['a placeholder left out', 'Шаг ⟨1/⟩ готов', 'Step done', [['checks.codes.missing', '⟨1/⟩']]],
    ['a whole pair left out', '⟨1⟩Важно⟨/1⟩', 'Important', [['checks.codes.missing', '⟨1⟩ ⟨/1⟩']]],
    [
      'half of a pair left out',
      '⟨1⟩Важно⟨/1⟩ сейчас',
      '⟨1⟩Important now',
      [['checks.codes.missing', '⟨/1⟩']],
    ],
    ['a code the source does not have', 'Текст', 'Text ⟨3/⟩', [['checks.codes.extra', '⟨3/⟩']]],
    ['a code twice', 'Шаг ⟨1/⟩', 'Step ⟨1/⟩ ⟨1/⟩', [['checks.codes.extra', '⟨1/⟩']]],
    [
      'a pair closed before it opens',
      '⟨1⟩Важно⟨/1⟩',
      '⟨/1⟩Important⟨1⟩',
      [['checks.codes.order', '⟨/1⟩ ⟨1⟩']],
    ],
    [
      'pairs crossing where the source nests them',
      '⟨1⟩а ⟨2⟩б⟨/2⟩⟨/1⟩',
      '⟨1⟩a ⟨2⟩b⟨/1⟩⟨/2⟩',
      [['checks.codes.order', '⟨1⟩ ⟨2⟩ ⟨/1⟩ ⟨/2⟩']],
    ],
  ])('fires: %s', (_name, source, target, expected) => {
    expect(run(source, target)).toEqual(expected);
  });

  it('offers the missing codes at the end when every pair stays whole', () => {
    const [issue] = checkPair(
      { id: 'u1', source: fromLabels('⟨1⟩Важно⟨/1⟩ ⟨2/⟩'), target: fromLabels('Important') },
      { sourceLang: 'ru', targetLang: 'en' },
    ).filter((i) => i.check === 'inline-code-mismatch');
    expect(issue?.fix?.span).toEqual({ start: 9, end: 9 });
    expect(toLabels(issue?.fix?.replacement ?? '')).toBe('⟨1⟩⟨/1⟩⟨2/⟩');
  });

  it('offers no fix where appending would close a pair before it opens', () => {
    const [issue] = checkPair(
      { id: 'u1', source: fromLabels('⟨1⟩Важно⟨/1⟩'), target: fromLabels('Important⟨/1⟩') },
      { sourceLang: 'ru', targetLang: 'en' },
    ).filter((i) => i.check === 'inline-code-mismatch');
    expect(issue?.messageKey).toBe('checks.codes.missing');
    expect(issue?.fix).toBeUndefined();
  });
});
