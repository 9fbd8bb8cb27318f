import { Unzip, UnzipInflate, UnzipPassThrough, zipSync } from 'fflate';
import { fail, ok, type Result } from '../result.ts';
import { DOCX_RATIO_FROM_BYTES, formatBytes, MAX_DOCX_RATIO, MAX_DOCX_XML_BYTES } from './limits.ts';
import type { Lang } from '../model/lang.ts';
import type { UnitKind } from '../model/types.ts';
import type { InterchangeDocument, InterchangeUnit } from './interchange.ts';
import { readPlainText, unitText } from './plainText.ts';
import { GAP_MARK } from './selectText.ts';
import { DOCUMENT_PART, patchDocx } from './docxPatch.ts';
import { parseXml } from './xml/parseXml.ts';
import { escapeXmlText } from './xml/serialiseXml.ts';
import { childElements, type XmlElement } from './xml/xmlTypes.ts';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Largest word/document.xml we unpack, so that a small zip cannot expand into gigabytes. */
export const MAX_DOCX_XML = MAX_DOCX_XML_BYTES;
/** The zip is fed to the inflater in pieces this large, so that no single step can expand past a few MiB. */
const ZIP_CHUNK = 16 * 1024;
/** Fixed time stamp for zip entries: the same document always gives the same bytes. */
const ZIP_TIME = new Date(Date.UTC(2020, 0, 1));

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '</Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';
const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '</Relationships>';

/**
 * Styles of a written document: the language of all its text (so Word checks spelling in the right one), body
 * text, a heading and a list paragraph as Word names them (so they map onto the reader's own styles), and a
 * grey character style for the marks of units with nothing to export.
 */
function stylesXml(lang: Lang): string {
  const l = escapeXmlText(lang);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W_NS}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="${l}" w:eastAsia="${l}" w:bidi="${l}"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>' +
    '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>' +
    '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>' +
    '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>' +
    '<w:style w:type="character" w:styleId="AudarmaGap"><w:name w:val="Audarma gap"/>' +
    '<w:rPr><w:color w:val="808080"/></w:rPr></w:style>' +
    '</w:styles>'
  );
}

type Run = { readonly text: string; readonly gap: boolean };
type Paragraph = { readonly kind: UnitKind; readonly runs: Run[] };

/** Paragraphs of one language: units are joined by their separators; a separator with a line break starts a paragraph. */
function paragraphs(doc: InterchangeDocument, lang: Lang): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  for (const u of doc.units) {
    const text = unitText(u, lang, doc.sourceLang);
    if (!text) continue;
    const sep = u.separator ?? '\n\n';
    const run = { text, gap: text === GAP_MARK };
    if (current === undefined || sep.includes('\n') || sep === '') {
      current = { kind: u.kind ?? 'sentence', runs: [run] };
      out.push(current);
    } else {
      // Text runs join up; a gap mark stays a run of its own, for its style.
      const last = current.runs[current.runs.length - 1];
      if (last && !last.gap && !run.gap)
        current.runs[current.runs.length - 1] = { text: last.text + sep + text, gap: false };
      else if (last && !last.gap)
        current.runs[current.runs.length - 1] = { text: last.text + sep, gap: false };
      else current.runs.push({ text: sep, gap: false });
      if (run.gap || !last || last.gap) current.runs.push(run);
    }
  }
  return out;
}

const PARAGRAPH_STYLE: Readonly<Record<UnitKind, string | undefined>> = {
  sentence: undefined,
  heading: 'Heading1',
  listItem: 'ListParagraph',
};

/**
 * A WordprocessingML package holding one language's text: headings and list items in Word's own styles, the
 * language set on the document's defaults and on every run, gap marks in a style of their own.
 */
export function writeDocx(doc: InterchangeDocument, lang: Lang = doc.sourceLang): Uint8Array {
  // A document read from a .docx is written into that file, which keeps everything Audarma does not model.
  if (doc.format === 'docx' && doc.package) return patchDocx(doc.package, doc, lang);
  const l = escapeXmlText(lang);
  const body = paragraphs(doc, lang)
    .map((p) => {
      const style = PARAGRAPH_STYLE[p.kind];
      const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
      const runs = p.runs
        .map(
          (r) =>
            `<w:r><w:rPr>${r.gap ? '<w:rStyle w:val="AudarmaGap"/>' : ''}<w:lang w:val="${l}"/></w:rPr>` +
            `<w:t xml:space="preserve">${escapeXmlText(r.text)}</w:t></w:r>`,
        )
        .join('');
      return `<w:p>${pPr}${runs}</w:p>`;
    })
    .join('');
  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}">` +
    `<w:body>${body}<w:sectPr/></w:body></w:document>`;
  const enc = new TextEncoder();
  return zipSync(
    {
      '[Content_Types].xml': [enc.encode(CONTENT_TYPES), { mtime: ZIP_TIME }],
      '_rels/.rels': [enc.encode(RELS), { mtime: ZIP_TIME }],
      'word/_rels/document.xml.rels': [enc.encode(DOCUMENT_RELS), { mtime: ZIP_TIME }],
      'word/document.xml': [enc.encode(document), { mtime: ZIP_TIME }],
      'word/styles.xml': [enc.encode(stylesXml(lang)), { mtime: ZIP_TIME }],
    },
    { level: 6 },
  );
}

/** Reads the plain paragraphs of a .docx (text runs, tabs and line breaks; formatting is dropped). */
export function readDocx(bytes: Uint8Array, lang: Lang): Result<InterchangeDocument> {
  const unpacked = unpackDocumentXml(bytes);
  if (!unpacked.ok) return unpacked;
  const xml = unpacked.value;
  const parsed = parseXml(xml);
  if (!parsed.ok) return fail({ ...parsed.error, message: `word/document.xml: ${parsed.error.message}` });
  const body = childElements(parsed.value.root, 'body', W_NS)[0];
  if (!body) return fail({ message: 'word/document.xml has no <w:body>', line: parsed.value.root.line });
  const paras: { text: string; kind: UnitKind; index: number }[] = [];
  const collect = (el: XmlElement, paras: XmlElement[]) => {
    for (const c of childElements(el)) {
      if (c.uri === W_NS && c.local === 'p') paras.push(c);
      else collect(c, paras);
    }
    return paras;
  };
  for (const [index, p] of collect(body, []).entries()) {
    let text = '';
    const walk = (el: XmlElement) => {
      for (const c of el.children) {
        if (c.kind !== 'element') continue;
        if (c.uri === W_NS && c.local === 't')
          text += c.children.map((n) => (n.kind === 'text' ? n.text : '')).join('');
        else if (c.uri === W_NS && c.local === 'tab') text += '\t';
        else if (c.uri === W_NS && (c.local === 'br' || c.local === 'cr')) text += '\n';
        else walk(c);
      }
    };
    walk(p);
    if (text.trim() !== '') paras.push({ text, kind: styleKind(p), index });
  }
  // Paragraph by paragraph, so that each unit takes its paragraph's style: headings and list items as Word says.
  const units: InterchangeUnit[] = [];
  for (const p of paras) {
    for (const [j, u] of readPlainText(p.text, lang).units.entries()) {
      const separator = j > 0 ? u.separator : units.length === 0 ? '' : '\n\n';
      units.push({
        ...u,
        id: `u${units.length + 1}`,
        kind: p.kind,
        ...(separator !== undefined ? { separator } : {}),
        // Its paragraph, for writing the file back as it came (see docxPatch).
        locator: { file: DOCUMENT_PART, unit: String(p.index), segment: j },
      });
    }
  }
  return ok({ sourceLang: lang, targetLangs: [], units, format: 'docx', package: bytes });
}

/** A paragraph's kind from its style: Word's headings and title, its list styles or numbering; else a sentence. */
function styleKind(p: XmlElement): UnitKind {
  const pPr = childElements(p, 'pPr', W_NS)[0];
  if (!pPr) return 'sentence';
  const style = childElements(pPr, 'pStyle', W_NS)[0]?.attributes.find((a) => a.local === 'val')?.value ?? '';
  if (/^(heading|title)/i.test(style)) return 'heading';
  if (/^list/i.test(style) || childElements(pPr, 'numPr', W_NS).length > 0) return 'listItem';
  return 'sentence';
}

/**
 * Inflates word/document.xml while counting: past MAX_DOCX_XML bytes, or past MAX_DOCX_RATIO times the
 * .docx once over DOCX_RATIO_FROM_BYTES, it stops and says the file expands too far (a zip bomb). The size
 * a zip declares is not trusted: it can lie.
 */
function unpackDocumentXml(bytes: Uint8Array): Result<Uint8Array> {
  const limit = Math.min(MAX_DOCX_XML, Math.max(DOCX_RATIO_FROM_BYTES, bytes.length * MAX_DOCX_RATIO));
  const chunks: Uint8Array[] = [];
  let total = 0;
  let found = false;
  let tooLarge = false;
  let broken: string | undefined;
  const unzip = new Unzip((file) => {
    if (file.name !== 'word/document.xml' || found) return;
    found = true;
    if (file.originalSize !== undefined && file.originalSize > limit) {
      tooLarge = true;
      return;
    }
    file.ondata = (error, chunk) => {
      if (error) {
        broken ??= error.message;
        return;
      }
      if (tooLarge) return;
      total += chunk.length;
      if (total > limit) {
        tooLarge = true;
        chunks.length = 0;
        file.terminate();
        return;
      }
      chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length && !tooLarge && broken === undefined; at += ZIP_CHUNK) {
      unzip.push(bytes.subarray(at, at + ZIP_CHUNK), at + ZIP_CHUNK >= bytes.length);
    }
  } catch (error) {
    broken ??= error instanceof Error ? error.message : String(error);
  }
  if (tooLarge)
    return fail({
      message: `word/document.xml expands to more than ${formatBytes(limit)} (from a ${formatBytes(bytes.length)} file): refused as a possible zip bomb`,
    });
  if (broken !== undefined) return fail({ message: `not a .docx (zip) file: ${broken}` });
  if (!found) return fail({ message: 'not a .docx file: word/document.xml is missing' });
  const xml = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    xml.set(c, at);
    at += c.length;
  }
  return ok(xml);
}
