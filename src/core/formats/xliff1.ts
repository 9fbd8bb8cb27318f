import { fail, ok, type Result } from '../result.ts';
import type { Lang } from '../model/lang.ts';
import type { InterchangeDocument, InterchangeTarget, InterchangeUnit, Note } from './interchange.ts';
import { readInline, writeInline } from './inlineXml.ts';
import { fromXliff1State, toXliff1State } from './states.ts';
import { parseXml } from './xml/parseXml.ts';
import { serialiseXml } from './xml/serialiseXml.ts';
import {
  attr,
  childElements,
  textContent,
  xmlElement,
  XML_NS,
  type XmlDocument,
  type XmlElement,
  type XmlNode,
} from './xml/xmlTypes.ts';
import { walkIntoValidator } from './xml/walkValidator.ts';

export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';

/** Structural rules of XLIFF 1.2 that matter for reading it: required attributes, unique ids, a source per unit. */
export function validateXliff1(doc: XmlDocument): { message: string; line: number }[] {
  return walkIntoValidator(xliff1Validator(), doc.root, false);
}

/**
 * validateXliff1 fed an element at a time, as xliff2Validator: `<xliff>`, `<file>`, `<body>` and `<group>` are
 * containers, a `<trans-unit>` comes whole. Trans-units are found under the file, its body and groups.
 */
export function xliff1Validator() {
  const problems: { message: string; line: number }[] = [];
  let ns = '';
  let root: XmlElement | undefined;
  let files = 0;
  let bodies = 0;
  let ids = new Set<string>();
  /** Containers open inside the root: a trans-unit counts only inside a file. */
  let open = 0;
  return {
    problems,
    openRoot(r: XmlElement): boolean {
      root = r;
      ns = r.uri;
      if (r.local !== 'xliff' || (ns !== XLIFF12_NS && ns !== '')) {
        problems.push({
          message: `root element is <${r.name}>, expected an XLIFF 1.2 <xliff>`,
          line: r.line,
        });
        return false;
      }
      if (attr(r, 'version') !== '1.2')
        problems.push({ message: `version "${attr(r, 'version') ?? ''}" is not 1.2`, line: r.line });
      return true;
    },
    container(el: XmlElement, depth: number): boolean {
      if (el.uri !== ns) return false;
      if (depth === 1) return el.local === 'file';
      return el.local === 'body' || el.local === 'group';
    },
    open(el: XmlElement): void {
      open += 1;
      if (el.local === 'body' && open === 2) bodies += 1;
      if (el.local !== 'file') return;
      files += 1;
      bodies = 0;
      ids = new Set();
      for (const a of ['source-language', 'datatype', 'original']) {
        if (attr(el, a) === undefined)
          problems.push({ message: `<file> has no ${a} attribute`, line: el.line });
      }
    },
    child(el: XmlElement): void {
      if (el.uri !== ns || open === 0) return;
      if (el.local === 'body' && open === 1) bodies += 1;
      if (el.local !== 'trans-unit') return;
      const id = attr(el, 'id');
      if (id === undefined) problems.push({ message: '<trans-unit> has no id', line: el.line });
      else if (ids.has(id))
        problems.push({ message: `trans-unit id "${id}" is not unique in the file`, line: el.line });
      else ids.add(id);
      if (childElements(el, 'source', ns).length !== 1)
        problems.push({ message: '<trans-unit> must have exactly one <source>', line: el.line });
    },
    close(el: XmlElement): void {
      open -= 1;
      if (el.uri === ns && el.local === 'file' && bodies !== 1)
        problems.push({ message: '<file> must have exactly one <body>', line: el.line });
    },
    end(): { message: string; line: number }[] {
      if (root && files === 0)
        problems.push({ message: '<xliff> must contain at least one <file>', line: root.line });
      return problems;
    },
  };
}

/** Trans-units under `parent`, through bodies and groups, in document order (explicit stack, no recursion). */
function transUnits(parent: XmlElement, ns: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[][] = [childElements(parent, undefined, ns).reverse()];
  for (let level = stack[0]; level !== undefined; level = stack[stack.length - 1]) {
    const c = level.pop();
    if (c === undefined) {
      stack.pop();
      continue;
    }
    if (c.local === 'trans-unit') out.push(c);
    else if (c.local === 'body' || c.local === 'group') stack.push(childElements(c, undefined, ns).reverse());
  }
  return out;
}

/** Where a trans-unit is read: its file, and what the whole document says about languages and files. */
export type Xliff1UnitContext = {
  readonly ns: string;
  readonly file: XmlElement;
  /** The document's target language (the first file's that has one). */
  readonly targetLang: string | undefined;
  readonly multiFile: boolean;
};

/** Reads XLIFF 1.2 (every `<file>`; languages from the first); refuses the whole file on the first problem. */
export function readXliff1(input: string | Uint8Array | XmlDocument): Result<InterchangeDocument> {
  const parsed = typeof input === 'string' || input instanceof Uint8Array ? parseXml(input) : ok(input);
  if (!parsed.ok) return parsed;
  const first = validateXliff1(parsed.value)[0];
  if (first) return fail(first);
  const root = parsed.value.root;
  const ns = root.uri;
  const files = childElements(root, 'file', ns);
  const sourceLang = attr(files[0] as XmlElement, 'source-language') ?? '';
  const targetLang = files.map((f) => attr(f, 'target-language')).find((l) => l !== undefined);
  const units: InterchangeUnit[] = [];
  for (const file of files) {
    const context = { ns, file, targetLang, multiFile: files.length > 1 };
    for (const tu of transUnits(file, ns)) {
      const unit = readTransUnit(tu, context);
      if (!unit.ok) return unit;
      units.push(unit.value);
    }
  }
  return ok({
    sourceLang,
    targetLangs: targetLang ? [targetLang] : [],
    units,
    format: 'xliff-1.2',
    original: parsed.value,
  });
}

/** One trans-unit as a unit. */
export function readTransUnit(tu: XmlElement, context: Xliff1UnitContext): Result<InterchangeUnit> {
  const { ns, file } = context;
  const fileLang = attr(file, 'target-language') ?? context.targetLang;
  const source = readInline(childElements(tu, 'source', ns)[0]?.children ?? [], 'xliff1', ns);
  if (!source.ok) return source;
  const notes: Note[] = childElements(tu, 'note', ns).map((n) => {
    const from = attr(n, 'from');
    const annotates = attr(n, 'annotates');
    return {
      text: textContent(n),
      ...(from !== undefined ? { from } : {}),
      ...(annotates === 'source' || annotates === 'target' ? { appliesTo: annotates } : {}),
    };
  });
  const targets: Record<Lang, InterchangeTarget> = {};
  const target = childElements(tu, 'target', ns)[0];
  if (target && fileLang) {
    const content = readInline(target.children, 'xliff1', ns);
    if (!content.ok) return content;
    targets[fileLang] = {
      content: content.value,
      state: fromXliff1State(
        attr(target, 'state'),
        attr(target, 'state-qualifier'),
        content.value.length > 0,
      ),
      notes: notes.filter((n) => n.appliesTo === 'target'),
    };
  }
  const separator = attr(tu, 'separator', 'urn:audarma:xliff:1');
  return ok({
    id: `${context.multiFile ? `${attr(file, 'original') ?? ''}/` : ''}${attr(tu, 'id') ?? ''}`,
    source: source.value,
    targets,
    notes: notes.filter((n) => n.appliesTo !== 'target'),
    ...(separator !== undefined ? { separator } : {}),
    locator: { file: attr(file, 'original') ?? '', unit: attr(tu, 'id') ?? '', segment: 0 },
  });
}

/** Writes one target language as XLIFF 1.2, one `<trans-unit>` per unit, states and notes mapped. */
export function writeXliff1(doc: InterchangeDocument, options: { readonly targetLang?: Lang } = {}): string {
  const lang = options.targetLang ?? doc.targetLangs[0];
  if (doc.original && doc.format === 'xliff-1.2') {
    const languages = childElements(doc.original.root, 'file', doc.original.root.uri).map((f) =>
      attr(f, 'target-language'),
    );
    if (lang === undefined || languages.every((l) => l === undefined || l === lang))
      return serialiseXml(patchOriginal(doc, doc.original, lang));
  }
  const ns = XLIFF12_NS;
  const el = (name: string, attrs: Record<string, string | undefined>, children: readonly XmlNode[] = []) =>
    xmlElement(name, attrs, children, { uri: ns });
  const nl = (depth: number): XmlNode => ({
    kind: 'text',
    text: '\n' + '  '.repeat(depth),
    line: 0,
    column: 0,
  });
  const units: XmlNode[] = [];
  const seen = new Set<string>();
  for (const u of doc.units) {
    let id = u.id || 'u';
    while (seen.has(id)) id += '_';
    seen.add(id);
    const target = lang !== undefined ? u.targets[lang] : undefined;
    const children: XmlNode[] = [nl(4), el('source', {}, writeInline(u.source, 'xliff1', ns))];
    if (target && target.state !== 'new') {
      const s = toXliff1State(target.state);
      children.push(
        nl(4),
        el(
          'target',
          { state: s.state, 'state-qualifier': s.qualifier },
          writeInline(target.content, 'xliff1', ns),
        ),
      );
    }
    const notes = [...u.notes, ...(target?.notes ?? []).map((n) => ({ ...n, appliesTo: 'target' as const }))];
    for (const n of notes) {
      children.push(
        nl(4),
        el(
          'note',
          { from: n.from, annotates: n.appliesTo },
          n.text ? [{ kind: 'text', text: n.text, line: 0, column: 0 }] : [],
        ),
      );
    }
    children.push(nl(3));
    const tu = el('trans-unit', { id, 'xml:space': 'preserve' }, children);
    const attrs =
      u.separator === undefined
        ? tu.attributes
        : [
            ...tu.attributes,
            {
              name: 'a:separator',
              local: 'separator',
              prefix: 'a',
              uri: 'urn:audarma:xliff:1',
              value: u.separator,
            },
          ];
    units.push(nl(3), {
      ...tu,
      attributes: attrs.map((a) => (a.prefix === 'xml' ? { ...a, uri: XML_NS } : a)),
    });
  }
  units.push(nl(2));
  const file = el(
    'file',
    {
      original: 'audarma',
      'source-language': doc.sourceLang,
      'target-language': lang,
      datatype: 'plaintext',
    },
    [nl(2), el('body', {}, units), nl(1)],
  );
  const hasSep = doc.units.some((u) => u.separator !== undefined);
  const root = xmlElement(
    'xliff',
    { version: '1.2' },
    [nl(1), file, { kind: 'text', text: '\n', line: 0, column: 0 }],
    {
      uri: ns,
      namespaces: { '': ns, ...(hasSep ? { a: 'urn:audarma:xliff:1' } : {}) },
    },
  );
  return serialiseXml({ root, prolog: [], epilog: [] });
}

/**
 * The original 1.2 tree with the targets of `doc` written into its trans-units (found by file `original` and
 * trans-unit id): a changed target gets its content and state, new notes are added; all else stays as it was.
 */
function patchOriginal(doc: InterchangeDocument, original: XmlDocument, lang: Lang | undefined): XmlDocument {
  const ns = original.root.uri;
  const before = readXliff1(original);
  const key = (file: string, unit: string) => `${file}\u0000${unit}`;
  const old = new Map<string, InterchangeUnit>();
  if (before.ok)
    for (const u of before.value.units) if (u.locator) old.set(key(u.locator.file, u.locator.unit), u);
  const now = new Map<string, InterchangeUnit>();
  for (const u of doc.units) if (u.locator) now.set(key(u.locator.file, u.locator.unit), u);
  const el = (name: string, attrs: Record<string, string | undefined>, children: readonly XmlNode[] = []) =>
    xmlElement(name, attrs, children, { uri: ns });
  let file = '';
  const walk = (node: XmlElement): XmlElement => {
    if (node.uri === ns && node.local === 'file') file = attr(node, 'original') ?? '';
    if (node.uri === ns && node.local === 'trans-unit') {
      const k = key(file, attr(node, 'id') ?? '');
      const next = lang !== undefined ? now.get(k)?.targets[lang] : undefined;
      const prev = lang !== undefined ? old.get(k)?.targets[lang] : undefined;
      if (!next || next.state === 'new') return node;
      const had = new Set([...(prev?.notes ?? []), ...(old.get(k)?.notes ?? [])].map((n) => n.text));
      const added = next.notes.filter((n) => !had.has(n.text));
      const same =
        prev && JSON.stringify(prev.content) === JSON.stringify(next.content) && prev.state === next.state;
      let children = [...node.children];
      if (!same) {
        const s = toXliff1State(next.state);
        const oldTarget = childElements(node, 'target', ns)[0];
        const kept = (oldTarget?.attributes ?? []).filter(
          (a) => !(a.uri === '' && (a.local === 'state' || a.local === 'state-qualifier')),
        );
        const fresh = el(
          'target',
          { state: s.state, 'state-qualifier': s.qualifier },
          writeInline(next.content, 'xliff1', ns),
        );
        const target: XmlElement = {
          ...fresh,
          name: node.prefix ? `${node.prefix}:target` : 'target',
          attributes: [...kept, ...fresh.attributes],
        };
        if (oldTarget) children = children.map((c) => (c === oldTarget ? target : c));
        else {
          // <target> follows <source> (and <seg-source>, when there is one).
          const source = children.findIndex(
            (c) => c.kind === 'element' && c.uri === ns && (c.local === 'seg-source' || c.local === 'source'),
          );
          const after = children.reduce(
            (at, c, i) =>
              c.kind === 'element' && c.uri === ns && (c.local === 'source' || c.local === 'seg-source')
                ? i
                : at,
            source,
          );
          children.splice(after + 1, 0, target);
        }
      }
      for (const n of added)
        children.push({
          ...el(
            'note',
            { from: n.from, annotates: 'target' },
            n.text ? [{ kind: 'text', text: n.text, line: 0, column: 0 }] : [],
          ),
          name: node.prefix ? `${node.prefix}:note` : 'note',
        });
      return same && added.length === 0 ? node : { ...node, children };
    }
    if (!node.children.some((c) => c.kind === 'element')) return node;
    return { ...node, children: node.children.map((c) => (c.kind === 'element' ? walk(c) : c)) };
  };
  const root = walk(original.root);
  if (lang === undefined) return { ...original, root };
  // A file without a target language gets the one written into it.
  const withLang = (node: XmlElement): XmlElement =>
    node.uri === ns && node.local === 'file' && attr(node, 'target-language') === undefined
      ? {
          ...node,
          attributes: [
            ...node.attributes,
            { name: 'target-language', local: 'target-language', prefix: '', uri: '', value: lang },
          ],
        }
      : node;
  return {
    ...original,
    root: { ...root, children: root.children.map((c) => (c.kind === 'element' ? withLang(c) : c)) },
  };
}
