import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Lang } from '../model/lang.ts';
import type { InterchangeDocument } from './interchange.ts';
import { unitText } from './plainText.ts';
import { escapeXmlText } from './xml/serialiseXml.ts';

/**
 * A .docx written "as the original": the package it was read from with only the text of changed paragraphs
 * replaced in word/document.xml. Every other part (styles, numbering, headers, footers, images, settings) keeps
 * its bytes, and so does every paragraph whose text did not change. Paragraphs are found in the XML text itself,
 * not through a parsed tree, so nothing else in the file is rewritten. In a changed paragraph the edit goes into
 * the one `<w:t>` it falls in when it does; else the new text goes into the first `<w:t>` and the others are
 * emptied (runs, their properties and the paragraph's properties stay).
 */
export const DOCUMENT_PART = 'word/document.xml';

/** Top-level `<w:p>` elements of document.xml in document order (the reader's paragraph index), as offsets. */
export function paragraphRanges(xml: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const tag = /<(\/?)w:p([\s/>])/g;
  let depth = 0;
  let start = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const close = m[1] === '/';
    const gt = xml.indexOf('>', m.index);
    if (gt === -1) break;
    const selfClosing = !close && xml[gt - 1] === '/';
    if (close) {
      depth -= 1;
      if (depth === 0) out.push({ start, end: gt + 1 });
    } else if (selfClosing) {
      if (depth === 0) out.push({ start: m.index, end: gt + 1 });
    } else {
      if (depth === 0) start = m.index;
      depth += 1;
    }
    tag.lastIndex = gt + 1;
  }
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10),
      );
    return ENTITIES[name] ?? whole;
  });
}

type TextRun = { readonly open: string; readonly start: number; readonly end: number; readonly text: string };

/** The `<w:t>` elements of a paragraph with their text, and whether it holds anything else that counts as text. */
function textRuns(p: string): { runs: TextRun[]; other: boolean } {
  const runs: TextRun[] = [];
  const t = /<w:t(\s[^>]*)?(\/?)>/g;
  for (let m = t.exec(p); m; m = t.exec(p)) {
    const openEnd = m.index + m[0].length;
    if (m[2] === '/') {
      runs.push({ open: m[0], start: m.index, end: openEnd, text: '' });
      continue;
    }
    const close = p.indexOf('</w:t>', openEnd);
    if (close === -1) break;
    runs.push({ open: m[0], start: m.index, end: close + 6, text: decode(p.slice(openEnd, close)) });
    t.lastIndex = close + 6;
  }
  // Tabs, breaks and paragraphs in text boxes also make up the reader's text.
  const other = /<w:(tab|br|cr)[\s/>]/.test(p) || /<w:p[\s>]/.test(p.slice(1));
  return { runs, other };
}

const preserve = (open: string, text: string) =>
  /^\s|\s$/.test(text) && !/xml:space=/.test(open)
    ? open.replace(/^<w:t/, '<w:t xml:space="preserve"').replace(/\/>$/, '>')
    : open.replace(/\/>$/, '>');
const written = (r: TextRun, text: string) => `${preserve(r.open, text)}${escapeXmlText(text)}</w:t>`;

/** A paragraph's XML with its text made `text`. */
function patchParagraph(p: string, text: string): string {
  const { runs, other } = textRuns(p);
  const first = runs[0];
  if (!first) return p; // no run to hold text: left as it was
  const old = runs.map((r) => r.text).join('');
  if (old === text) return p;
  const replace = (edits: { run: TextRun; text: string }[]) => {
    let out = p;
    for (const e of [...edits].sort((a, b) => b.run.start - a.run.start))
      out = out.slice(0, e.run.start) + written(e.run, e.text) + out.slice(e.run.end);
    return out;
  };
  if (!other) {
    // The change falls inside one run: only that run changes.
    let prefix = 0;
    const max = Math.min(old.length, text.length);
    while (prefix < max && old[prefix] === text[prefix]) prefix += 1;
    let suffix = 0;
    while (suffix < max - prefix && old[old.length - 1 - suffix] === text[text.length - 1 - suffix])
      suffix += 1;
    let at = 0;
    for (const run of runs) {
      const from = at;
      at += run.text.length;
      if (prefix >= from && old.length - suffix <= at) {
        const inner =
          run.text.slice(0, prefix - from) +
          text.slice(prefix, text.length - suffix) +
          run.text.slice(old.length - suffix - from);
        return replace([{ run, text: inner }]);
      }
    }
  }
  return replace(runs.map((run, i) => ({ run, text: i === 0 ? text : '' })));
}

/** Paragraph index → the paragraph's text in `lang`, from units that carry their place (a locator). */
function paragraphTexts(doc: InterchangeDocument, lang: Lang): Map<number, string> {
  const out = new Map<number, string>();
  for (const u of doc.units) {
    if (!u.locator || u.locator.file !== DOCUMENT_PART) continue;
    const index = Number(u.locator.unit);
    const text = unitText(u, lang, doc.sourceLang) ?? unitText(u, doc.sourceLang, doc.sourceLang) ?? '';
    const sep = u.locator.segment === 0 ? '' : (u.separator ?? ' ');
    out.set(index, (out.get(index) ?? '') + sep + text);
  }
  return out;
}

/** The package with the paragraphs of `doc` in `lang` laid into its document.xml; the same bytes when nothing changed. */
export function patchDocx(pkg: Uint8Array, doc: InterchangeDocument, lang: Lang): Uint8Array {
  const files = unzipSync(pkg);
  const part = files[DOCUMENT_PART];
  if (!part) throw new Error(`the kept .docx has no ${DOCUMENT_PART}`);
  const xml = strFromU8(part);
  const texts = paragraphTexts(doc, lang);
  const ranges = paragraphRanges(xml);
  let out = '';
  let last = 0;
  ranges.forEach((r, i) => {
    const text = texts.get(i);
    if (text === undefined) return;
    out += xml.slice(last, r.start) + patchParagraph(xml.slice(r.start, r.end), text);
    last = r.end;
  });
  out += xml.slice(last);
  if (out === xml) return pkg;
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files))
    zippable[name] = name === DOCUMENT_PART ? strToU8(out) : data;
  return zipSync(zippable, { level: 6 });
}
