import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBundle, serialiseBundle, type ProjectBundle } from '../../../src/core/formats/backup.ts';
import { readXliff1 } from '../../../src/core/formats/xliff1.ts';
import { readXliff2 } from '../../../src/core/formats/xliff2.ts';
import { validateXliff2 } from '../../../src/core/formats/xliff2Validate.ts';
import { parseXml } from '../../../src/core/formats/xml/parseXml.ts';
import { renderingId, revisionId, type UnitId } from '../../../src/core/model/ids.ts';
import type { Project, Rendering, RenderingState, Revision } from '../../../src/core/model/types.ts';
import { buildExport } from '../../../src/worker/jobs/buildExport.ts';
import { parseImport, type PlannedDocument } from '../../../src/worker/jobs/parseImport.ts';
import { decode, noProgress } from './transferFixture.ts';

const project: Project = {
  id: 'prj' as Project['id'],
  name: 'Decrees',
  sourceLang: 'ru',
  targetLangs: ['en', 'kk'],
  createdAt: 1,
};

function imported(fileName: string, text?: string): PlannedDocument {
  const bytes =
    text !== undefined
      ? new TextEncoder().encode(text)
      : new Uint8Array(readFileSync(`tests/fixtures/roundtrip/${fileName}`));
  const out = parseImport(
    { fileName, bytes, project, author: 'ann', now: 10, documentId: 'doc1' },
    noProgress,
  );
  if (out.kind !== 'document') throw new Error(JSON.stringify(out));
  return out.rows;
}

/** What a reviewer does in the workbench: new text and state for a unit's English rendering, with a reason. */
function edit(
  rows: PlannedDocument,
  index: number,
  text: string,
  state: RenderingState,
  note?: string,
): PlannedDocument {
  const unit = rows.units[index];
  if (!unit) throw new Error(`no unit ${index}`);
  const id = renderingId(unit.id, 'en');
  const old = rows.renderings.find((r) => r.id === id);
  const number = (old?.revision ?? 0) + 1;
  const rendering: Rendering = {
    id,
    unitId: unit.id as UnitId,
    documentId: unit.documentId,
    lang: 'en',
    text,
    state,
    updatedAt: 20,
    updatedBy: 'ann',
    revision: number,
  };
  const revision: Revision = {
    id: revisionId(`${id}#${number}`),
    renderingId: id,
    unitId: unit.id,
    documentId: unit.documentId,
    lang: 'en',
    number,
    action: state === 'rejected' ? 'reject' : 'edit',
    text,
    state,
    previousState: old?.state ?? 'new',
    author: 'ann',
    at: 20,
    ...(note ? { note } : {}),
  };
  return {
    ...rows,
    renderings: [...rows.renderings.filter((r) => r.id !== id), rendering],
    revisions: [...rows.revisions, revision],
  };
}

/** Through a backup and back, as a restore would give the rows. */
function throughBackup(rows: PlannedDocument): PlannedDocument {
  const bundle: ProjectBundle = {
    format: 'audarma-backup',
    version: 1,
    exportedAt: 30,
    project,
    documents: [{ ...rows.document, projectId: project.id }],
    units: rows.units,
    renderings: rows.renderings,
    revisions: rows.revisions,
    comments: rows.comments,
    annotations: [],
    terms: [],
    termHistory: [],
    dismissals: [],
    settings: [],
    memory: [],
  };
  const back = parseBundle(serialiseBundle(bundle));
  if (!back.ok) throw new Error(back.error.message);
  const b = back.value;
  return {
    document: b.documents[0] as PlannedDocument['document'],
    units: b.units,
    renderings: b.renderings,
    revisions: b.revisions,
    comments: b.comments,
  };
}

function exported(rows: PlannedDocument): string {
  const file = buildExport(
    {
      kind: 'document',
      format: 'original',
      project,
      ...rows,
      lang: 'en',
      kazakhScript: 'cyrillic',
    },
    noProgress,
  );
  return decode(file.bytes);
}

/** Start tags and ids of an XML text, in order: what a translation system matches a returned file on. */
const skeleton = (xml: string) =>
  [
    ...xml.matchAll(
      /<(file|group|unit|segment|ignorable|trans-unit|pc|ph|sc|ec|g|x|bpt|ept)\b[^>]*?\bid="([^"]*)"/g,
    ),
  ].map((m) => `${m[1]}#${m[2]}`);

describe('an XLIFF 2 file imported into a project and exported as the original', () => {
  const original = readFileSync('tests/fixtures/roundtrip/codes-2.1.xlf', 'utf8');

  it('comes back unchanged when nothing was edited', () => {
    const rows = imported('codes-2.1.xlf');
    expect(rows.document.original?.format).toBe('xliff-2.1');
    expect(rows.units.map((u) => u.origin)).toEqual([
      { file: 'f1', unit: '1', segment: 0 },
      { file: 'f1', unit: '1', segment: 1 },
      { file: 'f1', unit: 'u-2', segment: 0 },
    ]);
    const out = exported(throughBackup(rows));
    // Only the XML declaration and start-tag layout may differ: every element, attribute and text is the same.
    expect(out.replace(/\s+/g, ' ')).toContain(
      '<target>Order of the <pc id="1" dataRefStart="d1" dataRefEnd="d2">Minister</pc> of Internal Affairs<ph id="2" dataRef="d3"/></target>',
    );
    expect(skeleton(out)).toEqual(skeleton(original));
    const reread = readXliff2(out);
    const first = readXliff2(original);
    expect(reread.ok && first.ok && reread.value.units).toEqual(first.ok && first.value.units);
  });

  it('keeps ids, version, namespace, extensions and codes; changes only edited targets, states and notes', () => {
    let rows = imported('codes-2.1.xlf');
    // The reviewer typed around the codes: the bold word kept, words after it changed.
    rows = edit(rows, 0, 'Order of the Minister of the Interior', 'approved');
    rows = edit(rows, 1, 'Takes effect from 1 January.', 'edited');
    rows = edit(rows, 2, 'Fines.', 'rejected', 'Use "penalties"');
    const out = exported(throughBackup(rows));
    const tree = parseXml(out);
    if (!tree.ok) throw new Error(tree.error.message);
    expect(validateXliff2(tree.value)).toEqual([]);
    expect(out).toContain('version="2.1"');
    expect(out).toContain('xmlns="urn:oasis:names:tc:xliff:document:2.0"');
    expect(out).toContain('x:job="J-17"');
    expect(out).toContain('x:row="7"');
    expect(out).toContain('<skeleton href="decree.skl"/>');
    expect(out).toContain('<data id="d1">&lt;b&gt;</data>');
    expect(skeleton(out).filter((s) => !/^(sc|ec)#/.test(s))).toEqual(
      skeleton(original).filter((s) => !/^(sc|ec)#/.test(s)),
    );
    expect(out).toContain(
      '<segment id="s1" state="final" subState="audarma:approved">\n          <source>Приказ <pc id="1" dataRefStart="d1" dataRefEnd="d2">министра</pc> внутренних дел<ph id="2" dataRef="d3"/></source>\n          <target>Order of the <pc id="1" dataRefStart="d1" dataRefEnd="d2">Minister</pc> of the Interior<ph id="2" dataRef="d3"/></target>',
    );
    // A target made where the file had none carries the source's codes, still paired, around whole words.
    expect(out).toContain('<target>Takes effect from <sc id="3"/>1 January<ec startRef="3"/>.</target>');
    expect(out).toContain('<segment id="s3" state="initial" subState="audarma:rejected">');
    expect(out).toContain('<note category="audarma:rejection" appliesTo="target">Use "penalties"</note>');
    expect(out).toContain('<note category="context">Title of the decree</note>');
  });
});

describe('notes of an XLIFF 2 file', () => {
  it('a target note of the file is written once, however its target is edited; a new comment is added', () => {
    const xml =
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en"><file id="f"><unit id="a">' +
      '<notes><note category="terminology" appliesTo="target">Keep akim</note></notes>' +
      '<segment><source>Аким.</source><target>Akim.</target></segment></unit></file></xliff>';
    let rows = imported('notes.xlf', xml);
    rows = edit(rows, 0, 'The akim.', 'edited');
    const unit = rows.units[0];
    if (!unit) throw new Error('no unit');
    rows = {
      ...rows,
      comments: [
        ...rows.comments,
        {
          id: 'c9',
          documentId: unit.documentId,
          unitId: unit.id,
          lang: 'en',
          author: 'bob',
          at: 21,
          text: 'Article?',
          open: 1,
        },
      ],
    };
    const out = exported(throughBackup(rows));
    expect(out.match(/Keep akim/g)).toHaveLength(1);
    expect(out).toContain('<note category="audarma:comment" appliesTo="target">Article?</note>');
    expect(out).toContain('<target>The akim.</target>');
  });
});

describe('an XLIFF 1.2 file imported into a project and exported as the original', () => {
  const original = readFileSync('tests/fixtures/roundtrip/codes-1.2.xlf', 'utf8');

  it('keeps the file, its ids and codes, and writes edited targets with 1.2 states', () => {
    let rows = imported('codes-1.2.xlf');
    rows = edit(rows, 0, 'Order of the Minister of the Interior', 'approved');
    rows = edit(rows, 1, 'Takes effect from 1 January.', 'reviewed');
    const out = exported(throughBackup(rows));
    expect(skeleton(out).filter((s) => !/^(bpt|ept)#/.test(s))).toEqual(
      skeleton(original).filter((s) => !/^(bpt|ept)#/.test(s)),
    );
    expect(out).toContain('tool-id="tms-9"');
    expect(out).toContain('<tool tool-id="tms-9" tool-name="Example TMS"/>');
    expect(out).toContain(
      '<target state="final">Order of the <g id="1" ctype="bold">Minister</g> of the Interior<x id="2" ctype="lb"/></target>',
    );
    expect(out).toContain(
      '<target state="signed-off">Takes effect from <bpt id="3">&lt;i&gt;</bpt>1 January<ept id="3">&lt;/i&gt;</ept>.</target>',
    );
    // Untouched: exactly as it came.
    expect(out).toContain(
      '<trans-unit id="tu-3" translate="yes">\n          <source>Штрафы.</source>\n          <target state="final">Fines.</target>',
    );
    const back = readXliff1(out);
    expect(back.ok && back.value.units.map((u) => u.targets.en?.state)).toEqual([
      'approved',
      'reviewed',
      'approved',
    ]);
  });
});
