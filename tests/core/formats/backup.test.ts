import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BACKUP_VERSION,
  migrateBundle,
  parseBundle,
  rekeyBundle,
  serialiseBundle,
  type ProjectBundle,
} from '../../../src/core/formats/backup.ts';
import {
  documentId,
  entryId,
  projectId,
  renderingId,
  revisionId,
  unitId,
} from '../../../src/core/model/ids.ts';
import { RENDERING_STATES, type Rendering, type Revision, type Unit } from '../../../src/core/model/types.ts';
import type { Annotation, Comment } from '../../../src/core/model/review.ts';
import type { TermEntry } from '../../../src/core/model/term.ts';

const text = fc.string({ unit: 'grapheme', maxLength: 10 });
const time = fc.integer({ min: 0, max: 2_000_000_000_000 });
const lang = fc.constantFrom('en', 'kk', 'kk-Latn');
const state = fc.constantFrom(...RENDERING_STATES);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const opt = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

const renderingSeed = fc.record({
  lang,
  text,
  state,
  by: text,
  at: time,
  notes: fc.array(maybe(text), { maxLength: 3 }),
  comment: maybe(fc.record({ text, open: fc.constantFrom(0 as const, 1 as const), resolvedBy: maybe(text) })),
  annotation: maybe(fc.record({ start: fc.nat(20), length: fc.nat(5), category: text, note: maybe(text) })),
  dismissed: maybe(text),
});
const unitSeed = fc.record({
  source: text,
  separator: fc.constantFrom('', ' ', '\n', '\n\n'),
  kind: fc.constantFrom('sentence' as const, 'heading' as const, 'listItem' as const),
  mt: fc.dictionary(lang, text, { maxKeys: 2 }),
  alignScore: maybe(fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x))),
  origin: maybe(fc.record({ file: text, unit: text, segment: fc.nat(5) })),
  codes: maybe(
    fc.dictionary(
      fc.nat({ max: 30 }).chain((n) => fc.constantFrom(`${n + 1}`, `/${n + 1}`, `${n + 1}/`)),
      fc.record(
        {
          kind: fc.constantFrom('open' as const, 'close' as const, 'standalone' as const),
          format: fc.constantFrom('xliff2' as const, 'xliff1' as const, 'tmx' as const),
          element: fc.constantFrom('pc', 'ph', 'bpt', 'g'),
          id: text,
          attributes: fc.array(
            fc.record({
              name: text,
              local: text,
              prefix: fc.constant(''),
              uri: fc.constant(''),
              value: text,
            }),
            { maxLength: 2 },
          ),
          inner: fc.array(
            fc.oneof(
              fc.record({ kind: fc.constant('text' as const), text, line: fc.nat(9), column: fc.nat(9) }),
              fc.record({
                kind: fc.constant('element' as const),
                name: text,
                local: text,
                prefix: fc.constant(''),
                uri: text,
                attributes: fc.constant([]),
                namespaces: fc.dictionary(text, text, { maxKeys: 1 }),
                children: fc.constant([]),
                line: fc.nat(9),
                column: fc.nat(9),
              }),
            ),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: ['kind', 'format', 'element', 'attributes'] },
      ),
      { maxKeys: 3 },
    ),
  ),
  alignment: maybe(
    fc.dictionary(
      lang,
      fc.record(
        {
          score: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
          gap: fc.constantFrom('omitted' as const, 'merged' as const),
          into: fc.nat(50),
          added: fc.array(text, { maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
      { maxKeys: 2 },
    ),
  ),
  renderings: fc.uniqueArray(renderingSeed, { selector: (r) => r.lang, maxLength: 3 }),
});
const bundleSeed = fc.record({
  name: text,
  exportedAt: time,
  mtLang: maybe(lang),
  documents: fc.array(
    fc.record({
      name: text,
      at: time,
      units: fc.array(unitSeed, { maxLength: 5 }),
      original: maybe(fc.record({ format: fc.constantFrom('xliff-2.2', 'xliff-1.2'), fileName: text, text })),
    }),
    { maxLength: 3 },
  ),
  terms: fc.array(
    fc.record({
      terms: fc.array(
        fc.record({ lang, text, status: fc.constantFrom('proposed' as const, 'approved' as const) }),
        {
          maxLength: 3,
        },
      ),
      definition: maybe(text),
      history: fc.array(
        fc.record(
          { change: text, before: text, after: text, lang, term: text, reason: text },
          { requiredKeys: ['change', 'before', 'after'] },
        ),
        { maxLength: 2 },
      ),
    }),
    { maxLength: 3 },
  ),
  settings: fc.uniqueArray(fc.record({ key: text, value: fc.oneof(fc.boolean(), text, fc.integer()) }), {
    selector: (s) => s.key,
    maxLength: 3,
  }),
  /** Memory entries: approvals of this project's renderings (every optional field) and imported ones with codes. */
  memory: fc.array(
    fc.record(
      {
        imported: fc.boolean(),
        source: text,
        target: text,
        mt: text,
        context: text,
        coded: fc.boolean(),
        by: text,
        at: time,
        editedBy: text,
        editedAt: time,
      },
      { requiredKeys: ['imported', 'source', 'target', 'coded', 'by', 'at', 'editedBy', 'editedAt'] },
    ),
    { maxLength: 4 },
  ),
});

type Seed = typeof bundleSeed extends fc.Arbitrary<infer T> ? T : never;

/** A consistent bundle: every row points at rows that exist, ids built as the app builds them. */
function build(seed: Seed): ProjectBundle {
  const pid = projectId('p1');
  const units: Unit[] = [];
  const renderings: Rendering[] = [];
  const revisions: Revision[] = [];
  const comments: Comment[] = [];
  const annotations: Annotation[] = [];
  const dismissals: ProjectBundle['dismissals'][number][] = [];
  const documents = seed.documents.map((d, di) => {
    const did = documentId(`d${di}`);
    d.units.forEach((u, index) => {
      const uid = unitId(`${did}:u${index}`);
      units.push({
        id: uid,
        documentId: did,
        index,
        paragraph: index,
        kind: u.kind,
        separator: u.separator,
        source: u.source,
        mt: u.mt,
        ...opt('alignScore', u.alignScore),
        ...opt('origin', u.origin),
        ...opt('codes', u.codes),
        ...opt('alignment', u.alignment),
      });
      for (const r of u.renderings) {
        const rid = renderingId(uid, r.lang);
        renderings.push({
          id: rid,
          unitId: uid,
          documentId: did,
          lang: r.lang,
          text: r.text,
          state: r.state,
          updatedAt: r.at,
          updatedBy: r.by,
          revision: r.notes.length,
        });
        r.notes.forEach((note, n) =>
          revisions.push({
            id: revisionId(`${rid}#${n + 1}`),
            renderingId: rid,
            unitId: uid,
            documentId: did,
            lang: r.lang,
            number: n + 1,
            action: n === 1 ? 'revert' : 'edit',
            text: r.text,
            state: r.state,
            previousState: 'mt',
            author: r.by,
            at: r.at,
            ...opt('note', note),
          }),
        );
        if (r.comment)
          comments.push({
            id: `c-${rid}`,
            documentId: did,
            unitId: uid,
            lang: r.lang,
            author: r.by,
            at: r.at,
            text: r.comment.text,
            open: r.comment.open,
            ...opt('resolvedBy', r.comment.resolvedBy),
          });
        if (r.annotation)
          annotations.push({
            id: `a-${rid}`,
            documentId: did,
            unitId: uid,
            lang: r.lang,
            start: r.annotation.start,
            end: r.annotation.start + r.annotation.length,
            quote: r.text,
            category: r.annotation.category,
            severity: 'minor',
            ...opt('note', r.annotation.note),
            author: r.by,
            at: r.at,
          });
        if (r.dismissed !== undefined)
          dismissals.push({
            id: `${rid}|${r.dismissed}`,
            renderingId: rid,
            documentId: did,
            issueKey: r.dismissed,
            by: r.by,
            at: r.at,
          });
      }
    });
    return {
      id: did,
      projectId: pid,
      name: d.name,
      createdAt: d.at,
      unitCount: d.units.length,
      ...opt('original', d.original),
    };
  });
  const terms: TermEntry[] = seed.terms.map((t, i) => ({
    id: entryId(`t${i}`),
    projectId: pid,
    terms: t.terms,
    ...opt('definition', t.definition),
    createdAt: 1,
    updatedAt: 2,
  }));
  const termHistory = seed.terms.flatMap((t, i) =>
    t.history.map((h, j) => ({ id: i * 10 + j + 1, entryId: `t${i}`, at: 3, by: 'x', ...h })),
  );
  return {
    format: 'audarma-backup',
    version: 1,
    exportedAt: seed.exportedAt,
    project: {
      id: pid,
      name: seed.name,
      sourceLang: 'ru',
      targetLangs: ['en', 'kk'],
      ...opt('mtLang', seed.mtLang),
      createdAt: 5,
    },
    documents,
    units,
    renderings,
    revisions,
    comments,
    annotations,
    terms,
    termHistory,
    dismissals,
    settings: seed.settings,
    memory: seed.memory.map((m, i) => {
      const from = renderings[i];
      const own = !m.imported && from !== undefined;
      const code = { kind: 'standalone' as const, format: 'tmx' as const, element: 'ph', attributes: [] };
      return {
        id: own ? from.id : `tmx:m${i}.tmx:${i}`,
        memoryId: own ? pid : `tmx:m${i}.tmx`,
        sourceLang: 'ru',
        targetLang: own ? from.lang : 'en',
        source: m.source,
        target: m.target,
        ...opt('mt', m.mt),
        ...(m.coded ? { sourceContent: [m.source, code], targetContent: [code, m.target] } : {}),
        ...(own ? { documentId: from.documentId, unitId: from.unitId } : {}),
        ...opt('context', m.context),
        createdBy: m.by,
        createdAt: m.at,
        updatedBy: m.editedBy,
        updatedAt: m.editedAt,
      };
    }),
  };
}

const bundles = bundleSeed.map(build);

/** One generated bundle meeting a condition, the same on every run. */
function sampleBundle(condition: (b: ProjectBundle) => boolean): ProjectBundle {
  const [bundle] = fc.sample(bundles.filter(condition), { numRuns: 1, seed: 7 });
  if (!bundle) throw new Error('no sample');
  return bundle;
}

describe('project backup format', () => {
  it('export → import → export gives the same text, and import gives back the same bundle', () => {
    fc.assert(
      fc.property(bundles, (bundle) => {
        const text = serialiseBundle(bundle);
        const back = parseBundle(text);
        if (!back.ok) throw new Error(back.error.message);
        expect(back.value).toEqual(bundle);
        expect(serialiseBundle(back.value)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('writes one record per line under a versioned header', () => {
    const text = serialiseBundle(sampleBundle((b) => b.units.length >= 2));
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['{', '"format":"audarma-backup",', `"version":${BACKUP_VERSION},`]);
    const start = lines.indexOf('"units":[');
    expect(lines[start + 1]).toMatch(/^\{"id":"d\d:u0",/);
  });

  it('restores a bundle lacking the optional collections and fields with defaults', () => {
    const minimal = {
      format: 'audarma-backup',
      version: 1,
      project: { id: 'p', name: 'Old', sourceLang: 'ru', targetLangs: ['en'] },
      documents: [{ id: 'd', projectId: 'p', name: 'a.txt', unitCount: 2 }],
      units: [
        { id: 'd:u0', documentId: 'd', index: 0 },
        { id: 'd:u1', documentId: 'd', index: 1, source: 'Два.' },
      ],
      renderings: [{ unitId: 'd:u1', documentId: 'd', lang: 'en', text: 'Two.', state: 'edited' }],
    };
    const back = parseBundle(JSON.stringify(minimal));
    if (!back.ok) throw new Error(back.error.message);
    const b = back.value;
    expect([
      b.comments,
      b.annotations,
      b.terms,
      b.termHistory,
      b.dismissals,
      b.settings,
      b.revisions,
    ]).toEqual([[], [], [], [], [], [], []]);
    expect(b.project.createdAt).toBe(0);
    expect(b.units[0]).toEqual({
      id: 'd:u0',
      documentId: 'd',
      index: 0,
      paragraph: 0,
      kind: 'sentence',
      separator: '',
      source: '',
      mt: {},
    });
    expect(b.units[1]?.separator).toBe(' ');
    expect(b.renderings[0]).toMatchObject({ id: 'd:u1:en', revision: 0, updatedBy: '', updatedAt: 0 });
  });

  it('refuses what it cannot read, saying why and where', () => {
    const good = serialiseBundle(sampleBundle((b) => b.units.length > 0));
    expect(parseBundle('{"format":"audarma-backup",\n"version":1,,}')).toMatchObject({
      ok: false,
      error: { line: 2, message: expect.stringContaining('not valid JSON') },
    });
    expect(parseBundle('{"format":"other"}')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('not an Audarma backup') },
    });
    expect(parseBundle(good.replace('"version":1', '"version":7'))).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('newer Audarma') },
    });
    const lines = good.split('\n');
    const unitLine = lines.indexOf('"units":[') + 2; // 1-based line of the first unit
    lines[unitLine - 1] = (lines[unitLine - 1] ?? '').replace(/"index":0/, '"index":"zero"');
    expect(parseBundle(lines.join('\n'))).toEqual({
      ok: false,
      error: { message: 'units[0].index: expected a number', line: unitLine },
    });
  });

  it('refuses dangling references with the path of the record', () => {
    const b = sampleBundle((x) => x.renderings.length > 0);
    const broken = {
      ...b,
      renderings: b.renderings.map((r, i) => (i === 0 ? { ...r, unitId: unitId('nowhere') } : r)),
    };
    const result = parseBundle(serialiseBundle(broken));
    expect(result).toMatchObject({
      ok: false,
      error: { message: 'renderings[0]: unit "nowhere" is not in the backup' },
    });
  });

  it('refuses a memory entry of another project, and a code without its kind, saying where', () => {
    const b = sampleBundle((x) => x.memory.length > 0);
    const other = { ...b, memory: b.memory.map((m, i) => (i === 0 ? { ...m, memoryId: 'prj-other' } : m)) };
    expect(parseBundle(serialiseBundle(other))).toMatchObject({
      ok: false,
      error: {
        message: 'memory[0]: belongs to memory "prj-other", neither this project\'s nor an imported one',
      },
    });
    const text = serialiseBundle({ ...b, memory: [{ ...b.memory[0]!, sourceContent: ['a'] }] }).replace(
      '"sourceContent":["a"]',
      '"sourceContent":["a",{"format":"tmx","element":"ph","attributes":[]}]',
    );
    const result = parseBundle(text);
    expect(result).toMatchObject({
      ok: false,
      error: { message: 'memory[0].sourceContent[1].kind: expected a string' },
    });
    expect(result.ok ? 0 : result.error.line).toBe(
      text.split('\n').findIndex((l) => l.includes('"sourceContent"')) + 1,
    );
  });

  it('migration refuses a missing version and passes the current one through', () => {
    expect(migrateBundle({ format: 'audarma-backup' })).toMatchObject({ ok: false });
    expect(migrateBundle({ format: 'audarma-backup', version: 1, x: 1 })).toEqual({
      ok: true,
      value: { format: 'audarma-backup', version: 1, x: 1 },
    });
  });

  it('rekeying gives a copy with no id in common whose references all hold', () => {
    fc.assert(
      fc.property(bundles, (bundle) => {
        let n = 0;
        const copy = rekeyBundle(bundle, { name: 'Copy', newId: (p) => `${p}_new${n++}` });
        const back = parseBundle(serialiseBundle(copy));
        if (!back.ok) throw new Error(back.error.message);
        const ids = (b: ProjectBundle) =>
          new Set([
            b.project.id,
            ...b.documents.map((d) => d.id),
            ...b.units.map((u) => u.id),
            ...b.terms.map((t) => t.id),
          ]);
        const before = ids(bundle);
        expect([...ids(copy)].filter((id) => before.has(id))).toEqual([]);
        expect(copy.project.name).toBe('Copy');
        expect(copy.units.map((u) => u.source)).toEqual(bundle.units.map((u) => u.source));
        expect(copy.termHistory.every((h) => h.id === undefined)).toBe(true);
        // The project's own memory follows the copy; imported memories are shared and keep their ids.
        const units = new Set(copy.units.map((u) => u.id as string));
        for (const m of copy.memory) {
          if (m.memoryId.startsWith('tmx:')) expect(bundle.memory.map((e) => e.id)).toContain(m.id);
          else {
            expect(m.memoryId).toBe(copy.project.id);
            expect(before.has(m.id as never)).toBe(false);
            if (m.unitId !== undefined) expect(units.has(m.unitId)).toBe(true);
          }
        }
        expect(copy.memory.map((m) => m.target)).toEqual(bundle.memory.map((m) => m.target));
      }),
      { numRuns: 100 },
    );
  });
});
