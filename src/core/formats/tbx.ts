import { failWith, glossaryProblem, type GlossaryProblem } from '../glossary/glossaryProblem.ts';
import { entryId, newId, type ProjectId } from '../model/ids.ts';
import type { PartOfSpeech, Term, TermEntry, TermStatus } from '../model/term.ts';
import { assertNever, fail, ok, type Result } from '../result.ts';
import { PART_OF_SPEECH_PICKLIST, checkTbx } from './tbx/tbxRules.ts';
import { clean, conceptsOf, type TbxCategory, type TbxConcept, type TbxTerm } from './tbx/tbxTree.ts';
import { parseXml } from './xml/parseXml.ts';
import { escapeXmlAttr, escapeXmlText } from './xml/serialiseXml.ts';
import { childElements } from './xml/xmlTypes.ts';

/**
 * TBX import and export. Reads TBX v3 (TBX-Core, TBX-Min, TBX-Basic; DCA and DCT styles) and TBX-Basic 2008
 * (<martif>); writes TBX v3 TBX-Basic in DCA style.
 *
 * Status mapping (Audarma has three statuses, TBX has administrativeStatus and, in TBX-Min, usageStatus):
 *   approved  ↔ preferredTerm-admn-sts (usageStatus preferred)
 *   proposed  ↔ admittedTerm-admn-sts (usageStatus admitted): allowed, not yet the preferred choice
 *   forbidden ↔ deprecatedTerm-admn-sts; supersededTerm-admn-sts, notRecommended and obsolete import as forbidden
 *   no status → approved (a published termbase lists terms it stands by), or `missingStatus` when given
 *   (a terminologist importing into a working glossary wants unmarked terms proposed, to decide on them).
 * Kept: the concept id, terms, the first definition (concept level, else the first language's), the concept's
 * notes (joined by a blank line), part of speech (of the first term that has one) and who set a term's
 * status and when (the term's last transaction). Other categories (context, source, subjectField…) and
 * term-level notes are read for validation but not kept. White space runs are collapsed in all text.
 */
export type TbxOptions = { readonly langs?: readonly string[]; readonly missingStatus?: TermStatus };

const STATUS_FROM: Readonly<Record<string, TermStatus>> = {
  'preferredTerm-admn-sts': 'approved',
  'admittedTerm-admn-sts': 'proposed',
  'deprecatedTerm-admn-sts': 'forbidden',
  'supersededTerm-admn-sts': 'forbidden',
  preferred: 'approved',
  admitted: 'proposed',
  deprecated: 'forbidden',
  superseded: 'forbidden',
  notRecommended: 'forbidden',
  obsolete: 'forbidden',
};

function statusToTbx(status: TermStatus): string {
  switch (status) {
    case 'approved':
      return 'preferredTerm-admn-sts';
    case 'proposed':
      return 'admittedTerm-admn-sts';
    case 'forbidden':
      return 'deprecatedTerm-admn-sts';
    default:
      return assertNever(status);
  }
}

const find = (cats: readonly TbxCategory[], name: string) => cats.find((c) => c.name === name)?.value;

function termOf(t: TbxTerm, lang: string, missing: TermStatus): Term {
  const raw = find(t.categories, 'administrativeStatus') ?? find(t.categories, 'usageStatus');
  const status = (raw && STATUS_FROM[raw]) || missing;
  const last = t.transactions.at(-1);
  const at = last?.date ? Date.parse(last.date) : NaN;
  return {
    lang,
    text: t.text,
    status,
    ...(last?.by ? { setBy: last.by } : {}),
    ...(Number.isFinite(at) ? { setAt: at } : {}),
  };
}

function entryOf(c: TbxConcept, projectId: ProjectId, now: number, missing: TermStatus): TermEntry {
  const definition =
    find(c.categories, 'definition') ??
    c.langs.map((l) => find(l.categories, 'definition')).find((d) => d !== undefined);
  const pos = c.langs
    .flatMap((l) => l.terms.map((t) => find(t.categories, 'partOfSpeech')))
    .find((p): p is string => p !== undefined && PART_OF_SPEECH_PICKLIST.includes(p)) as
    PartOfSpeech | undefined;
  const note = c.notes.filter((n) => n !== '').join('\n\n');
  return {
    id: entryId(c.id ?? newId('entry')),
    projectId,
    terms: c.langs.flatMap((l) => l.terms.map((t) => termOf(t, l.lang ?? '', missing))),
    ...(definition ? { definition } : {}),
    ...(note ? { note } : {}),
    ...(pos ? { partOfSpeech: pos } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

/** Entries of a TBX file; any problem (XML, structure, dialect rules, languages, duplicates) fails it all. */
export function parseTbx(
  xml: string,
  projectId: ProjectId,
  now: number,
  options: TbxOptions = {},
): Result<TermEntry[], GlossaryProblem> {
  const doc = parseXml(xml);
  if (!doc.ok) {
    return fail(
      glossaryProblem(
        'glossary.tbx.notXml',
        `not well-formed XML: ${doc.error.message}`,
        { reason: doc.error.message },
        doc.error.line,
      ),
    );
  }
  const root = doc.value.root;
  const text = childElements(root, 'text')[0];
  const body = text ? childElements(text, 'body')[0] : undefined;
  const concepts = body ? conceptsOf(body) : [];
  const found = checkTbx(root, concepts, options.langs);
  if (found) return fail(found);
  const entries = concepts.map((c) => entryOf(c, projectId, now, options.missingStatus ?? 'approved'));
  const seen = new Map<string, number>();
  for (const [i, e] of entries.entries()) {
    const key = e.terms
      .map((t) => `${t.lang.toLowerCase()}\u0000${t.text.toLowerCase()}`)
      .sort()
      .join('\u0001');
    const line = (concepts[i] as TbxConcept).line;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return failWith(
        'glossary.tbx.duplicateEntry',
        `duplicate entry: the same terms as on line ${earlier}`,
        { earlier },
        line,
      );
    }
    seen.set(key, line);
  }
  return ok(entries);
}

export type TbxWriteOptions = {
  /** xml:lang of the file (its main language); defaults to the first term's language, else "en". */
  readonly lang?: string;
  readonly title?: string;
};

const NCNAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;
const conceptId = (id: string) => (NCNAME.test(id) ? id : `c-${id.replace(/[^\p{L}\p{N}_.-]/gu, '_')}`);

/** Writes TBX v3 TBX-Basic, DCA style, one conceptEntry per entry and one langSec per language. */
export function serialiseTbx(entries: readonly TermEntry[], options: TbxWriteOptions = {}): string {
  const lang = options.lang ?? entries[0]?.terms[0]?.lang ?? 'en';
  const t = (s: string) => escapeXmlText(clean(s));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx type="TBX-Basic" style="dca" xml:lang="${escapeXmlAttr(lang)}" xmlns="urn:iso:std:iso:30042:ed-2">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    '      <sourceDesc>',
    `        <p>${t(options.title ?? 'Audarma glossary')}</p>`,
    '      </sourceDesc>',
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ];
  for (const e of entries) {
    out.push(`      <conceptEntry id="${escapeXmlAttr(conceptId(e.id))}">`);
    if (e.definition && clean(e.definition))
      out.push(`        <descrip type="definition">${t(e.definition)}</descrip>`);
    for (const note of (e.note ?? '').split(/\n\s*\n/))
      if (clean(note)) out.push(`        <note>${t(note)}</note>`);
    const langs = [...new Set(e.terms.map((term) => term.lang))];
    for (const l of langs) {
      out.push(`        <langSec xml:lang="${escapeXmlAttr(l)}">`);
      for (const term of e.terms.filter((x) => x.lang === l)) {
        out.push('          <termSec>', `            <term>${t(term.text)}</term>`);
        if (e.partOfSpeech)
          out.push(`            <termNote type="partOfSpeech">${e.partOfSpeech}</termNote>`);
        out.push(`            <termNote type="administrativeStatus">${statusToTbx(term.status)}</termNote>`);
        if (term.setBy !== undefined || term.setAt !== undefined) {
          out.push(
            '            <transacGrp>',
            '              <transac type="transactionType">modification</transac>',
          );
          if (term.setAt !== undefined && Number.isFinite(term.setAt)) {
            out.push(`              <date>${new Date(term.setAt).toISOString()}</date>`);
          }
          if (term.setBy && clean(term.setBy))
            out.push(`              <transacNote type="responsibility">${t(term.setBy)}</transacNote>`);
          out.push('            </transacGrp>');
        }
        out.push('          </termSec>');
      }
      out.push('        </langSec>');
    }
    out.push('      </conceptEntry>');
  }
  out.push('    </body>', '  </text>', '</tbx>', '');
  return out.join('\n');
}
