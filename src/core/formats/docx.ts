import { Unzip, UnzipInflate, UnzipPassThrough, zipSync } from 'fflate';
import { fail, ok, type Result } from '../result.ts';
import { DOCX_RATIO_FROM_BYTES, formatBytes, MAX_DOCX_RATIO, MAX_DOCX_XML_BYTES } from './limits.ts';
import type { Lang } from '../model/lang.ts';
import type { InterchangeDocument } from './interchange.ts';
import { readPlainText, unitText } from './plainText.ts';
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
  '</Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

/** Paragraphs of one language: units are joined by their separators; a separator with a line break starts a paragraph. */
function paragraphs(doc: InterchangeDocument, lang: Lang): string[] {
  const out: string[] = [];
  let current: string | undefined;
  for (const u of doc.units) {
    const text = unitText(u, lang, doc.sourceLang);
    if (!text) continue;
    const sep = u.separator ?? '\n\n';
    if (current === undefined || sep.includes('\n') || sep === '') {
      if (current !== undefined) out.push(current);
      current = text;
    } else current += sep + text;
  }
  if (current !== undefined) out.push(current);
  return out;
}

/** A minimal WordprocessingML package (content types, relationships, document) holding one language's text. */
export function writeDocx(doc: InterchangeDocument, lang: Lang = doc.sourceLang): Uint8Array {
  const body = paragraphs(doc, lang)
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXmlText(p)}</w:t></w:r></w:p>`)
    .join('');
  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}">` +
    `<w:body>${body}<w:sectPr/></w:body></w:document>`;
  const enc = new TextEncoder();
  return zipSync(
    {
      '[Content_Types].xml': [enc.encode(CONTENT_TYPES), { mtime: ZIP_TIME }],
      '_rels/.rels': [enc.encode(RELS), { mtime: ZIP_TIME }],
      'word/document.xml': [enc.encode(document), { mtime: ZIP_TIME }],
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
  const texts: string[] = [];
  const collect = (el: XmlElement, paras: XmlElement[]) => {
    for (const c of childElements(el)) {
      if (c.uri === W_NS && c.local === 'p') paras.push(c);
      else collect(c, paras);
    }
    return paras;
  };
  for (const p of collect(body, [])) {
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
    if (text.trim() !== '') texts.push(text);
  }
  return ok({ ...readPlainText(texts.join('\n\n'), lang), format: 'docx' });
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
