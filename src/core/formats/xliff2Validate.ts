import type { Problem } from '../result.ts';
import { isLangCode } from '../model/lang.ts';
import { XML_NS, attr, childElements, type XmlElement } from './xml/xmlTypes.ts';
import { checkFs, validateXliff2Inline } from './xliff2ValidateInline.ts';

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
 */
export function validateXliff2(doc: { readonly root: XmlElement }): Problem[] {
  const problems: Problem[] = [];
  const report = (el: XmlElement, message: string) =>
    problems.push({ message, line: el.line, column: el.column });
  const root = doc.root;
  if (root.local !== 'xliff' || (root.uri !== NS20 && root.uri !== NS22)) {
    report(root, `root element is <${root.name}> in namespace "${root.uri}", expected an XLIFF 2 <xliff>`);
    return problems;
  }
  const ns = root.uri;
  const version = attr(root, 'version');
  if (version === undefined) report(root, '<xliff> has no version attribute');
  else if (ns === NS20 ? !['2.0', '2.1'].includes(version) : version !== '2.2') {
    report(root, `version "${version}" does not match the namespace ${ns}`);
  }
  const srcLang = attr(root, 'srcLang');
  const trgLang = attr(root, 'trgLang');
  if (srcLang === undefined) report(root, '<xliff> has no srcLang attribute');
  else if (!isLangCode(srcLang)) report(root, `srcLang "${srcLang}" is not a well-formed language tag`);
  if (trgLang !== undefined && !isLangCode(trgLang))
    report(root, `trgLang "${trgLang}" is not a well-formed language tag`);

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
  const isCore = (el: XmlElement) => el.uri === ns;
  const order = (
    el: XmlElement,
    ranks: Readonly<Record<string, number>>,
    extensionRank: number | undefined,
  ) => {
    // Children must follow the content model's order; extension elements only where the model allows them.
    let at = 0;
    for (const c of childElements(el)) {
      if (!isCore(c)) {
        if (c.uri === NS20 || c.uri === NS22) report(c, `<${c.local}> is in the wrong XLIFF namespace`);
        else if (extensionRank === undefined || at > extensionRank)
          report(c, `extension element <${c.name}> is not allowed here in <${el.local}>`);
        else at = extensionRank;
        continue;
      }
      const rank = ranks[c.local];
      if (rank === undefined) report(c, `<${c.local}> is not allowed in <${el.local}>`);
      else if (rank < at) report(c, `<${c.local}> is out of order in <${el.local}>`);
      else at = rank;
    }
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

  checkAttrs(root);
  const files = childElements(root, 'file', ns);
  if (files.length === 0) report(root, '<xliff> must contain at least one <file>');
  if (ns === NS22) order(root, { notes: 0, file: 2 }, 1);
  else
    for (const c of childElements(root))
      if (!isCore(c) || c.local !== 'file') report(c, `<${c.name}> is not allowed in <xliff>`);
  if (ns === NS22) checkNotes(root);
  const fileIds = new Set<string>();
  for (const file of files) {
    checkAttrs(file);
    const fileId = attr(file, 'id');
    if (fileId === undefined) report(file, '<file> has no id');
    else if (fileIds.has(fileId)) report(file, `file id "${fileId}" is not unique`);
    else fileIds.add(fileId);
    order(file, { skeleton: 0, notes: 2, unit: 3, group: 3 }, 1);
    for (const sk of childElements(file, 'skeleton', ns)) {
      checkAttrs(sk);
      const hasContent = sk.children.some(
        (c) => (c.kind === 'text' && c.text.trim() !== '') || c.kind === 'element',
      );
      if (attr(sk, 'href') !== undefined && hasContent) report(sk, '<skeleton> has both href and content');
      if (attr(sk, 'href') === undefined && !hasContent)
        report(sk, '<skeleton> without href must not be empty');
    }
    checkNotes(file);
    extIds(file);
    const content = childElements(file).filter(
      (c) => isCore(c) && (c.local === 'unit' || c.local === 'group'),
    );
    if (content.length === 0) report(file, '<file> must contain at least one <unit> or <group>');
    const groupIds = new Set<string>();
    const unitIds = new Set<string>();
    const units: XmlElement[] = [];
    const space = new Map<XmlElement, string>();
    const parentOf = new Map<XmlElement, XmlElement>();
    space.set(file, attr(file, 'space', XML_NS) ?? attr(root, 'space', XML_NS) ?? 'default');
    // xml:lang is inherited too: a <source> or <target> without one takes its ancestors'.
    const langs = new Map<XmlElement, string | undefined>();
    langs.set(file, attr(file, 'lang', XML_NS) ?? attr(root, 'lang', XML_NS));
    // Groups nest: an explicit stack of sibling lists walks them in document order without recursion.
    const stack: XmlElement[][] = [childElements(file, undefined, ns).reverse()];
    for (let level = stack[0]; level !== undefined; level = stack[stack.length - 1]) {
      const c = level.pop();
      if (c === undefined) {
        stack.pop();
        continue;
      }
      const parent = parentOf.get(c) ?? file;
      space.set(c, attr(c, 'space', XML_NS) ?? space.get(parent) ?? 'default');
      langs.set(c, attr(c, 'lang', XML_NS) ?? langs.get(parent));
      if (c.local === 'group') {
        checkAttrs(c);
        const id = attr(c, 'id');
        if (id === undefined) report(c, '<group> has no id');
        else if (groupIds.has(id)) report(c, `group id "${id}" is not unique in the file`);
        else groupIds.add(id);
        order(c, { notes: 2, unit: 3, group: 3 }, 1);
        checkNotes(c);
        extIds(c);
        const kids = childElements(c, undefined, ns);
        for (const k of kids) parentOf.set(k, c);
        stack.push(kids.reverse());
      } else if (c.local === 'unit') {
        const id = attr(c, 'id');
        if (id === undefined) report(c, '<unit> has no id');
        else if (unitIds.has(id)) report(c, `unit id "${id}" is not unique in the file`);
        else unitIds.add(id);
        units.push(c);
      }
    }
    for (const unit of units) {
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
          const id = attr(d, 'id');
          if (id === undefined) report(d, '<data> has no id');
          else if (dataIds.has(id)) report(d, `data id "${id}" is not unique in the unit`);
          else dataIds.add(id);
          for (const c of childElements(d))
            if (!isCore(c) || c.local !== 'cp') report(c, `<${c.name}> is not allowed in <data>`);
        }
      }
      const parts = childElements(unit, undefined, ns).filter(
        (c) => c.local === 'segment' || c.local === 'ignorable',
      );
      if (!parts.some((p) => p.local === 'segment'))
        report(unit, '<unit> must contain at least one <segment>');
      const partIds = new Set<string>();
      const orders = new Set<string>();
      for (const part of parts) {
        checkAttrs(part);
        const id = attr(part, 'id');
        if (id !== undefined) {
          if (partIds.has(id)) report(part, `${part.local} id "${id}" is not unique in the unit`);
          partIds.add(id);
        }
        order(part, { source: 0, target: 1 }, undefined);
        const sources = childElements(part, 'source', ns);
        const targets = childElements(part, 'target', ns);
        if (sources.length !== 1) report(part, `<${part.local}> must have exactly one <source>`);
        if (targets.length > 1) report(part, `<${part.local}> has more than one <target>`);
        for (const s of sources) {
          checkAttrs(s);
          const lang = attr(s, 'lang', XML_NS) ?? langs.get(unit);
          if (lang !== undefined && srcLang !== undefined && lang.toLowerCase() !== srcLang.toLowerCase()) {
            report(s, `<source> xml:lang "${lang}" differs from srcLang "${srcLang}"`);
          }
        }
        for (const t of targets) {
          checkAttrs(t);
          if (trgLang === undefined) report(t, '<target> present but <xliff> has no trgLang');
          const lang = attr(t, 'lang', XML_NS) ?? langs.get(unit);
          if (lang !== undefined && trgLang !== undefined && lang.toLowerCase() !== trgLang.toLowerCase()) {
            report(t, `<target> xml:lang "${lang}" differs from trgLang "${trgLang}"`);
          }
          const src = sources[0];
          const inherited = space.get(unit) ?? 'default';
          if (src && (attr(src, 'space', XML_NS) ?? inherited) !== (attr(t, 'space', XML_NS) ?? inherited)) {
            report(t, '<target> xml:space differs from its <source>');
          }
          const ord = attr(t, 'order');
          if (ord !== undefined && !/^[1-9]\d*$/.test(ord))
            report(t, `order="${ord}" must be a positive integer`);
          else if (ord !== undefined && Number(ord) > parts.length)
            report(t, `order="${ord}" is beyond the unit's ${parts.length} parts`);
          else if (ord !== undefined && orders.has(ord))
            report(t, `order="${ord}" is used twice in the unit`);
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
      validateXliff2Inline({ unit, ns, parts, dataIds, noteIds, unitIds, report });
    }
  }
  return problems;
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
