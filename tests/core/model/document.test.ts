import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildDocument } from '../../../src/core/model/document.ts';
import { projectId } from '../../../src/core/model/ids.ts';
import { joinSegments } from '../../../src/core/text/segment.ts';

const demo = readFileSync(
  new URL('../../../src/demo/municipal-police-kazakhstan.en.txt', import.meta.url),
  'utf8',
);

describe('buildDocument on the demo article', () => {
  const built = buildDocument({
    projectId: projectId('p'),
    name: 'demo',
    text: demo,
    lang: 'en',
    role: 'mt',
    now: 1,
  });

  it('makes one unit per sentence, heading and list item, in order', () => {
    expect(built.units.length).toBeGreaterThan(60);
    expect(built.units.map((u) => u.index)).toEqual(built.units.map((_, i) => i));
    expect(built.units[0]?.mt.en).toBe('Municipal police in the Republic of Kazakhstan');
    expect(built.units.find((u) => u.mt.en === 'To pass to contents')?.kind).toBe('heading');
    expect(built.units.filter((u) => u.kind === 'listItem').length).toBeGreaterThanOrEqual(13);
  });

  it('keeps the text recoverable: separators and units rebuild the article', () => {
    const rebuilt = joinSegments(built.units.map((u) => ({ separator: u.separator, text: u.mt.en ?? '' })));
    expect(rebuilt.replace(/[ \t]+$/gm, '').trimEnd()).toBe(
      demo
        .replace(/\r\n/g, '\n')
        .replace(/[ \t]+$/gm, '')
        .trimEnd(),
    );
  });

  it('sorts unit ids in document order, for indexed range reads', () => {
    const ids = built.units.map((u) => u.id);
    expect([...ids].sort()).toEqual(ids);
  });
});
