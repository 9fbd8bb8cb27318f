import { describe, expect, it } from 'vitest';
import { readXliff2, writeXliff2 } from '../../../src/core/formats/xliff2.ts';
import { validateXliff2 } from '../../../src/core/formats/xliff2Validate.ts';
import { parseXml } from '../../../src/core/formats/xml/parseXml.ts';
import { plainText, type InlineCode } from '../../../src/core/formats/interchange.ts';

const wrap = (unit: string, head = 'version="2.1" srcLang="ru" trgLang="en"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:my="urn:my" ${head}>\n<file id="f1">\n${unit}\n</file>\n</xliff>\n`;

const RICH = wrap(`<unit id="u1" my:flag="keep">
<my:ext id="e1">kept</my:ext>
<notes><note category="context">Заголовок</note></notes>
<originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data></originalData>
<segment state="translated">
<source>Полиция <pc id="1" dataRefStart="d1" dataRefEnd="d2">Алматы</pc> <ph id="2"/> <sc id="3"/>x<ec startRef="3"/> <mrk id="m1" type="term">акимат</mrk></source>
<target>Police of <pc id="1" dataRefStart="d1" dataRefEnd="d2">Almaty</pc> <ph id="2"/> <sc id="3"/>x<ec startRef="3"/> <mrk id="m1" type="term">akimat</mrk></target>
</segment>
</unit>`);

describe('readXliff2', () => {
  it('keeps inline codes and reads states and notes', () => {
    const r = readXliff2(RICH);
    if (!r.ok) throw new Error(r.error.message);
    const [u] = r.value.units;
    const codes = (u?.source ?? []).filter((p): p is InlineCode => typeof p !== 'string');
    expect(codes.map((c) => `${c.kind}:${c.element}:${c.id ?? ''}`)).toEqual([
      'open:pc:1',
      'close:pc:1',
      'standalone:ph:2',
      'open:sc:3',
      'close:ec:3',
      'open:mrk:m1',
      'close:mrk:m1',
    ]);
    expect(plainText(u?.targets.en?.content ?? [])).toBe('Police of Almaty  x akimat');
    expect([u?.targets.en?.state, u?.notes[0]?.text, r.value.format]).toEqual([
      'edited',
      'Заголовок',
      'xliff-2.1',
    ]);
  });

  it('writes an unchanged file back with its extensions, version and data intact', () => {
    const r = readXliff2(RICH);
    if (!r.ok) throw new Error(r.error.message);
    const out = writeXliff2(r.value);
    expect(out).toContain('my:flag="keep"');
    expect(out).toContain('<my:ext id="e1">kept</my:ext>');
    expect(out).toContain('version="2.1"');
    expect(out).toContain('dataRefStart="d1"');
    const again = readXliff2(out);
    expect(again.ok && writeXliff2(again.value)).toBe(out);
  });

  it('patches a changed target and its state, keeping the codes', () => {
    const r = readXliff2(RICH);
    if (!r.ok) throw new Error(r.error.message);
    const u = r.value.units[0];
    if (!u?.targets.en) throw new Error('no target');
    const changed = {
      ...u,
      targets: { en: { ...u.targets.en, state: 'rejected' as const, content: ['Rejected'] } },
    };
    const out = writeXliff2({ ...r.value, units: [changed] });
    expect(out).toMatch(/<segment state="initial" subState="audarma:rejected">/);
    expect(out).toContain('<target>Rejected</target>');
    const back = readXliff2(out);
    expect(back.ok && back.value.units[0]?.targets.en?.state).toBe('rejected');
  });
});

describe('validateXliff2', () => {
  const seg = (src: string, tgt?: string, extra = '') =>
    wrap(
      `<unit id="1">${extra}<segment><source>${src}</source>${tgt === undefined ? '' : `<target>${tgt}</target>`}</segment></unit>`,
    );
  const mustFire: [string, string, RegExp][] = [
    ['ec before sc', seg('<ec startRef="1"/>a<sc id="1"/>'), /no <sc id="1"> before/],
    ['sc never closed', seg('<sc id="1"/>a'), /isolated/],
    ['duplicate inline id', seg('<ph id="1"/><ph id="1"/>'), /not unique/],
    ['dataRef to nothing', seg('<ph id="1" dataRef="d9"/>'), /d9/],
    [
      'target without trgLang',
      wrap(
        '<unit id="1"><segment><source>a</source><target>b</target></segment></unit>',
        'version="2.1" srcLang="ru"',
      ),
      /trgLang/,
    ],
    [
      'missing srcLang',
      wrap('<unit id="1"><segment><source>a</source></segment></unit>', 'version="2.1"'),
      /srcLang/,
    ],
    [
      'bad state',
      wrap('<unit id="1"><segment state="done"><source>a</source></segment></unit>'),
      /state="done"/,
    ],
    [
      'subState without state',
      wrap('<unit id="1"><segment subState="x:y"><source>a</source></segment></unit>'),
      /without state/,
    ],
    ['unit without segment', wrap('<unit id="1"></unit>'), /at least one <segment>/],
    [
      'duplicate unit id',
      wrap(
        '<unit id="1"><segment><source>a</source></segment></unit><unit id="1"><segment><source>b</source></segment></unit>',
      ),
      /unit id "1"/,
    ],
    ['subFlows to a missing unit', seg('<ph id="1" subFlows="zz"/>'), /zz/],
    ['copyOf to a missing code', seg('<ph id="1"/>', '<ph id="2" copyOf="7"/>'), /copyOf/],
    ['canDelete=no code dropped', seg('<ph id="1" canDelete="no"/>', 'b'), /canDelete/],
    ['different canCopy on sc/ec', seg('<sc id="1" canCopy="no"/>a<ec startRef="1"/>'), /canCopy/],
    [
      'extension attribute on segment',
      wrap('<unit id="1"><segment my:x="1"><source>a</source></segment></unit>'),
      /my:x/,
    ],
    [
      'wrong version for namespace',
      wrap('<unit id="1"><segment><source>a</source></segment></unit>', 'version="2.2" srcLang="ru"'),
      /namespace/,
    ],
    ['target language differs', seg('a', 'b').replace('<target>', '<target xml:lang="kk">'), /trgLang/],
  ];
  it.each(mustFire)('fires on %s', (_name, xml, message) => {
    const doc = parseXml(xml);
    if (!doc.ok) throw new Error(doc.error.message);
    const problems = validateXliff2(doc.value);
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
    expect(problems[0]?.line).toBeGreaterThan(0);
  });
  const mustNot: [string, string][] = [
    [
      'sc/ec across segments',
      wrap(
        '<unit id="1"><segment><source><sc id="1"/>a</source></segment><segment><source>b<ec startRef="1"/></source></segment></unit>',
      ),
    ],
    ['isolated sc', seg('<sc id="1" isolated="yes"/>a')],
    ['reordered codes that may move', seg('<ph id="1"/><ph id="2"/>', '<ph id="2"/><ph id="1"/>')],
    [
      'module elements in a unit',
      seg('a', undefined, '<mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"/>'),
    ],
    [
      'subState with a state',
      wrap(
        '<unit id="1"><segment state="final" subState="audarma:approved"><source>a</source><target>b</target></segment></unit>',
      ),
    ],
  ];
  it.each(mustNot)('accepts %s', (_name, xml) => {
    const doc = parseXml(xml);
    if (!doc.ok) throw new Error(doc.error.message);
    expect(validateXliff2(doc.value)).toEqual([]);
  });
});
