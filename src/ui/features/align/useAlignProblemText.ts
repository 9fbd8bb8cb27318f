import { useTranslation } from 'react-i18next';
import type { AlignProblem } from '../../../worker/jobs/align.ts';

/** A problem with an imported text in the reviewer's language, naming the file and, where known, the line. */
export function useAlignProblemText() {
  const { t } = useTranslation();
  return (problem: AlignProblem, file: string, language: string): string => {
    const where = { file, language };
    switch (problem.code) {
      case 'empty':
        return t('align.problem.empty', where);
      case 'tooLarge':
        return t('align.problem.tooLarge', {
          ...where,
          size: Math.round(problem.bytes / 1e6),
          limit: Math.round(problem.limit / 1e6),
        });
      case 'binary':
        return t('align.problem.binary', { ...where, line: problem.line });
      case 'notUtf8':
        return t('align.problem.notUtf8', { ...where, line: problem.line });
      case 'wrongScript':
        return t(problem.expected === 'Cyrillic' ? 'align.problem.notCyrillic' : 'align.problem.notLatin', {
          ...where,
          share: problem.share,
        });
      case 'notKazakh':
        return t('align.problem.notKazakh', where);
      case 'looksKazakh':
        return t('align.problem.looksKazakh', where);
      case 'longSegment':
        return t('align.problem.longSegment', {
          ...where,
          line: problem.line,
          chars: problem.chars,
          limit: problem.limit,
        });
      case 'tooMany':
        return t('align.problem.tooMany', { ...where, count: problem.count, limit: problem.limit });
    }
  };
}
