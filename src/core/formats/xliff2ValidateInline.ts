import { XML_NS, attr, childElements, type XmlElement } from './xml/xmlTypes.ts';
import { INLINE_MODULE_NS, NMTOKEN } from './xliff2Validate.ts';

type Context = {
  readonly unit: XmlElement;
  readonly ns: string;
  readonly parts: readonly XmlElement[];
  readonly dataIds: ReadonlySet<string>;
  readonly noteIds: ReadonlySet<string>;
  readonly unitIds: ReadonlySet<string>;
  readonly report: (el: XmlElement, message: string) => void;
  /** A reference to a unit not (yet) among `unitIds`: settled when the file ends, as the unit may come later. */
  readonly laterUnitRef?: (ref: string, el: XmlElement, message: string) => void;
};

const INLINE_ATTRS: Readonly<Record<string, readonly string[]>> = {
  cp: ['hex'],
  ph: [
    'canCopy',
    'canDelete',
    'canReorder',
    'copyOf',
    'disp',
    'equiv',
    'id',
    'dataRef',
    'subFlows',
    'subType',
    'type',
  ],
  pc: [
    'canCopy',
    'canDelete',
    'canOverlap',
    'canReorder',
    'copyOf',
    'dispEnd',
    'dispStart',
    'equivEnd',
    'equivStart',
    'id',
    'dataRefEnd',
    'dataRefStart',
    'subFlowsEnd',
    'subFlowsStart',
    'subType',
    'type',
    'dir',
  ],
  sc: [
    'canCopy',
    'canDelete',
    'canOverlap',
    'canReorder',
    'copyOf',
    'dataRef',
    'dir',
    'disp',
    'equiv',
    'id',
    'isolated',
    'subFlows',
    'subType',
    'type',
  ],
  ec: [
    'canCopy',
    'canDelete',
    'canOverlap',
    'canReorder',
    'copyOf',
    'dataRef',
    'dir',
    'disp',
    'equiv',
    'id',
    'isolated',
    'startRef',
    'subFlows',
    'subType',
    'type',
  ],
  mrk: ['id', 'translate', 'type', 'ref', 'value'],
  sm: ['id', 'translate', 'type', 'ref', 'value'],
  em: ['startRef'],
};
const CODE_TYPES = new Set(['fmt', 'ui', 'quote', 'link', 'image', 'other']);
const XLF_SUBTYPES: Readonly<Record<string, string>> = {
  'xlf:lb': 'fmt',
  'xlf:pb': 'fmt',
  'xlf:b': 'fmt',
  'xlf:i': 'fmt',
  'xlf:u': 'fmt',
  'xlf:var': 'ui',
};
const CAN = ['canCopy', 'canDelete', 'canOverlap', 'canReorder'] as const;
/** Fragment-identifier prefixes of XLIFF 2 core and its modules. */
const FRAG_PREFIXES = new Set([
  'f',
  'g',
  'u',
  'n',
  'd',
  't',
  'ctr',
  'gls',
  'itsm',
  'mda',
  'mtc',
  'res',
  'slr',
  'val',
  'pgs',
  'fs',
]);

/** Inline-content rules of one unit: elements, ids, references, sc/ec and sm/em pairing, can* constraints. */
export function validateXliff2Inline(ctx: Context): void {
  const { ns, report } = ctx;
  const sides = { source: [] as XmlElement[], target: [] as XmlElement[] };
  for (const part of ctx.parts) {
    for (const side of ['source', 'target'] as const) {
      for (const container of childElements(part, side, ns)) collect(container, sides[side], ctx);
    }
  }
  const srcById = new Map<string, XmlElement>();
  for (const side of ['source', 'target'] as const) {
    const ids = new Map<string, XmlElement>();
    const openSc = new Map<string, XmlElement>();
    const openSm = new Set<string>();
    const closedSc = new Set<string>();
    for (const el of sides[side]) {
      checkInlineAttrs(el, ctx);
      const id = attr(el, 'id');
      const isolated = attr(el, 'isolated');
      if (id !== undefined && !(el.local === 'ec' && isolated !== 'yes')) {
        if (ids.has(id)) report(el, `inline id "${id}" is not unique in the unit's ${side}`);
        ids.set(id, el);
      }
      if (el.local === 'sc') {
        if (id === undefined) report(el, '<sc> has no id');
        else if (isolated !== 'yes') openSc.set(id, el);
      } else if (el.local === 'ec') {
        const ref = attr(el, 'startRef');
        if (isolated === 'yes') {
          if (ref !== undefined) report(el, 'isolated <ec> must use id, not startRef');
          if (id === undefined) report(el, 'isolated <ec> has no id');
          else if (sides[side].some((o) => o.local === 'sc' && attr(o, 'id') === id))
            report(el, `<ec> marked isolated but its <sc id="${id}"> is in the unit`);
        } else {
          if (id !== undefined) report(el, '<ec> that is not isolated must not have an id (use startRef)');
          if (ref === undefined) {
            report(el, `<ec> has no startRef${id !== undefined ? ' (or it should be isolated="yes")' : ''}`);
          } else {
            const sc = openSc.get(ref);
            if (!sc) report(el, `<ec startRef="${ref}"> has no <sc id="${ref}"> before it in the unit`);
            else {
              for (const can of CAN) {
                if (
                  (attr(sc, can) ?? 'yes') !== (attr(el, can) ?? 'yes') &&
                  !(can === 'canReorder' && attr(sc, can) === 'firstNo' && attr(el, can) === 'no')
                ) {
                  report(el, `${can} of <ec startRef="${ref}"> differs from its <sc>`);
                }
              }
              openSc.delete(ref);
              closedSc.add(ref);
            }
          }
        }
      } else if (el.local === 'sm') {
        if (id === undefined) report(el, '<sm> has no id');
        else openSm.add(id);
      } else if (el.local === 'em') {
        const ref = attr(el, 'startRef');
        if (ref === undefined || !openSm.has(ref))
          report(el, `<em startRef="${ref ?? ''}"> has no <sm> before it in the unit`);
        else openSm.delete(ref);
      } else if ((el.local === 'pc' || el.local === 'mrk' || el.local === 'ph') && id === undefined) {
        report(el, `<${el.local}> has no id`);
      }
    }
    for (const [id, sc] of openSc)
      report(sc, `<sc id="${id}"> has no <ec> in the unit and is not marked isolated="yes"`);
    for (const el of sides[side]) {
      if (el.local === 'sc' && attr(el, 'isolated') === 'yes' && closedSc.has(attr(el, 'id') ?? '')) {
        report(el, '<sc> marked isolated but its <ec> is in the unit');
      }
      if (el.local === 'sm' && openSm.has(attr(el, 'id') ?? ''))
        report(el, `<sm id="${attr(el, 'id') ?? ''}"> has no <em> in the unit`);
      const copyOf = attr(el, 'copyOf');
      if (copyOf !== undefined) {
        const base = ids.get(copyOf) ?? srcById.get(copyOf);
        if (!base) report(el, `copyOf="${copyOf}" refers to no code in the unit`);
        else if (attr(base, 'canCopy') === 'no')
          report(el, `copyOf="${copyOf}" copies a code marked canCopy="no"`);
        if (['dataRef', 'dataRefStart', 'dataRefEnd'].some((a) => attr(el, a) !== undefined))
          report(el, 'a code with copyOf must not have original data');
      }
    }
    if (side === 'source') for (const [k, v] of ids) srcById.set(k, v);
  }
  // Codes the source says may not be deleted must be in the translation, once there is one.
  if (sides.target.length > 0 || ctx.parts.some((p) => childElements(p, 'target', ns).length > 0)) {
    const targetIds = new Set(sides.target.map((el) => attr(el, 'id') ?? attr(el, 'startRef')));
    for (const el of sides.source) {
      if (attr(el, 'canDelete') !== 'no') continue;
      const id = attr(el, 'id') ?? attr(el, 'startRef');
      const key = el.local === 'ec' ? attr(el, 'startRef') : id;
      if (key !== undefined && !targetIds.has(key))
        report(el, `code "${key}" has canDelete="no" but is missing from the target`);
    }
  }
  checkReorder(sides.source, sides.target, ctx);
}

const FS_NS = 'urn:oasis:names:tc:xliff:fs:2.0';
const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup ' +
    'data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head ' +
    'header hr html i iframe img input ins kbd label legend li link main map mark meta meter nav noscript object ol optgroup ' +
    'option output p param picture pre progress q rp rt ruby s samp script section select small source span strong style sub ' +
    'summary sup table tbody td template textarea tfoot th thead time title tr track u ul var video wbr acronym big center font strike tt'
  ).split(' '),
);

/** Format Style: only fs:fs (an HTML element name) and fs:subFs (which needs fs:fs); never on end markers. */
export function checkFs(el: XmlElement, ctx: Pick<Context, 'report'>): void {
  const fsAttrs = el.attributes.filter((a) => a.uri === FS_NS);
  if (fsAttrs.length === 0) return;
  if (el.local === 'ec' && attr(el, 'isolated') !== 'yes')
    ctx.report(el, 'fs attributes are not allowed on an <ec> that closes an <sc>');
  for (const a of fsAttrs)
    if (a.local !== 'fs' && a.local !== 'subFs') ctx.report(el, `${a.name} is not a Format Style attribute`);
  const fs = attr(el, 'fs', FS_NS);
  if (fs !== undefined && !HTML_ELEMENTS.has(fs)) ctx.report(el, `fs:fs="${fs}" is not an HTML element name`);
  if (attr(el, 'subFs', FS_NS) !== undefined && fs === undefined)
    ctx.report(el, 'fs:subFs is used without fs:fs');
}

/** Inline elements of a container, nested ones included, in document order (explicit stack, no recursion). */
function collect(container: XmlElement, into: XmlElement[], ctx: Context): void {
  const stack: XmlElement[][] = [childElements(container).reverse()];
  for (let level = stack[0]; level !== undefined; level = stack[stack.length - 1]) {
    const c = level.pop();
    if (c === undefined) {
      stack.pop();
      continue;
    }
    if (c.uri !== ctx.ns || !(c.local in INLINE_ATTRS)) {
      ctx.report(c, `<${c.name}> is not allowed in segment content`);
      continue;
    }
    into.push(c);
    if (c.local === 'pc' || c.local === 'mrk') stack.push(childElements(c).reverse());
    else if (c.children.some((n) => n.kind === 'element' || (n.kind === 'text' && n.text !== '')))
      ctx.report(c, `<${c.local}> must be empty`);
  }
}

function checkInlineAttrs(el: XmlElement, ctx: Context): void {
  const { report } = ctx;
  const allowed = INLINE_ATTRS[el.local] ?? [];
  for (const a of el.attributes) {
    if (a.uri === '') {
      if (!allowed.includes(a.local)) report(el, `attribute ${a.local} is not allowed on <${el.local}>`);
    } else if (a.uri === XML_NS) {
      report(el, `attribute ${a.name} is not allowed on <${el.local}>`);
    } else if (
      el.local === 'em' ||
      el.local === 'cp' ||
      (!['mrk', 'sm'].includes(el.local) && !INLINE_MODULE_NS.has(a.uri))
    ) {
      report(el, `extension attribute ${a.name} is not allowed on <${el.local}>`);
    }
  }
  const id = attr(el, 'id');
  if (id !== undefined && !NMTOKEN.test(id)) report(el, `id "${id}" is not a valid NMTOKEN`);
  for (const can of CAN) {
    const v = attr(el, can);
    if (v !== undefined && !(v === 'yes' || v === 'no' || (can === 'canReorder' && v === 'firstNo')))
      report(el, `${can}="${v}" is not allowed`);
  }
  checkFs(el, ctx);
  const iso = attr(el, 'isolated');
  if (iso !== undefined && iso !== 'yes' && iso !== 'no') report(el, `isolated="${iso}" must be yes or no`);
  for (const a of ['dataRef', 'dataRefStart', 'dataRefEnd']) {
    const v = attr(el, a);
    if (v !== undefined && !ctx.dataIds.has(v))
      report(el, `${a}="${v}" refers to no <data> in the unit's <originalData>`);
  }
  for (const a of ['subFlows', 'subFlowsStart', 'subFlowsEnd']) {
    const v = attr(el, a);
    if (v === undefined) continue;
    for (const ref of v.trim().split(/\s+/)) {
      if (!NMTOKEN.test(ref)) report(el, `${a}="${v}" is not a list of unit ids`);
      else if (!ctx.unitIds.has(ref)) {
        const message = `${a} refers to unit "${ref}", which is not in the file`;
        if (ctx.laterUnitRef) ctx.laterUnitRef(ref, el, message);
        else report(el, message);
      }
    }
  }
  if (el.local === 'cp') {
    const hex = attr(el, 'hex') ?? '';
    const cp = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? Number.parseInt(hex, 16) : NaN;
    if (!Number.isFinite(cp)) report(el, `<cp hex="${hex}"> is not a hexadecimal code point`);
    else if (cp > 0x10ffff) report(el, `<cp hex="${hex}"> is beyond Unicode`);
    else if (
      cp === 9 ||
      cp === 10 ||
      cp === 13 ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      cp >= 0x10000
    ) {
      report(el, `<cp hex="${hex}"> codes a character XML allows: write the character itself`);
    }
  }
  const type = attr(el, 'type');
  const subType = attr(el, 'subType');
  if (el.local === 'mrk' || el.local === 'sm') {
    const translate = attr(el, 'translate');
    if (translate !== undefined && translate !== 'yes' && translate !== 'no')
      report(el, `translate="${translate}" must be yes or no`);
    if (
      type !== undefined &&
      !['generic', 'comment', 'term'].includes(type) &&
      !/^[^:\s]+:[^:\s]+$/.test(type)
    ) {
      report(el, `type="${type}" is not generic, comment, term or prefix:value`);
    }
    const value = attr(el, 'value');
    const ref = attr(el, 'ref');
    if (type === 'comment') {
      if (value === undefined && ref === undefined) report(el, 'a comment annotation needs value or ref');
      if (value !== undefined && ref !== undefined) report(el, 'a comment annotation has both value and ref');
      const unitId = attr(ctx.unit, 'id') ?? '';
      const m = ref === undefined ? null : /^#(?:f=[^/]+\/(?:g=[^/]+\/)*u=([^/]+)\/)?n=([^/]+)$/.exec(ref);
      if (
        ref !== undefined &&
        (!m || (m[1] !== undefined && m[1] !== unitId) || !ctx.noteIds.has(m[2] ?? ''))
      ) {
        report(el, `ref="${ref}" does not refer to a note of the unit`);
      }
    }
    if (ref !== undefined) checkFragment(el, ref, ctx);
  } else if (type !== undefined || subType !== undefined) {
    if (type !== undefined && !CODE_TYPES.has(type))
      report(el, `type="${type}" must be one of ${[...CODE_TYPES].join(', ')}`);
    if (subType !== undefined) {
      if (type === undefined) report(el, 'subType is used without type');
      if (!/^[^:\s]+:[^\s]+$/.test(subType)) report(el, `subType "${subType}" must be prefix:value`);
      else if (subType.startsWith('xlf:') && XLF_SUBTYPES[subType] !== type)
        report(el, `subType "${subType}" does not go with type "${type ?? ''}"`);
    }
  }
}

/** Syntax of XLIFF 2 fragment identifiers (`#f=f1/u=u1/t=c1`): order, one leaf, known prefixes. */
function checkFragment(el: XmlElement, ref: string, ctx: Context): void {
  if (!ref.startsWith('#') || ref.includes('://')) return;
  const parts = ref.slice(1).split('/');
  const rank: Record<string, number> = { f: 0, g: 1, u: 2 };
  let last = -1;
  const seen = new Set<string>();
  for (const [i, part] of parts.entries()) {
    const eq = part.indexOf('=');
    const prefix = eq < 0 ? '' : part.slice(0, eq);
    const id = eq < 0 ? part : part.slice(eq + 1);
    const isLeaf = !(prefix in rank);
    if (!NMTOKEN.test(id) || (eq >= 0 && !/^[A-Za-z][\w.-]*$/.test(prefix)))
      return ctx.report(el, `ref "${ref}": bad fragment identifier syntax`);
    if (prefix.length === 1 && !FRAG_PREFIXES.has(prefix))
      return ctx.report(el, `ref "${ref}": unknown prefix "${prefix}"`);
    if (seen.has(prefix) && prefix !== 'g')
      return ctx.report(el, `ref "${ref}": prefix "${prefix}" appears twice`);
    seen.add(prefix);
    if (isLeaf && i !== parts.length - 1)
      return ctx.report(el, `ref "${ref}": only the last part may be a leaf`);
    const r = rank[prefix] ?? 3;
    if (r < last || (r === last && prefix !== 'g'))
      return ctx.report(el, `ref "${ref}": parts are out of order`);
    last = r;
  }
}

/** canReorder: codes marked no (or a firstNo … no run) keep their order and place in the target. */
function checkReorder(source: readonly XmlElement[], target: readonly XmlElement[], ctx: Context): void {
  const seqStart: XmlElement[] = [];
  for (const [i, el] of source.entries()) {
    const v = attr(el, 'canReorder');
    if (
      v === 'no' &&
      (i === 0 || !['firstNo', 'no'].includes(attr(source[i - 1] as XmlElement, 'canReorder') ?? 'yes'))
    ) {
      if (el.local !== 'ec')
        ctx.report(el, 'a canReorder="no" sequence must start with canReorder="firstNo"');
    }
    if (v === 'firstNo') seqStart.push(el);
    if (
      (v === 'no' || v === 'firstNo') &&
      (attr(el, 'canCopy') !== 'no' || attr(el, 'canDelete') !== 'no') &&
      el.local !== 'ec'
    ) {
      ctx.report(el, `canReorder="${v}" needs canCopy="no" and canDelete="no"`);
    }
  }
  if (target.length === 0) return;
  const key = (el: XmlElement) =>
    `${el.local === 'ec' ? 'e' : 's'}:${attr(el, 'id') ?? attr(el, 'startRef') ?? ''}`;
  const locked = source.filter((el) => ['firstNo', 'no'].includes(attr(el, 'canReorder') ?? 'yes')).map(key);
  const inTarget = target.map(key).filter((k) => locked.includes(k));
  if (inTarget.length === locked.length && inTarget.some((k, i) => k !== locked[i])) {
    ctx.report(target[0] as XmlElement, 'codes marked canReorder="no" are reordered in the target');
  }
}
