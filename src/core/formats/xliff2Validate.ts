import type { Problem } from '../result.ts';
import { isLangCode } from '../model/lang.ts';
import { XML_NS, attr, childElements, type XmlElement, type XmlNode } from './xml/xmlTypes.ts';
import { checkFs, validateXliff2Inline } from './xliff2ValidateInline.ts';
import { walkIntoValidator } from './xml/walkValidator.ts';

const NS20 = 'urn:oasis:names:tc:xliff:document:2.0';
const NS22 = 'urn:oasis:names:tc:xliff:document:2.2';
/** Namespaces whose attributes may sit on inline codes (Format Style, Size and Length Restriction, ITS). */
export const INLINE_MODULE_NS = new Set([
  'urn:oasis:names:tc:xliff:fs:2.0',
  'urn:oasis:names:tc:xliff:sizerestriction:2.0',
  'http://www.w3.org/2005/11/its',
  'urn:oasis:names:tc:xliff:itsm:2.1',
  'urn:oasis:names:tc:xliff:itsm:2.2',
]);

/** Core attributes per element; `*` marks elements that also accept attributes from any other namespace. */
const ATTRS: Readonly<Record<string, readonly string[]>> = {
  xliff: ['*', 'version', 'srcLang', 'trgLang', 'xml:space'],
  file: ['*', 'id', 'canResegment', 'original', 'translate', 'srcDir', 'trgDir', 'xml:space'],
  skeleton: ['href'],
  group: ['*', 'id', 'name', 'canResegment', 'translate', 'srcDir', 'trgDir', 'type', 'xml:space'],
  unit: ['*', 'id', 'name', 'canResegment', 'translate', 'srcDir', 'trgDir', 'xml:space', 'type'],
  segment: ['id', 'canResegment', 'state', 'subState'],
  ignorable: ['id'],
  notes: [],
  note: ['*', 'id', 'appliesTo', 'category', 'priority', 'ref'],
  originalData: [],
  data: ['id', 'dir', 'xml:space'],
  source: ['xml:lang', 'xml:space'],
  target: ['xml:lang', 'xml:space', 'order'],
};

/** NMTOKEN, which XLIFF 2 requires of every id. */
export const NMTOKEN = /^[\p{L}\p{M}\p{N}._:\u00B7-]+$/u;
const YES_NO = new Set(['yes', 'no']);

/**
 * Checks an XLIFF 2.0/2.1/2.2 document against the core specification's processing requirements, not
 * only its schema: required attributes, unique ids, references that must resolve, inline code pairing,
 * state rules, languages, extension points. Returns every problem found, each with a line.
 * The tree is walked (iteratively) into the same incremental validator that checks a streamed file.
 */
export function validateXliff2(doc: { readonly root: XmlElement }): Problem[] {
  return walkIntoValidator(xliff2Validator(), doc.root, true);
}

/**
 * The rules of validateXliff2, fed an element at a time: containers (`<xliff>`, `<file>`, `<group>`) by their
 * start and end, everything inside them as complete subtrees (a `<unit>` whole). Memory holds the open
 * containers, the ids of the file's units and groups, and nothing of the units already checked; references
 * to units (`subFlows`) are settled when the file ends, so a reference may point to a later unit.
 */
export type Xliff2Validator = {
  readonly problems: Problem[];
  /** Checks the root; false when it is no XLIFF 2 root, which is then the only problem. */
  openRoot(root: XmlElement): boolean;
  /** Whether an element at `depth` (root 0) inside a container is a container itself. */
  container(el: XmlElement, depth: number): boolean;
  open(el: XmlElement): void;
  child(node: XmlNode): void;
  close(el: XmlElement): void;
  /** The root has ended: the checks that need all of it. */
  end(): Problem[];
};

type Level = {
  readonly el: XmlElement;
  readonly rank: (c: XmlElement) => void;
  /** Children kept for the checks made at the end: notes, skeletons, extension elements. */
  readonly kept: XmlNode[];
  content: number;
  readonly space: string;
  readonly lang: string | undefined;
};

export function xliff2Validator(): Xliff2Validator {
  const problems: Problem[] = [];
  const report = (el: XmlElement, message: string) =>
    problems.push({ message, line: el.line, column: el.column });
  let ns = '';
  let srcLang: string | undefined;
  let trgLang: string | undefined;
  const isCore = (el: XmlElement) => el.uri === ns;

  const checkAttrs = (el: XmlElement) => {
    const allowed = ATTRS[el.local] ?? [];
    for (const a of el.attributes) {
      const qname = a.uri === XML_NS ? `xml:${a.local}` : a.local;
      if (a.uri === '' || (a.uri === XML_NS && !allowed.includes('*'))) {
        if (!allowed.includes(qname)) report(el, `attribute ${qname} is not allowed on <${el.local}>`);
      } else if (!allowed.includes('*'))
        report(el, `extension attribute ${a.name} is not allowed on <${el.local}>`);
    }
    checkFs(el, { report });
    for (const a of ['canResegment', 'translate']) {
      const v = attr(el, a);
      if (v !== undefined && !YES_NO.has(v)) report(el, `${a}="${v}" must be yes or no`);
    }
    for (const a of ['srcDir', 'trgDir', 'dir']) {
      const v = attr(el, a);
      if (v !== undefined && !['ltr', 'rtl', 'auto'].includes(v))
        report(el, `${a}="${v}" must be ltr, rtl or auto`);
    }
    const space = attr(el, 'space', XML_NS);
    if (space !== undefined && space !== 'default' && space !== 'preserve')
      report(el, `xml:space="${space}" must be default or preserve`);
    const lang = attr(el, 'lang', XML_NS);
    if (lang !== undefined && lang !== '' && !isLangCode(lang))
      report(el, `xml:lang "${lang}" is not a well-formed language tag`);
    const id = attr(el, 'id');
    if (id !== undefined && !NMTOKEN.test(id)) report(el, `id "${id}" is not a valid NMTOKEN`);
  };
  /** Children must follow the content model's order; extension elements only where the model allows them. */
  const orderOf = (
    el: XmlElement,
    ranks: Readonly<Record<string, number>>,
    extensionRank: number | undefined,
  ) => {
    let at = 0;
    return (c: XmlElement) => {
      if (!isCore(c)) {
        if (c.uri === NS20 || c.uri === NS22) report(c, `<${c.local}> is in the wrong XLIFF namespace`);
        else if (extensionRank === undefined || at > extensionRank)
          report(c, `extension element <${c.name}> is not allowed here in <${el.local}>`);
        else at = extensionRank;
        return;
      }
      const rank = ranks[c.local];
      if (rank === undefined) report(c, `<${c.local}> is not allowed in <${el.local}>`);
      else if (rank < at) report(c, `<${c.local}> is out of order in <${el.local}>`);
      else at = rank;
    };
  };
  const order = (el: XmlElement, ranks: Readonly<Record<string, number>>, ext: number | undefined) => {
    const rank = orderOf(el, ranks, ext);
    for (const c of childElements(el)) rank(c);
  };
  const checkNotes = (parent: XmlElement) => {
    const lists = childElements(parent, 'notes', ns);
    if (lists.length > 1) report(lists[1] as XmlElement, `<${parent.local}> has more than one <notes>`);
    const ids = new Set<string>();
    for (const list of lists) {
      checkAttrs(list);
      const notes = childElements(list, 'note', ns);
      if (notes.length === 0) report(list, '<notes> must contain at least one <note>');
      for (const c of childElements(list))
        if (c.local !== 'note' || !isCore(c)) report(c, `<${c.name}> is not allowed in <notes>`);
      for (const n of notes) {
        checkAttrs(n);
        for (const c of childElements(n)) report(c, `<note> holds text only, not <${c.name}>`);
        const id = attr(n, 'id');
        if (id !== undefined) {
          if (ids.has(id)) report(n, `note id "${id}" is not unique`);
          ids.add(id);
        }
        const applies = attr(n, 'appliesTo');
        if (applies !== undefined && applies !== 'source' && applies !== 'target')
          report(n, `appliesTo="${applies}" must be source or target`);
        const priority = attr(n, 'priority');
        if (priority !== undefined && !/^([1-9]|10)$/.test(priority))
          report(n, `priority="${priority}" must be 1 to 10`);
      }
    }
    return ids;
  };
  const extIds = (parent: XmlElement) => {
    const seen = new Set<string>();
    for (const c of childElements(parent)) {
      if (isCore(c)) continue;
      checkModuleElement(c, report);
      extIds(c);
      const id = attr(c, 'id');
      if (id === undefined) continue;
      if (seen.has(`${c.uri} ${id}`))
        report(c, `extension element id "${id}" is not unique in <${parent.local}>`);
      seen.add(`${c.uri} ${id}`);
    }
  };
  /** The container with its kept children, for the checks that look at them together. */
  const withKept = (level: Level): XmlElement => ({ ...level.el, children: level.kept });

  let root: XmlElement | undefined;
  const levels: Level[] = [];
  let files = 0;
  const fileIds = new Set<string>();
  let groupIds = new Set<string>();
  let unitIds = new Set<string>();
  let laterRefs: { readonly ref: string; readonly el: XmlElement; readonly message: string }[] = [];

  const checkUnit = (unit: XmlElement, parent: Level) => {
    const id = attr(unit, 'id');
    if (id === undefined) report(unit, '<unit> has no id');
    else if (unitIds.has(id)) report(unit, `unit id "${id}" is not unique in the file`);
    else unitIds.add(id);
    const space = attr(unit, 'space', XML_NS) ?? parent.space;
    const unitLang = attr(unit, 'lang', XML_NS) ?? parent.lang;
    checkAttrs(unit);
    extIds(unit);
    order(unit, { notes: 2, originalData: 3, segment: 4, ignorable: 4 }, 1);
    const noteIds = checkNotes(unit);
    const dataIds = new Set<string>();
    for (const od of childElements(unit, 'originalData', ns)) {
      const data = childElements(od, 'data', ns);
      if (data.length === 0) report(od, '<originalData> must contain at least one <data>');
      for (const c of childElements(od))
        if (!isCore(c) || c.local !== 'data') report(c, `<${c.name}> is not allowed in <originalData>`);
      for (const d of data) {
        checkAttrs(d);
        const did = attr(d, 'id');
        if (did === undefined) report(d, '<data> has no id');
        else if (dataIds.has(did)) report(d, `data id "${did}" is not unique in the unit`);
        else dataIds.add(did);
        for (const c of childElements(d))
          if (!isCore(c) || c.local !== 'cp') report(c, `<${c.name}> is not allowed in <data>`);
      }
    }
    const parts = childElements(unit, undefined, ns).filter(
      (c) => c.local === 'segment' || c.local === 'ignorable',
    );
    if (!parts.some((p) => p.local === 'segment')) report(unit, '<unit> must contain at least one <segment>');
    const partIds = new Set<string>();
    const orders = new Set<string>();
    for (const part of parts) {
      checkAttrs(part);
      const pid = attr(part, 'id');
      if (pid !== undefined) {
        if (partIds.has(pid)) report(part, `${part.local} id "${pid}" is not unique in the unit`);
        partIds.add(pid);
      }
      order(part, { source: 0, target: 1 }, undefined);
      const sources = childElements(part, 'source', ns);
      const targets = childElements(part, 'target', ns);
      if (sources.length !== 1) report(part, `<${part.local}> must have exactly one <source>`);
      if (targets.length > 1) report(part, `<${part.local}> has more than one <target>`);
      for (const src of sources) {
        checkAttrs(src);
        const lang = attr(src, 'lang', XML_NS) ?? unitLang;
        if (lang !== undefined && srcLang !== undefined && lang.toLowerCase() !== srcLang.toLowerCase()) {
          report(src, `<source> xml:lang "${lang}" differs from srcLang "${srcLang}"`);
        }
      }
      for (const t of targets) {
        checkAttrs(t);
        if (trgLang === undefined) report(t, '<target> present but <xliff> has no trgLang');
        const lang = attr(t, 'lang', XML_NS) ?? unitLang;
        if (lang !== undefined && trgLang !== undefined && lang.toLowerCase() !== trgLang.toLowerCase()) {
          report(t, `<target> xml:lang "${lang}" differs from trgLang "${trgLang}"`);
        }
        const src = sources[0];
        if (src && (attr(src, 'space', XML_NS) ?? space) !== (attr(t, 'space', XML_NS) ?? space)) {
          report(t, '<target> xml:space differs from its <source>');
        }
        const ord = attr(t, 'order');
        if (ord !== undefined && !/^[1-9]\d*$/.test(ord))
          report(t, `order="${ord}" must be a positive integer`);
        else if (ord !== undefined && Number(ord) > parts.length)
          report(t, `order="${ord}" is beyond the unit's ${parts.length} parts`);
        else if (ord !== undefined && orders.has(ord)) report(t, `order="${ord}" is used twice in the unit`);
        if (ord !== undefined) orders.add(ord);
      }
      if (part.local === 'segment') {
        const state = attr(part, 'state');
        const sub = attr(part, 'subState');
        if (state !== undefined && !['initial', 'translated', 'reviewed', 'final'].includes(state)) {
          report(part, `state="${state}" must be initial, translated, reviewed or final`);
        }
        if (sub !== undefined && state === undefined) report(part, 'subState is used without state');
        if (sub !== undefined && !/^[^:\s]+:[^\s]+$/.test(sub))
          report(part, `subState "${sub}" must be prefix:value`);
      }
    }
    validateXliff2Inline({
      unit,
      ns,
      parts,
      dataIds,
      noteIds,
      unitIds,
      report,
      laterUnitRef: (ref, el, message) => laterRefs.push({ ref, el, message }),
    });
  };

  return {
    problems,
    openRoot(r) {
      root = r;
      if (r.local !== 'xliff' || (r.uri !== NS20 && r.uri !== NS22)) {
        report(r, `root element is <${r.name}> in namespace "${r.uri}", expected an XLIFF 2 <xliff>`);
        return false;
      }
      ns = r.uri;
      const version = attr(r, 'version');
      if (version === undefined) report(r, '<xliff> has no version attribute');
      else if (ns === NS20 ? !['2.0', '2.1'].includes(version) : version !== '2.2') {
        report(r, `version "${version}" does not match the namespace ${ns}`);
      }
      srcLang = attr(r, 'srcLang');
      trgLang = attr(r, 'trgLang');
      if (srcLang === undefined) report(r, '<xliff> has no srcLang attribute');
      else if (!isLangCode(srcLang)) report(r, `srcLang "${srcLang}" is not a well-formed language tag`);
      if (trgLang !== undefined && !isLangCode(trgLang))
        report(r, `trgLang "${trgLang}" is not a well-formed language tag`);
      checkAttrs(r);
      const only = (c: XmlElement) => {
        if (!isCore(c) || c.local !== 'file') report(c, `<${c.name}> is not allowed in <xliff>`);
      };
      levels.push({
        el: r,
        rank: ns === NS22 ? orderOf(r, { notes: 0, file: 2 }, 1) : only,
        kept: [],
        content: 0,
        space: attr(r, 'space', XML_NS) ?? 'default',
        lang: attr(r, 'lang', XML_NS),
      });
      return true;
    },
    container(el, depth) {
      return isCore(el) && (depth === 1 ? el.local === 'file' : depth >= 2 && el.local === 'group');
    },
    open(el) {
      const parent = levels[levels.length - 1];
      if (!parent) return;
      parent.rank(el);
      parent.content += 1;
      checkAttrs(el);
      const id = attr(el, 'id');
      if (el.local === 'file') {
        files += 1;
        if (id === undefined) report(el, '<file> has no id');
        else if (fileIds.has(id)) report(el, `file id "${id}" is not unique`);
        else fileIds.add(id);
        groupIds = new Set();
        unitIds = new Set();
        laterRefs = [];
      } else if (id === undefined) report(el, '<group> has no id');
      else if (groupIds.has(id)) report(el, `group id "${id}" is not unique in the file`);
      else groupIds.add(id);
      levels.push({
        el,
        rank:
          el.local === 'file'
            ? orderOf(el, { skeleton: 0, notes: 2, unit: 3, group: 3 }, 1)
            : orderOf(el, { notes: 2, unit: 3, group: 3 }, 1),
        kept: [],
        content: 0,
        space: attr(el, 'space', XML_NS) ?? parent.space,
        lang: attr(el, 'lang', XML_NS) ?? parent.lang,
      });
    },
    child(node) {
      const level = levels[levels.length - 1];
      if (!level || node.kind !== 'element') return;
      level.rank(node);
      if (level.el === root) {
        level.kept.push(node);
        return;
      }
      if (isCore(node) && node.local === 'unit') {
        level.content += 1;
        checkUnit(node, level);
        return;
      }
      if (isCore(node) && node.local === 'group') level.content += 1;
      if (isCore(node) && node.local === 'skeleton' && level.el.local === 'file') {
        checkAttrs(node);
        const hasContent = node.children.some(
          (c) => (c.kind === 'text' && c.text.trim() !== '') || c.kind === 'element',
        );
        if (attr(node, 'href') !== undefined && hasContent)
          report(node, '<skeleton> has both href and content');
        if (attr(node, 'href') === undefined && !hasContent)
          report(node, '<skeleton> without href must not be empty');
      }
      if (!isCore(node) || node.local === 'notes') level.kept.push(node);
    },
    close(el) {
      const level = levels.pop();
      if (!level || level.el !== el) return;
      checkNotes(withKept(level));
      extIds(withKept(level));
      if (el.local === 'file') {
        if (level.content === 0) report(el, '<file> must contain at least one <unit> or <group>');
        for (const r of laterRefs) if (!unitIds.has(r.ref)) report(r.el, r.message);
        laterRefs = [];
      }
    },
    end() {
      const level = levels.pop();
      if (root && level?.el === root) {
        if (files === 0) report(root, '<xliff> must contain at least one <file>');
        if (ns === NS22) checkNotes(withKept(level));
      }
      return problems;
    },
  };
}

/** Element names of the modules whose vocabulary is closed, so a misspelt module element is caught. */
const MODULE_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  'urn:oasis:names:tc:xliff:validation:2.0': ['validation', 'rule'],
  'urn:oasis:names:tc:xliff:glossary:2.0': ['glossary', 'glossEntry', 'term', 'translation', 'definition'],
  'urn:oasis:names:tc:xliff:matches:2.0': ['matches', 'match'],
  'urn:oasis:names:tc:xliff:metadata:2.0': ['metadata', 'metaGroup', 'meta'],
};

function checkModuleElement(el: XmlElement, report: (el: XmlElement, message: string) => void): void {
  const known = MODULE_ELEMENTS[el.uri];
  if (known && !known.includes(el.local))
    report(el, `<${el.name}> is not an element of its module (${el.uri})`);
}
