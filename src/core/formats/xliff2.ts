import { fail, ok, type Result } from '../result.ts';
import type { Lang } from '../model/lang.ts';
import type { InterchangeDocument, InterchangeTarget, InterchangeUnit, Note } from './interchange.ts';
import { readInline, writeInline } from './inlineXml.ts';
import { fromXliff2State, toXliff2State } from './states.ts';
import { validateXliff2 } from './xliff2Validate.ts';
import { parseXml } from './xml/parseXml.ts';
import { serialiseXml } from './xml/serialiseXml.ts';
import {
  attr,
  childElements,
  textContent,
  xmlElement,
  type XmlDocument,
  type XmlElement,
  type XmlNode,
} from './xml/xmlTypes.ts';

export const XLIFF20_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const XLIFF22_NS = 'urn:oasis:names:tc:xliff:document:2.2';
/** Our own extension namespace, for what XLIFF 2 core has no place for (the text between units). */
export const AUDARMA_NS = 'urn:audarma:xliff:1';

export type Xliff2Version = '2.0' | '2.1' | '2.2';

export function xliff2Namespace(version: Xliff2Version): string {
  return version === '2.2' ? XLIFF22_NS : XLIFF20_NS;
}

/** Reads an XLIFF 2.0/2.1/2.2 file; a file breaking a rule of the specification is refused with its first problem. */
export function readXliff2(input: string | Uint8Array | XmlDocument): Result<InterchangeDocument> {
  const parsed = typeof input === 'string' || input instanceof Uint8Array ? parseXml(input) : ok(input);
  if (!parsed.ok) return parsed;
  const tree = parsed.value;
  const problems = validateXliff2(tree);
  const first = problems[0];
  if (first) return fail(first);
  const root = tree.root;
  const ns = root.uri;
  const version = attr(root, 'version') as Xliff2Version;
  const sourceLang = attr(root, 'srcLang') ?? '';
  const targetLang = attr(root, 'trgLang');
  const units: InterchangeUnit[] = [];
  const files = childElements(root, 'file', ns);
  for (const file of files) {
    const context = { ns, fileId: attr(file, 'id') ?? '', targetLang, multiFile: files.length > 1 };
    for (const unit of unitsOf(file, ns)) {
      const read = readXliff2Unit(unit, context);
      if (!read.ok) return read;
      units.push(...read.value);
    }
  }
  return ok({
    sourceLang,
    targetLangs: targetLang ? [targetLang] : [],
    units,
    format: `xliff-${version}`,
    original: tree,
  });
}

/** Where a unit is read: its file, and what the whole document says. */
export type Xliff2UnitContext = {
  readonly ns: string;
  readonly fileId: string;
  readonly targetLang: string | undefined;
  readonly multiFile: boolean;
};

/** The units (one per segment) of an XLIFF 2 `<unit>`. */
export function readXliff2Unit(unit: XmlElement, context: Xliff2UnitContext): Result<InterchangeUnit[]> {
  const { ns, fileId, targetLang } = context;
  const units: InterchangeUnit[] = [];
  const unitId = attr(unit, 'id') ?? '';
  const notes = readNotes(unit, ns);
  const segments = childElements(unit, 'segment', ns);
  for (const [index, segment] of segments.entries()) {
    const source = childElements(segment, 'source', ns)[0];
    const target = childElements(segment, 'target', ns)[0];
    const src = readInline(source?.children ?? [], 'xliff2', ns);
    if (!src.ok) return src;
    const targets: Record<Lang, InterchangeTarget> = {};
    if (target && targetLang) {
      const tgt = readInline(target.children, 'xliff2', ns);
      if (!tgt.ok) return tgt;
      const hasText = textContent(target) !== '' || tgt.value.length > 0;
      targets[targetLang] = {
        content: tgt.value,
        state: fromXliff2State(attr(segment, 'state'), attr(segment, 'subState'), hasText),
        notes: notes.filter((n) => n.appliesTo === 'target'),
      };
    }
    const segPart = segments.length > 1 ? `/${attr(segment, 'id') ?? index + 1}` : '';
    const separator = attr(unit, 'separator', AUDARMA_NS);
    units.push({
      id: `${context.multiFile ? `${fileId}/` : ''}${unitId}${segPart}`,
      source: src.value,
      targets,
      notes: index === 0 ? notes.filter((n) => n.appliesTo !== 'target') : [],
      locator: { file: fileId, unit: unitId, segment: index },
      ...(separator !== undefined && index === 0 ? { separator } : {}),
    });
  }
  return ok(units);
}

function unitsOf(parent: XmlElement, ns: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of childElements(parent, undefined, ns)) {
    if (c.local === 'unit') out.push(c);
    else if (c.local === 'group') out.push(...unitsOf(c, ns));
  }
  return out;
}

function readNotes(unit: XmlElement, ns: string): Note[] {
  const notes: Note[] = [];
  for (const list of childElements(unit, 'notes', ns)) {
    for (const n of childElements(list, 'note', ns)) {
      const applies = attr(n, 'appliesTo');
      const category = attr(n, 'category');
      notes.push({
        text: textContent(n),
        ...(category !== undefined ? { category } : {}),
        ...(applies === 'source' || applies === 'target' ? { appliesTo: applies } : {}),
      });
    }
  }
  return notes;
}

export type WriteXliff2Options = {
  /** Target language to write (XLIFF 2 holds one); defaults to the document's first. */
  readonly targetLang?: Lang;
  /** Version for a new file; a file read from XLIFF 2 keeps its own. Default 2.1. */
  readonly version?: Xliff2Version;
};

/**
 * Writes one target language as XLIFF 2. A document read from XLIFF 2 is written by patching its original
 * tree: only targets, states and notes that changed are replaced, everything else is kept as it was.
 */
export function writeXliff2(doc: InterchangeDocument, options: WriteXliff2Options = {}): string {
  const lang = options.targetLang ?? doc.targetLangs[0];
  if (
    doc.original &&
    doc.format.startsWith('xliff-2') &&
    (lang === undefined ||
      attr(doc.original.root, 'trgLang') === lang ||
      attr(doc.original.root, 'trgLang') === undefined)
  ) {
    return serialiseXml(patchOriginal(doc, doc.original, lang));
  }
  const version = options.version ?? '2.1';
  const ns = xliff2Namespace(version);
  const el = (name: string, attrs: Record<string, string | undefined>, children: readonly XmlNode[] = []) =>
    xmlElement(name, attrs, children, { uri: ns });
  const nl = (depth: number): XmlNode => ({
    kind: 'text',
    text: '\n' + '  '.repeat(depth),
    line: 0,
    column: 0,
  });
  const ids = uniqueIds(doc.units.map((u) => u.id));
  const unitEls: XmlNode[] = [];
  doc.units.forEach((u, i) => {
    const target = lang !== undefined ? u.targets[lang] : undefined;
    const notes = [...u.notes, ...(target?.notes ?? []).map((n) => ({ ...n, appliesTo: 'target' as const }))];
    const children: XmlNode[] = [];
    if (notes.length > 0)
      children.push(nl(3), el('notes', {}, notes.flatMap((n) => [nl(4), noteEl(n, el)]).concat(nl(3))));
    const state = target ? toXliff2State(target.state) : undefined;
    const segChildren: XmlNode[] = [nl(4), el('source', {}, writeInline(u.source, 'xliff2', ns))];
    if (target && target.state !== 'new')
      segChildren.push(nl(4), el('target', {}, writeInline(target.content, 'xliff2', ns)));
    segChildren.push(nl(3));
    children.push(
      nl(3),
      el('segment', target ? { state: state?.state, subState: state?.subState } : {}, segChildren),
      nl(2),
    );
    const unit = el('unit', { id: ids[i] }, children);
    unitEls.push(
      nl(2),
      u.separator === undefined
        ? unit
        : {
            ...unit,
            attributes: [
              ...unit.attributes,
              { name: 'a:separator', local: 'separator', prefix: 'a', uri: AUDARMA_NS, value: u.separator },
            ],
          },
    );
  });
  // A file needs a unit or a group: a document without units gets an empty group.
  if (unitEls.length === 0) unitEls.push(nl(2), el('group', { id: 'g1' }));
  unitEls.push(nl(1));
  const used: Record<string, string> = {};
  for (const u of doc.units) {
    const target = lang !== undefined ? u.targets[lang]?.content : undefined;
    for (const part of [...u.source, ...(target ?? [])]) {
      if (typeof part === 'string' || part.format !== 'xliff2') continue;
      for (const a of part.attributes) if (a.prefix && a.prefix !== 'xml' && a.uri) used[a.prefix] = a.uri;
    }
  }
  const root = xmlElement(
    'xliff',
    { version, srcLang: doc.sourceLang, trgLang: lang },
    [nl(1), el('file', { id: 'f1' }, unitEls), { kind: 'text', text: '\n', line: 0, column: 0 }],
    {
      uri: ns,
      namespaces: {
        '': ns,
        ...used,
        ...(doc.units.some((u) => u.separator !== undefined) ? { a: AUDARMA_NS } : {}),
      },
    },
  );
  return serialiseXml({ root, prolog: [], epilog: [] });
}

function noteEl(
  n: Note,
  el: (name: string, attrs: Record<string, string | undefined>, children?: readonly XmlNode[]) => XmlElement,
) {
  return el(
    'note',
    { category: n.category, appliesTo: n.appliesTo },
    n.text ? [{ kind: 'text', text: n.text, line: 0, column: 0 }] : [],
  );
}

/** XLIFF 2 unit ids are NMTOKENs unique in their file. */
function uniqueIds(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  return raw.map((id) => {
    let t = id.replace(/[^\p{L}\p{N}._:-]/gu, '_') || 'u';
    while (seen.has(t)) t += '_';
    seen.add(t);
    return t;
  });
}

function patchOriginal(doc: InterchangeDocument, original: XmlDocument, lang: Lang | undefined): XmlDocument {
  const before = readXliff2(original);
  const old = new Map<string, InterchangeUnit>();
  if (before.ok) for (const u of before.value.units) if (u.locator) old.set(key(u.locator), u);
  const now = new Map<string, InterchangeUnit>();
  for (const u of doc.units) if (u.locator) now.set(key(u.locator), u);
  const ns = original.root.uri;
  let fileId = '';
  const walk = (el: XmlElement): XmlElement => {
    if (el.uri === ns && el.local === 'file') fileId = attr(el, 'id') ?? '';
    if (el.uri === ns && el.local === 'unit') return patchUnit(el, fileId);
    if (!el.children.some((c) => c.kind === 'element')) return el;
    return { ...el, children: el.children.map((c) => (c.kind === 'element' ? walk(c) : c)) };
  };
  const patchUnit = (unit: XmlElement, file: string): XmlElement => {
    const unitId = attr(unit, 'id') ?? '';
    let index = -1;
    const added: Note[] = [];
    const children = unit.children.map((c) => {
      if (c.kind !== 'element' || c.uri !== ns || c.local !== 'segment') return c;
      index += 1;
      const k = key({ file, unit: unitId, segment: index });
      const next = now.get(k)?.targets[lang ?? ''];
      const prev = old.get(k)?.targets[lang ?? ''];
      if (!next) return c;
      const had = new Set((prev?.notes ?? []).map((n) => `${n.category ?? ''}\u0000${n.text}`));
      added.push(...next.notes.filter((n) => !had.has(`${n.category ?? ''}\u0000${n.text}`)));
      if (prev && JSON.stringify(prev.content) === JSON.stringify(next.content) && prev.state === next.state)
        return c;
      return patchSegment(c, next, ns);
    });
    return withNotes({ ...unit, children }, added, ns);
  };
  const root = walk(original.root);
  const trg = attr(root, 'trgLang');
  if (lang && trg === undefined) {
    return {
      ...original,
      root: {
        ...root,
        attributes: [
          ...root.attributes,
          { name: 'trgLang', local: 'trgLang', prefix: '', uri: '', value: lang },
        ],
      },
    };
  }
  return { ...original, root };
}

function patchSegment(segment: XmlElement, target: InterchangeTarget, ns: string): XmlElement {
  const { state, subState } = toXliff2State(target.state);
  const attributes = segment.attributes.filter(
    (a) => !(a.uri === '' && (a.local === 'state' || a.local === 'subState')),
  );
  attributes.push(
    { name: 'state', local: 'state', prefix: '', uri: '', value: state },
    { name: 'subState', local: 'subState', prefix: '', uri: '', value: subState },
  );
  const oldTarget = childElements(segment, 'target', ns)[0];
  const content = writeInline(target.content, 'xliff2', ns);
  const newTarget: XmlElement = oldTarget
    ? { ...oldTarget, children: content }
    : { ...xmlElement('target', {}, content, { uri: ns }), name: prefixed(segment, 'target') };
  const children = oldTarget
    ? segment.children.map((c) => (c === oldTarget ? newTarget : c))
    : [...segment.children, newTarget];
  return { ...segment, attributes, children };
}

/**
 * A unit with notes added to its `<notes>` (made where it has none, before `<originalData>` and the segments, as
 * the schema orders them). Added target notes say they apply to the target.
 */
function withNotes(unit: XmlElement, added: readonly Note[], ns: string): XmlElement {
  if (added.length === 0) return unit;
  const noteEls = added.map((n) => ({
    ...xmlElement(
      'note',
      { category: n.category, appliesTo: 'target' },
      n.text ? [{ kind: 'text' as const, text: n.text, line: 0, column: 0 }] : [],
      { uri: ns },
    ),
    name: prefixed(unit, 'note'),
  }));
  const existing = unit.children.find(
    (c): c is XmlElement => c.kind === 'element' && c.uri === ns && c.local === 'notes',
  );
  if (existing) {
    const notes = { ...existing, children: [...existing.children, ...noteEls] };
    return { ...unit, children: unit.children.map((c) => (c === existing ? notes : c)) };
  }
  const notes: XmlElement = {
    ...xmlElement('notes', {}, noteEls, { uri: ns }),
    name: prefixed(unit, 'notes'),
  };
  const at = unit.children.findIndex(
    (c) =>
      c.kind === 'element' &&
      c.uri === ns &&
      (c.local === 'originalData' || c.local === 'segment' || c.local === 'ignorable'),
  );
  const children = [...unit.children];
  children.splice(at === -1 ? children.length : at, 0, notes);
  return { ...unit, children };
}

function prefixed(sibling: XmlElement, local: string): string {
  return sibling.prefix ? `${sibling.prefix}:${local}` : local;
}

function key(l: { file: string; unit: string; segment: number }): string {
  return `${l.file}\u0000${l.unit}\u0000${l.segment}`;
}
