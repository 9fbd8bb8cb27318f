import type { CheckInput } from '../CheckInput.ts';
import type { Finding, PairCheck } from '../types.ts';
import type { Markup, Match } from '../util/patterns.ts';
import { execAll } from '../../text/execAll.ts';

function sameTexts(a: readonly Match[], b: readonly Match[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i]!.text !== b[i]!.text) return false;
  return true;
}

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
  // Items that come through as they are, in the same order (the common case), all find their equal.
  if (sameTexts(source, target)) return [];
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

/** An address without its scheme, "www." and a closing slash, in lower case: read by position, not expressions. */
function urlKey(m: Match): string {
  const text = m.text.toLowerCase();
  let start = text.startsWith('https://') ? 8 : text.startsWith('http://') ? 7 : 0;
  if (text.startsWith('www.', start)) start += 4;
  const end = text.length > start && text.endsWith('/') ? text.length - 1 : text.length;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

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

// printf placeholders that take their argument by position in the list, not by number or name.
const SEQUENTIAL = /^%(?![\d]+\$|\()/;

/**
 * The conversion letters of the sequential printf placeholders, in order: "%s … %d" and "%d … %s" take their
 * arguments in different orders, which breaks at run time even though both have the same placeholders.
 */
function sequentialOrder(list: readonly Match[]): string[] {
  return list.filter((m) => SEQUENTIAL.test(m.text)).map((m) => m.text.replace(/\s+/g, ''));
}

export const placeholderMismatch: PairCheck = {
  id: 'placeholder-mismatch',
  family: 'markup',
  scope: 'pair',
  needsSource: true,
  severity: 'critical',
  category: 'accuracy/mistranslation',
  run(input) {
    const out = compare(
      input,
      'placeholders',
      (m) => m.text.replace(/\s+/g, ''),
      'checks.markup.placeholderMissing',
      'checks.markup.placeholderExtra',
    );
    // An order needs two placeholders in the source.
    if (out.length > 0 || input.sourceMarkup.placeholders.length < 2) return out;
    const source = sequentialOrder(input.sourceMarkup.placeholders);
    const target = sequentialOrder(input.targetMarkup.placeholders);
    if (source.length < 2 || source.join('\u0000') === target.join('\u0000')) return out;
    return [
      {
        messageKey: 'checks.markup.placeholderOrder',
        params: { source: source.join(' '), target: target.join(' ') },
        target: input.targetMarkup.placeholders.filter((m) => SEQUENTIAL.test(m.text)),
      },
    ];
  },
};

// Attributes a translator may change: the text a reader sees or hears. Every other attribute (href, src, id,
// class, name, type…) must come through as it is.
const TRANSLATABLE_ATTRIBUTES = new Set(['title', 'alt', 'placeholder', 'aria-label', 'label', 'summary']);
const ATTRIBUTE = /([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+)/g;

/** A tag by name, kind (open, close, self-closing) and its untranslatable attributes, in a fixed order. */
const tagKey = (m: Match): string => {
  const name = (/^<\/?[\w:-]+/.exec(m.text)?.[0] ?? m.text).toLowerCase();
  const attributes: string[] = [];
  for (const a of execAll(ATTRIBUTE, m.text)) {
    const attr = (a[1] as string).toLowerCase();
    if (!TRANSLATABLE_ATTRIBUTES.has(attr))
      attributes.push(`${attr}=${(a[2] as string).replace(/^["']|["']$/g, '')}`);
  }
  return `${name}${attributes.length ? ` ${attributes.sort().join(' ')}` : ''}${m.text.endsWith('/>') ? '/' : ''}`;
};

export const tagMismatch: PairCheck = {
  id: 'tag-mismatch',
  family: 'markup',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'accuracy/mistranslation',
  run: (input) => compare(input, 'tags', tagKey, 'checks.markup.tagMissing', 'checks.markup.tagExtra'),
};
