import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTbx, serialiseTbx } from '../../../src/core/formats/tbx.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry } from '../../../src/core/model/term.ts';

const P = projectId('p');
const v3 = (type: string, style: string, body: string, ns = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="${type}" style="${style}" xml:lang="ru" xmlns="urn:iso:std:iso:30042:ed-2"${ns}>
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
${body}
  </body></text>
</tbx>`;

const basicDca = v3(
  'TBX-Basic',
  'dca',
  `<conceptEntry id="akim">
  <descrip type="definition">head of the executive
     of a region</descrip>
  <note>title</note>
  <langSec xml:lang="ru"><termSec><term>аким</term><termNote type="partOfSpeech">noun</termNote>
    <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
    <transacGrp><transac type="transactionType">modification</transac><date>2024-01-02T03:04:05.000Z</date>
      <transacNote type="responsibility">Dana</transacNote></transacGrp></termSec></langSec>
  <langSec xml:lang="kk"><termSec><term>әкім</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec></langSec>
  <langSec xml:lang="en"><termSec><term>Akim</term></termSec>
    <termSec><term>governor</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>`,
);

describe('parseTbx reads', () => {
  it('TBX-Basic v3 DCA with statuses, definition, note, part of speech and who set a status', () => {
    const r = parseTbx(basicDca, P, 7);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [e] = r.value;
    expect(e?.id).toBe('akim');
    expect(e?.definition).toBe('head of the executive of a region');
    expect(e?.note).toBe('title');
    expect(e?.partOfSpeech).toBe('noun');
    expect(e?.terms.map((t) => [t.lang, t.text, t.status])).toEqual([
      ['ru', 'аким', 'approved'],
      ['kk', 'әкім', 'proposed'],
      ['en', 'Akim', 'approved'],
      ['en', 'governor', 'forbidden'],
    ]);
    expect(e?.terms[0]).toMatchObject({ setBy: 'Dana', setAt: Date.UTC(2024, 0, 2, 3, 4, 5) });
  });
  it('TBX-Basic v3 DCT (namespaced data categories)', () => {
    const dct = v3(
      'TBX-Basic',
      'dct',
      `<conceptEntry id="c1"><langSec xml:lang="ru"><descripGrp><basic:definition>орган</basic:definition></descripGrp>
        <termSec><term>маслихат</term><min:partOfSpeech>noun</min:partOfSpeech>
        <min:administrativeStatus>supersededTerm-admn-sts</min:administrativeStatus></termSec></langSec></conceptEntry>`,
      ' xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic"',
    );
    const r = parseTbx(dct, P, 0);
    expect(r.ok && [r.value[0]?.definition, r.value[0]?.partOfSpeech, r.value[0]?.terms[0]?.status]).toEqual([
      'орган',
      'noun',
      'forbidden',
    ]);
  });
  it('TBX-Min usageStatus', () => {
    const min = v3(
      'TBX-Min',
      'dca',
      `<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>LPS</term><termNote type="usageStatus">admitted</termNote></termSec></langSec></conceptEntry>`,
    );
    const r = parseTbx(min, P, 0);
    expect(r.ok && r.value[0]?.terms[0]?.status).toBe('proposed');
  });
  it('TBX-Basic 2008 martif with tig and ntig', () => {
    const martif = `<?xml version="1.0"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body><termEntry id="t1"><descrip type="definition">executive body</descrip>
<langSet xml:lang="en"><tig><term>Akimat</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
<langSet xml:lang="kk"><ntig><termGrp><term>әкімдік</term><termNote type="partOfSpeech">noun</termNote></termGrp></ntig></langSet>
</termEntry></body></text></martif>`;
    const r = parseTbx(martif, P, 0);
    expect(
      r.ok && r.value.map((e) => [e.id, e.definition, e.partOfSpeech, e.terms.map((t) => t.text)]),
    ).toEqual([['t1', 'executive body', 'noun', ['Akimat', 'әкімдік']]]);
  });
});

const entry = (id: string, lang: string, term: string) =>
  `<conceptEntry id="${id}"><langSec xml:lang="${lang}"><termSec><term>${term}</term></termSec></langSec></conceptEntry>`;

describe('parseTbx refuses, naming the line, and returns nothing', () => {
  const cases: [string, string, string, number][] = [
    ['XML that is not well-formed', '<tbx><text></tbx>', 'glossary.tbx.notXml', 1],
    ['a file that is not TBX', '<?xml version="1.0"?>\n<tmx version="1.4"/>', 'glossary.tbx.notTbx', 2],
    [
      'an unknown language',
      v3('TBX-Core', 'dca', entry('a', 'ru', 'аким') + '\n' + entry('b', 'xx-invalid-language', 'x')),
      'glossary.tbx.unknownLang',
      6,
    ],
    [
      'a language outside the project',
      v3('TBX-Core', 'dca', entry('a', 'de', 'Akim')),
      'glossary.tbx.unknownLang',
      5,
    ],
    [
      'a duplicate id',
      v3('TBX-Core', 'dca', entry('a', 'ru', 'аким') + '\n' + entry('a', 'ru', 'маслихат')),
      'glossary.tbx.duplicateEntry',
      6,
    ],
    [
      'a duplicate entry',
      v3('TBX-Core', 'dca', entry('a', 'ru', 'аким') + '\n' + entry('b', 'ru', 'Аким')),
      'glossary.tbx.duplicateEntry',
      6,
    ],
    [
      'a term that is not first',
      v3(
        'TBX-Core',
        'dca',
        '<conceptEntry id="a"><langSec xml:lang="ru"><termSec><note>x</note><term>аким</term></termSec></langSec></conceptEntry>',
      ),
      'glossary.tbx.structure',
      5,
    ],
    [
      'a concept without id',
      v3(
        'TBX-Core',
        'dca',
        '<conceptEntry><langSec xml:lang="ru"><termSec><term>аким</term></termSec></langSec></conceptEntry>',
      ),
      'glossary.tbx.noId',
      5,
    ],
    [
      'a language section without term',
      v3('TBX-Core', 'dca', '<conceptEntry id="a"><langSec xml:lang="ru"></langSec></conceptEntry>'),
      'glossary.tbx.structure',
      5,
    ],
    [
      'a part of speech outside the TBX-Basic picklist',
      v3(
        'TBX-Basic',
        'dca',
        '<conceptEntry id="a"><langSec xml:lang="ru"><termSec><term>аким</term><termNote type="partOfSpeech">существительное</termNote></termSec></langSec></conceptEntry>',
      ),
      'glossary.tbx.dialect',
      5,
    ],
    [
      'a category TBX-Min does not have',
      v3(
        'TBX-Min',
        'dca',
        '<conceptEntry id="a"><langSec xml:lang="ru"><termSec><term>аким</term><xref type="xGraphic" target="x">x</xref></termSec></langSec></conceptEntry>',
      ),
      'glossary.tbx.dialect',
      5,
    ],
    [
      'an entity declaration',
      '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaa">]><tbx/>',
      'glossary.tbx.notXml',
      1,
    ],
  ];
  it.each(cases)('%s', (_name, xml, key, line) => {
    const r = parseTbx(xml, P, 0, { langs: ['ru', 'en', 'kk', 'kk-Latn'] });
    expect(r.ok ? 'ok' : [r.error.key, r.error.line]).toEqual([key, line]);
  });
});

const text = fc
  .string({
    minLength: 1,
    maxLength: 10,
    unit: fc.constantFrom('a', 'Ә', 'я', ' ', '<', '&', '"', 'q', '\n'),
  })
  .filter((s) => s.trim() !== '');
const entryArb = fc.record({
  terms: fc.array(
    fc.record({
      lang: fc.constantFrom('ru', 'en', 'kk', 'kk-Latn'),
      text,
      status: fc.constantFrom('approved' as const, 'proposed' as const, 'forbidden' as const),
      setBy: fc.option(text, { nil: undefined }),
      setAt: fc.option(fc.integer({ min: 0, max: 4_000_000_000_000 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  definition: fc.option(text, { nil: undefined }),
  note: fc.option(text, { nil: undefined }),
  partOfSpeech: fc.option(fc.constantFrom('noun' as const, 'verb' as const, 'properNoun' as const), {
    nil: undefined,
  }),
});

describe('TBX round trip', () => {
  it('export → import → export is identical', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 5 }), (raw) => {
        const entries: TermEntry[] = raw.map((e, i) => ({
          id: entryId(`e${i}`),
          projectId: P,
          terms: e.terms.map((t, k) => ({ ...t, text: `${t.text}${i}.${k}` })),
          ...(e.definition ? { definition: e.definition } : {}),
          ...(e.note ? { note: e.note } : {}),
          ...(e.partOfSpeech ? { partOfSpeech: e.partOfSpeech } : {}),
          createdAt: 0,
          updatedAt: 0,
        }));
        const first = serialiseTbx(entries, { lang: 'ru' });
        const parsed = parseTbx(first, P, 0);
        expect(parsed.ok ? 'ok' : parsed.error.message).toBe('ok');
        if (!parsed.ok) return;
        expect(serialiseTbx(parsed.value, { lang: 'ru' })).toBe(first);
      }),
      { numRuns: 200 },
    );
  });
});
