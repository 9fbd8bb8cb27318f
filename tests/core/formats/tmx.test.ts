import { describe, expect, it } from 'vitest';
import { readTmx, writeTmx } from '../../../src/core/formats/tmx.ts';
import { plainText, type InlineCode } from '../../../src/core/formats/interchange.ts';

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ru-RU" datatype="plaintext"/>
<body>
<tu tuid="a1"><note>из отчёта</note>
<tuv xml:lang="ru-RU"><seg><bpt i="1">&lt;b&gt;</bpt>Акимат<ept i="1">&lt;/b&gt;</ept> <ph x="2">{0}</ph> <hi type="term">полиция</hi> <it pos="begin">&lt;i&gt;</it></seg></tuv>
<tuv xml:lang="kk-KZ"><seg><bpt i="1">&lt;b&gt;</bpt>Әкімдік<ept i="1">&lt;/b&gt;</ept> <ph x="2">{0}</ph> <hi type="term">полиция</hi> <it pos="begin">&lt;i&gt;</it></seg></tuv>
</tu>
</body>
</tmx>`;

describe('readTmx', () => {
  it('reads variants with their inline codes', () => {
    const r = readTmx(TMX);
    if (!r.ok) throw new Error(r.error.message);
    const [u] = r.value.units;
    expect([r.value.sourceLang, r.value.targetLangs, u?.id, u?.notes[0]?.text]).toEqual([
      'ru-RU',
      ['kk-KZ'],
      'a1',
      'из отчёта',
    ]);
    const codes = (u?.source ?? []).filter((p): p is InlineCode => typeof p !== 'string');
    expect(codes.map((c) => `${c.kind}:${c.element}`)).toEqual([
      'open:bpt',
      'close:ept',
      'standalone:ph',
      'open:hi',
      'close:hi',
      'standalone:it',
    ]);
    expect(plainText(u?.targets['kk-KZ']?.content ?? [])).toBe('Әкімдік  полиция ');
  });

  it('writes codes back as they were read', () => {
    const r = readTmx(TMX);
    if (!r.ok) throw new Error(r.error.message);
    const out = writeTmx(r.value);
    expect(out).toContain('<bpt i="1">&lt;b&gt;</bpt>Әкімдік<ept i="1">&lt;/b&gt;</ept>');
    expect(out).toContain('<hi type="term">полиция</hi>');
  });

  const bad: [string, string, RegExp][] = [
    ['no srclang', TMX.replace(' srclang="ru-RU"', ''), /srclang/],
    ['tuv without language', TMX.replace('<tuv xml:lang="kk-KZ">', '<tuv>'), /xml:lang/],
    ['unknown inline element', TMX.replace('<ph x="2">{0}</ph>', '<foo/>'), /unknown inline element <foo>/],
    ['not well-formed', TMX.replace('</tu>', ''), /./],
  ];
  it.each(bad)('refuses %s with a line', (_name, xml, message) => {
    const r = readTmx(xml);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(message);
      expect(r.error.line).toBeGreaterThan(0);
    }
  });
});
