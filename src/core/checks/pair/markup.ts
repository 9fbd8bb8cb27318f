import type { PairCheck, Span } from '../types.ts';
import type { Match } from '../util/patterns.ts';

// HTML elements that never have a closing tag.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * Tags that do not nest: a closing tag with no open one, one that closes another element than the last
 * opened ("<i>…<b>…</i></b>"), and tags left open at the end.
 */
export function malformedTags(tags: readonly Match[]): Span[] {
  const open: { name: string; tag: Match }[] = [];
  const bad: Span[] = [];
  for (const tag of tags) {
    const m = /^<(\/?)([\w:-]+)/.exec(tag.text);
    if (!m) continue;
    const name = (m[2] as string).toLowerCase();
    if (tag.text.endsWith('/>') || VOID.has(name)) continue;
    if (m[1] === '') {
      open.push({ name, tag });
      continue;
    }
    const top = open.at(-1);
    if (top && top.name === name) open.pop();
    else bad.push(tag);
  }
  for (const o of open) bad.push(o.tag);
  return bad.sort((a, b) => a.start - b.start);
}

export const markupMalformed: PairCheck = {
  id: 'markup-malformed',
  family: 'markup',
  scope: 'pair',
  needsSource: false,
  severity: 'major',
  category: 'accuracy/mistranslation',
  run(input) {
    const tags = input.targetMarkup.tags;
    if (tags.length === 0) return [];
    const bad = malformedTags(tags);
    if (bad.length === 0) return [];
    // A fragment that is already broken in the source (a tag split across segments) is the source's.
    if (input.hasSource && malformedTags(input.sourceMarkup.tags).length > 0) return [];
    return [
      {
        messageKey: 'checks.markup.malformed',
        params: { tag: input.target.slice(bad[0]!.start, bad[0]!.end) },
        target: bad,
      },
    ];
  },
};
