import { fail, ok, type Result } from '../result.ts';
import type { Lang } from '../model/lang.ts';
import type { InterchangeDocument, InterchangeTarget, InterchangeUnit, Note } from './interchange.ts';
import { readInline, writeInline } from './inlineXml.ts';
import { fromTmxState, TMX_STATE_PROP } from './states.ts';
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

function tuvLang(tuv: XmlElement): string | undefined {
  return attr(tuv, 'lang', XML_NS) ?? attr(tuv, 'lang');
}

/** Structural rules of TMX 1.4b: a header with srclang, variants with a language and one `<seg>`. */
export function validateTmx(doc: XmlDocument): { message: string; line: number }[] {
  const root = doc.root;
  if (root.local !== 'tmx' || root.uri !== '')
    return [{ message: `root element is <${root.name}>, expected <tmx>`, line: root.line }];
  const problems: { message: string; line: number }[] = [];
  const header = childElements(root, 'header')[0];
  const body = childElements(root, 'body')[0];
  if (!header) problems.push({ message: '<tmx> has no <header>', line: root.line });
  else if (attr(header, 'srclang') === undefined)
    problems.push({ message: '<header> has no srclang attribute', line: header.line });
  if (!body) problems.push({ message: '<tmx> has no <body>', line: root.line });
  for (const tu of body ? childElements(body) : []) {
    if (tu.local !== 'tu') {
      problems.push({ message: `<${tu.name}> is not allowed in <body>`, line: tu.line });
      continue;
    }
    for (const tuv of childElements(tu, 'tuv')) {
      if (tuvLang(tuv) === undefined) problems.push({ message: '<tuv> has no xml:lang', line: tuv.line });
      if (childElements(tuv, 'seg').length !== 1)
        problems.push({ message: '<tuv> must have exactly one <seg>', line: tuv.line });
    }
  }
  return problems;
}

/**
 * Reads TMX 1.4b. The source language is the header's srclang (or `sourceLang` when the header says
 * `*all*`); every other language met becomes a target. Inline codes (bpt, ept, ph, it, hi, ut) are kept.
 */
export function readTmx(
  input: string | Uint8Array | XmlDocument,
  options: { readonly sourceLang?: Lang } = {},
): Result<InterchangeDocument> {
  const parsed = typeof input === 'string' || input instanceof Uint8Array ? parseXml(input) : ok(input);
  if (!parsed.ok) return parsed;
  const first = validateTmx(parsed.value)[0];
  if (first) return fail(first);
  const root = parsed.value.root;
  const header = childElements(root, 'header')[0] as XmlElement;
  const tus = childElements(childElements(root, 'body')[0] as XmlElement, 'tu');
  let sourceLang = attr(header, 'srclang') ?? '';
  if (sourceLang === '*all*')
    sourceLang = options.sourceLang ?? tuvLang(childElements(tus[0] ?? root, 'tuv')[0] ?? root) ?? '';
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const targetLangs: Lang[] = [];
  const units: InterchangeUnit[] = [];
  for (const [i, tu] of tus.entries()) {
    const targets: Record<Lang, InterchangeTarget> = {};
    let source: InterchangeUnit['source'] = [];
    for (const tuv of childElements(tu, 'tuv')) {
      const lang = tuvLang(tuv) ?? '';
      const content = readInline(childElements(tuv, 'seg')[0]?.children ?? [], 'tmx', '');
      if (!content.ok) return content;
      if (same(lang, sourceLang)) {
        source = content.value;
        continue;
      }
      if (!targetLangs.includes(lang)) targetLangs.push(lang);
      const prop = childElements(tuv, 'prop').find((p) => attr(p, 'type') === TMX_STATE_PROP);
      const state = fromTmxState(prop ? textContent(prop) : undefined, content.value.length > 0);
      targets[lang] = { content: content.value, state, notes: notesOf(tuv) };
    }
    const separator = childElements(tu, 'prop').find((p) => attr(p, 'type') === 'x-audarma-separator');
    units.push({
      id: attr(tu, 'tuid') ?? String(i + 1),
      source,
      targets,
      notes: notesOf(tu),
      ...(separator ? { separator: textContent(separator) } : {}),
    });
  }
  return ok({ sourceLang, targetLangs, units, format: 'tmx' });
}

function notesOf(el: XmlElement): Note[] {
  return childElements(el, 'note').map((n) => ({ text: textContent(n) }));
}

/** Writes TMX 1.4b with every language of the document as variants of each unit. */
export function writeTmx(doc: InterchangeDocument): string {
  const el = (name: string, attrs: Record<string, string | undefined>, children: readonly XmlNode[] = []) =>
    xmlElement(name, attrs, children);
  const text = (t: string): XmlNode => ({ kind: 'text', text: t, line: 0, column: 0 });
  const nl = (depth: number) => text('\n' + '  '.repeat(depth));
  const tus: XmlNode[] = [];
  for (const u of doc.units) {
    // A translation unit pairs texts: none is written with an empty <seg/>, a unit without source not at all.
    if (u.source.length === 0) continue;
    const children: XmlNode[] = [];
    for (const n of u.notes) children.push(nl(3), el('note', {}, [text(n.text)]));
    if (u.separator !== undefined)
      children.push(nl(3), el('prop', { type: 'x-audarma-separator' }, [text(u.separator)]));
    children.push(
      nl(3),
      el('tuv', { 'xml:lang': doc.sourceLang }, [el('seg', {}, writeInline(u.source, 'tmx', ''))]),
    );
    for (const lang of doc.targetLangs) {
      const t = u.targets[lang];
      if (!t || t.content.length === 0) continue;
      const inner: XmlNode[] = [];
      for (const n of t.notes) inner.push(el('note', {}, [text(n.text)]));
      inner.push(
        el('prop', { type: TMX_STATE_PROP }, [text(t.state)]),
        el('seg', {}, writeInline(t.content, 'tmx', '')),
      );
      children.push(nl(3), el('tuv', { 'xml:lang': lang }, inner));
    }
    children.push(nl(2));
    tus.push(nl(2), el('tu', { tuid: u.id }, children));
  }
  tus.push(nl(1));
  const header = el('header', {
    creationtool: 'Audarma',
    creationtoolversion: '0.1',
    segtype: 'sentence',
    'o-tmf': 'Audarma',
    adminlang: 'en',
    srclang: doc.sourceLang,
    datatype: 'plaintext',
  });
  const root = el('tmx', { version: '1.4' }, [nl(1), header, nl(1), el('body', {}, tus), text('\n')]);
  return serialiseXml({ root, prolog: [], epilog: [] });
}
