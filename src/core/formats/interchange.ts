import type { Lang } from '../model/lang.ts';
import type { RenderingState, UnitKind } from '../model/types.ts';
import type { XmlAttribute, XmlDocument, XmlNode } from './xml/xmlTypes.ts';

/** Which vocabulary an inline code was read from; a code is written back natively only in its own format. */
export type CodeFormat = 'xliff2' | 'xliff1' | 'tmx';

/**
 * An inline code (a tag, placeholder or annotation boundary) inside segment text. Paired elements such as
 * XLIFF 2 `<pc>`/`<mrk>`, XLIFF 1.2 `<g>` and TMX `<hi>` are flattened into an `open` and a `close`; empty
 * markers (`<sc/>`, `<ec/>`, `<bpt>`…) are `open`/`close` too, placeholders are `standalone`.
 */
export type InlineCode = {
  readonly kind: 'open' | 'close' | 'standalone';
  readonly format: CodeFormat;
  /** Local element name in its format: pc, sc, ec, ph, mrk, sm, em, cp, g, x, bx, ex, bpt, ept, it, hi, ut… */
  readonly element: string;
  /** Pairing id (`id`, `startRef`, `i`, `rid`…) when the format has one. */
  readonly id?: string;
  /** Every attribute of the element as read, so nothing is lost on a round trip. */
  readonly attributes: readonly XmlAttribute[];
  /** Native code data held inside the element (TMX and XLIFF 1.2 `<bpt>`, `<ph>`…), kept as XML nodes. */
  readonly inner?: readonly XmlNode[];
};

/** Segment content: text runs and inline codes in document order. */
export type Inline = string | InlineCode;
export type Content = readonly Inline[];

export type Note = {
  readonly text: string;
  /** `source`/`target` for XLIFF `appliesTo`; other values are categories such as `audarma:rejection`. */
  readonly category?: string;
  readonly from?: string;
  readonly appliesTo?: 'source' | 'target';
};

/** Note categories of our own: a rejection reason, and a comment of the discussion thread. */
export const REJECTION_NOTE = 'audarma:rejection';
export const COMMENT_NOTE = 'audarma:comment';

export type InterchangeTarget = {
  readonly content: Content;
  readonly state: RenderingState;
  readonly notes: readonly Note[];
  /** The unit's machine translation in this language, when the project has one (text exports fall back to it). */
  readonly machine?: string;
};

export type InterchangeUnit = {
  readonly id: string;
  readonly source: Content;
  readonly targets: Readonly<Record<Lang, InterchangeTarget>>;
  readonly notes: readonly Note[];
  /** Text before this unit in the original ("" first, " " inside a paragraph, "\n\n" between paragraphs). */
  readonly separator?: string;
  /**
   * Where the unit came from in a kept original: file id, unit id and segment index within the unit (XLIFF), or
   * word/document.xml, the paragraph's index and the sentence's index within it (Word).
   */
  readonly locator?: { readonly file: string; readonly unit: string; readonly segment: number };
  /** Heading, list item or sentence, where the format says (plain text, Word). */
  readonly kind?: UnitKind;
};

export type InterchangeFormat =
  'xliff-1.2' | 'xliff-2.0' | 'xliff-2.1' | 'xliff-2.2' | 'tmx' | 'text' | 'csv' | 'tsv' | 'docx';

/** A bilingual or multilingual document on its way between a file and Audarma. */
export type InterchangeDocument = {
  readonly sourceLang: Lang;
  readonly targetLangs: readonly Lang[];
  readonly units: readonly InterchangeUnit[];
  /** Format the document was read from. */
  readonly format: InterchangeFormat;
  /**
   * The XML tree an XLIFF 2 document was read from. Exporting to XLIFF 2 again patches targets into it,
   * so extensions, modules, unknown attributes and the version survive what Audarma does not model.
   */
  readonly original?: XmlDocument;
  /** The bytes of a .docx the document was read from: writing it back patches them (see docxPatch). */
  readonly package?: Uint8Array;
};

/** Plain text of content: codes dropped, `<cp>` written as the character it stands for. */
export function plainText(content: Content): string {
  let out = '';
  for (const part of content) {
    if (typeof part === 'string') out += part;
    else if (part.element === 'cp' && part.format === 'xliff2') {
      const hex = part.attributes.find((a) => a.local === 'hex')?.value;
      const cp = hex ? Number.parseInt(hex, 16) : NaN;
      if (Number.isFinite(cp)) out += String.fromCodePoint(cp);
    }
  }
  return out;
}

/** Joins adjacent text runs and drops empty ones, so equal content compares equal. */
export function normaliseContent(content: Content): Inline[] {
  const out: Inline[] = [];
  for (const part of content) {
    if (typeof part === 'string') {
      if (part === '') continue;
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + part;
      else out.push(part);
    } else out.push(part);
  }
  return out;
}

export function hasCodes(content: Content): boolean {
  return content.some((p) => typeof p !== 'string');
}
