// Round trips of generated Word and TMX files through a project (import → targets edited → backup → restore →
// export as the original / as TMX → read again), for `npm run measure:roundtrip`. Files are made here from a fixed
// seed: Word packages with styles, numbering, header, footer, settings and an image, paragraphs split over runs
// with their own properties, in tables and lists; TMX files with <bpt>/<ept>/<ph> carrying native data.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseBundle, serialiseBundle, type ProjectBundle } from '../src/core/formats/backup.ts';
import { readDocument, writeDocument } from '../src/core/formats/convertDocument.ts';
import { bundleFromDocument, documentFromBundle } from '../src/core/formats/convertProject.ts';
import { paragraphRanges } from '../src/core/formats/docxPatch.ts';
import { plainText, type Content } from '../src/core/formats/interchange.ts';
import { renderingId } from '../src/core/model/ids.ts';
import { CODE_CHARS } from '../src/core/text/codeTokens.ts';

const FILES = 50;
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** mulberry32: the same files on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const WORDS = [
  'полиция',
  'город',
  'жители',
  'закон',
  'служба',
  'порядок',
  'район',
  'отчёт',
  'акимат',
  '2024',
];

function sentence(next: () => number): string {
  const n = 2 + Math.floor(next() * 5);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)] as string);
  const s = words.join(' ');
  return `${s[0]?.toUpperCase()}${s.slice(1)}.`;
}

function bundleOf(bytes: Uint8Array, file: string): ProjectBundle {
  const read = readDocument(bytes, file, { sourceLang: 'ru' });
  if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
  let n = 0;
  return bundleFromDocument(read.value, {
    projectName: 'p',
    documentName: file,
    now: 1,
    newId: (p) => `${p}${++n}`,
  });
}

function exported(bundle: ProjectBundle, file: string): Uint8Array {
  const restored = parseBundle(serialiseBundle(bundle));
  if (!restored.ok) throw new Error(restored.error.message);
  const back = documentFromBundle(restored.value);
  if (!back.ok) throw new Error(back.error.message);
  const out = writeDocument(back.value, file, { sourceLang: 'ru', targetLang: 'en' });
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

const rendering = (u: ProjectBundle['units'][number], text: string) => ({
  id: renderingId(u.id, 'en'),
  unitId: u.id,
  documentId: u.documentId,
  lang: 'en',
  text,
  state: 'approved' as const,
  updatedAt: 1,
  updatedBy: 'a',
  revision: 1,
});

/** Word: other parts byte-identical, paragraphs, runs and properties kept, text as edited. */
export function measureDocx() {
  const counts = {
    files: FILES,
    paragraphs: 0,
    editedUnits: 0,
    partsIdentical: 0,
    structureKept: 0,
    textAsEdited: 0,
  };
  const next = random(7);
  for (let f = 0; f < FILES; f += 1) {
    const paras: string[] = [];
    let body = '';
    const count = 2 + Math.floor(next() * 6);
    for (let p = 0; p < count; p += 1) {
      const text = Array.from({ length: 1 + Math.floor(next() * 3) }, () => sentence(next)).join(' ');
      paras.push(text);
      // Split over one to three runs at random places, each with its own properties.
      const cuts = [
        0,
        ...[next(), next()].map((x) => Math.floor(x * text.length)).sort((a, b) => a - b),
        text.length,
      ];
      const runs = cuts
        .slice(1)
        .map((end, i) => text.slice(cuts[i], end))
        .filter((t) => t !== '')
        .map(
          (t, i) =>
            `<w:r><w:rPr>${i % 2 ? '<w:i/>' : '<w:b/>'}</w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`,
        )
        .join('');
      const pPr =
        p === 0
          ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
          : p % 3 === 2
            ? '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'
            : '';
      const para = `<w:p>${pPr}${runs}</w:p>`;
      body += p % 4 === 3 ? `<w:tbl><w:tr><w:tc>${para}</w:tc></w:tr></w:tbl>` : para;
    }
    const pkg = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8(
        `<?xml version="1.0"?>\r\n<w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
      ),
      'word/styles.xml': strToU8(`<w:styles xmlns:w="${W}"/>`),
      'word/numbering.xml': strToU8(`<w:numbering xmlns:w="${W}"/>`),
      'word/header1.xml': strToU8(`<w:hdr xmlns:w="${W}"/>`),
      'word/footer1.xml': strToU8(`<w:ftr xmlns:w="${W}"/>`),
      'word/settings.xml': strToU8(`<w:settings xmlns:w="${W}"/>`),
      'word/media/image1.png': Uint8Array.from({ length: 200 }, () => Math.floor(next() * 256)),
    });
    const bundle = bundleOf(pkg, 'a.docx');
    // Every other unit is edited.
    const edits = new Map(
      bundle.units.filter((_, i) => i % 2 === 0).map((u) => [u.id, `Edited ${u.index}.`]),
    );
    const renderings = bundle.units
      .filter((u) => edits.has(u.id))
      .map((u) => rendering(u, edits.get(u.id) as string));
    const out = exported(
      { ...bundle, project: { ...bundle.project, targetLangs: ['en'] }, renderings },
      'a.docx',
    );
    counts.paragraphs += count;
    counts.editedUnits += edits.size;
    const before = unzipSync(pkg);
    const after = unzipSync(out);
    const same = Object.keys(before).every(
      (k) =>
        k === 'word/document.xml' ||
        Buffer.compare(Buffer.from(before[k]!), Buffer.from(after[k] ?? [])) === 0,
    );
    if (same && Object.keys(after).join() === Object.keys(before).join()) counts.partsIdentical += 1;
    const skeleton = (b: Uint8Array) => strFromU8(b).replace(/(<w:t[^>]*>)[^<]*(<\/w:t>)/g, '$1$2');
    const xb = before['word/document.xml']!;
    const xa = after['word/document.xml']!;
    if (
      skeleton(xa) === skeleton(xb) &&
      paragraphRanges(strFromU8(xa)).length === paragraphRanges(strFromU8(xb)).length
    )
      counts.structureKept += 1;
    const expected = bundle.units.map((u) => edits.get(u.id) ?? u.source).join(' ');
    const again = readDocument(out, 'a.docx', { sourceLang: 'en' });
    if (again.ok && again.value.units.map((u) => plainText(u.source)).join(' ') === expected)
      counts.textAsEdited += 1;
  }
  return counts;
}

/** TMX: tuids, sources and codes (with their data) intact, targets as edited around the codes. */
export function measureTmx() {
  const counts = {
    files: FILES,
    units: 0,
    unitsWithCodes: 0,
    idsKept: 0,
    sourcesKept: 0,
    codesKept: 0,
    targetsAsEdited: 0,
  };
  const next = random(11);
  const seg = (parts: string[]) => `<seg>${parts.join('')}</seg>`;
  for (let f = 0; f < FILES; f += 1) {
    const tus: string[] = [];
    const n = 1 + Math.floor(next() * 6);
    for (let u = 0; u < n; u += 1) {
      const parts: string[] = [];
      const words = sentence(next).split(' ');
      words.forEach((w, i) => {
        const r = next();
        if (i > 0) parts.push(' ');
        if (r < 0.2) parts.push(`<bpt i="${i + 1}">&lt;b&gt;</bpt>${w}<ept i="${i + 1}">&lt;/b&gt;</ept>`);
        else if (r < 0.35) parts.push(`${w}<ph x="${i + 1}">&lt;br/&gt;</ph>`);
        else parts.push(w);
      });
      const source = seg(parts);
      tus.push(
        `<tu tuid="t${f}-${u}"><tuv xml:lang="ru">${source}</tuv><tuv xml:lang="en">${source}</tuv></tu>`,
      );
    }
    const tmx =
      '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="g" creationtoolversion="1" datatype="plaintext" ' +
      `segtype="sentence" adminlang="en" srclang="ru" o-tmf="g"/><body>${tus.join('')}</body></tmx>`;
    const input = strToU8(tmx);
    const bundle = bundleOf(input, 'a.tmx');
    const expected: string[] = [];
    const renderings = bundle.units.map((u) => {
      const codes = u.source.match(CODE_CHARS) ?? [];
      let text = `Edited ${u.index}`;
      for (const c of codes) text += `${c} w`;
      expected.push(text.replace(CODE_CHARS, ''));
      return rendering(u, text);
    });
    const out = exported({ ...bundle, renderings }, 'a.tmx');
    const first = readDocument(input, 'a.tmx', { sourceLang: 'ru' });
    const again = readDocument(out, 'a.tmx', { sourceLang: 'ru' });
    if (!first.ok || !again.ok) continue;
    const shape = (c: Content) =>
      c.map((p) =>
        typeof p === 'string'
          ? p
          : `${p.element}#${p.id}[${(p.inner ?? []).map((x) => (x.kind === 'text' ? x.text : '')).join('')}]`,
      );
    const codesOf = (c: Content) => shape(c.filter((p) => typeof p !== 'string')).join();
    first.value.units.forEach((u, i) => {
      const b = again.value.units[i];
      counts.units += 1;
      if (codesOf(u.source) !== '') counts.unitsWithCodes += 1;
      if (b?.id === u.id) counts.idsKept += 1;
      if (b && shape(b.source).join() === shape(u.source).join()) counts.sourcesKept += 1;
      if (b && codesOf(b.targets.en?.content ?? []) === codesOf(u.source)) counts.codesKept += 1;
      if (b && plainText(b.targets.en?.content ?? []) === expected[i]) counts.targetsAsEdited += 1;
    });
  }
  return counts;
}
