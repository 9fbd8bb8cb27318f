import type { TFunction } from 'i18next';
import type { Issue } from '../../../core/checks/types.ts';
import { toLabels } from '../../../core/text/codeTokens.ts';

/** Checks whose fix is best said as what it does to the text, not as a bare replacement. */
const SPECIFIC: Readonly<Record<string, string>> = {
  'lowercase-start': 'issues.fixLabel.capitalise',
  'lowercase-i': 'issues.fixLabel.capitalI',
  'double-space': 'issues.fixLabel.singleSpace',
  'doubled-word': 'issues.fixLabel.removeRepeat',
  'missing-space': 'issues.fixLabel.addSpace',
};

const shown = (text: string) => text.replace(/\s/g, '·');

/** The fix button's label: what it will change, quoting the text it replaces where that helps. */
export function fixLabel(t: TFunction, issue: Issue, checkedText: string | undefined): string {
  const fix = issue.fix;
  if (!fix) return '';
  const old = checkedText?.slice(fix.span.start, fix.span.end) ?? '';
  if (issue.check === 'inline-code-mismatch')
    return t('issues.fixLabel.addCodes', { codes: toLabels(fix.replacement) });
  const specific = SPECIFIC[issue.check];
  if (specific) return t(specific, { old: old.trim(), replacement: fix.replacement });
  if (fix.replacement === '')
    return old ? t('issues.fixLabel.remove', { old: shown(old) }) : t('issues.fixRemove');
  if (old.trim() === '' && fix.replacement.trim() === '')
    return t('issues.fixLabel.whitespace', { old: shown(old), replacement: shown(fix.replacement) });
  return old
    ? t('issues.fixLabel.replace', { old, replacement: fix.replacement })
    : t('issues.fixLabel.insert', { replacement: fix.replacement });
}
