import type { CheckInput } from '../CheckInput.ts';
import type { Finding, PairCheck } from '../types.ts';
import type { Markup, Match } from '../util/patterns.ts';

/**
 * Things that must come through unchanged: each source item needs an equal target item (compared after
 * `key`), and a target item with no source counterpart is reported too.
 */
function compare(
  input: CheckInput,
  kind: keyof Markup,
  key: (m: Match) => string,
  missingKey: string,
  extraKey: string,
): Finding[] {
  const source = input.sourceMarkup[kind];
  const target = input.targetMarkup[kind];
  if (source.length === 0 && target.length === 0) return [];
  const left = target.map(key);
  const out: Finding[] = [];
  for (const s of source) {
    const i = left.indexOf(key(s));
    if (i >= 0) left[i] = '\u0000';
    else out.push({ messageKey: missingKey, params: { text: s.text }, source: [s] });
  }
  target.forEach((t, i) => {
    if (left[i] !== '\u0000') out.push({ messageKey: extraKey, params: { text: t.text }, target: [t] });
  });
  return out;
}

const urlKey = (m: Match): string =>
  m.text
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');

export const urlMismatch: PairCheck = {
  id: 'url-mismatch',
  family: 'links',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'accuracy/mistranslation',
  run: (input) => compare(input, 'urls', urlKey, 'checks.links.urlMissing', 'checks.links.urlExtra'),
};

export const emailMismatch: PairCheck = {
  id: 'email-mismatch',
  family: 'links',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'accuracy/mistranslation',
  run: (input) =>
    compare(
      input,
      'emails',
      (m) => m.text.toLowerCase(),
      'checks.links.emailMissing',
      'checks.links.emailExtra',
    ),
};

export const placeholderMismatch: PairCheck = {
  id: 'placeholder-mismatch',
  family: 'markup',
  scope: 'pair',
  needsSource: true,
  severity: 'critical',
  category: 'accuracy/mistranslation',
  run: (input) =>
    compare(
      input,
      'placeholders',
      (m) => m.text.replace(/\s+/g, ''),
      'checks.markup.placeholderMissing',
      'checks.markup.placeholderExtra',
    ),
};

// Tags compare by name and kind (open/close), not attributes: a translated title="" is fine.
const tagKey = (m: Match): string =>
  (/^<\/?[\w:-]+/.exec(m.text)?.[0] ?? m.text).toLowerCase() + (m.text.endsWith('/>') ? '/' : '');

export const tagMismatch: PairCheck = {
  id: 'tag-mismatch',
  family: 'markup',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'accuracy/mistranslation',
  run: (input) => compare(input, 'tags', tagKey, 'checks.markup.tagMissing', 'checks.markup.tagExtra'),
};
