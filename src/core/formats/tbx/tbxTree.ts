import { attr, childElements, textContent, XML_NS, type XmlElement } from '../xml/xmlTypes.ts';

/**
 * TBX in one shape, whatever the form it came in: TBX v3 (conceptEntry / langSec / termSec) in DCA style
 * (<termNote type="partOfSpeech">) or DCT style (<min:partOfSpeech>), and TBX-Basic 2008 (<martif>:
 * termEntry / langSet / tig or ntig/termGrp). Data categories become { name, value }.
 */
export const TBX_NS = 'urn:iso:std:iso:30042:ed-2';

export type TbxCategory = {
  readonly name: string;
  readonly value: string;
  /** The DCA element that carried it (termNote, descrip…), or "" in DCT style. */
  readonly element: string;
  readonly inGroup: boolean;
  readonly line: number;
};
export type TbxTransaction = {
  readonly type?: string;
  readonly date?: string;
  readonly by?: string;
  readonly line: number;
};
export type TbxTerm = {
  readonly text: string;
  readonly line: number;
  readonly categories: readonly TbxCategory[];
  readonly transactions: readonly TbxTransaction[];
};
export type TbxLang = {
  readonly lang: string | undefined;
  readonly line: number;
  readonly categories: readonly TbxCategory[];
  readonly terms: readonly TbxTerm[];
};
export type TbxConcept = {
  readonly id: string | undefined;
  readonly line: number;
  readonly categories: readonly TbxCategory[];
  readonly notes: readonly string[];
  readonly langs: readonly TbxLang[];
};

/** Elements that carry a data category in their `type` attribute (DCA style). */
export const DCA_ELEMENTS = new Set([
  'descrip',
  'admin',
  'termNote',
  'transac',
  'transacNote',
  'ref',
  'xref',
  'descripNote',
  'adminNote',
  'hi',
]);
const STRUCTURE = new Set([
  'term',
  'termSec',
  'langSec',
  'langSet',
  'tig',
  'ntig',
  'termGrp',
  'note',
  'date',
  'transacGrp',
]);

/** Pretty-printed files wrap long text over indented lines; collapse that to single spaces. */
export const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

const isTbxElement = (el: XmlElement) => el.uri === TBX_NS || el.uri === '';

/** Data categories directly under `el`, and inside its descripGrp/adminGrp children. */
function categoriesOf(el: XmlElement): TbxCategory[] {
  const out: TbxCategory[] = [];
  const visit = (parent: XmlElement, inGroup: boolean) => {
    for (const c of childElements(parent)) {
      if (
        isTbxElement(c) &&
        (c.local === 'descripGrp' || c.local === 'adminGrp' || c.local === 'termNoteGrp')
      ) {
        visit(c, true);
      } else if (isTbxElement(c) && DCA_ELEMENTS.has(c.local)) {
        out.push({
          name: attr(c, 'type') ?? '',
          value: clean(textContent(c)),
          element: c.local,
          inGroup,
          line: c.line,
        });
      } else if (!isTbxElement(c)) {
        out.push({ name: c.local, value: clean(textContent(c)), element: '', inGroup, line: c.line });
      } else if (c.local === 'note' && inGroup) {
        out.push({ name: 'note', value: clean(textContent(c)), element: 'note', inGroup, line: c.line });
      } else if (!STRUCTURE.has(c.local)) {
        out.push({ name: c.local, value: clean(textContent(c)), element: c.local, inGroup, line: c.line });
      }
    }
  };
  visit(el, false);
  return out;
}

function transactionsOf(el: XmlElement): TbxTransaction[] {
  return childElements(el, 'transacGrp').map((g) => {
    let type: string | undefined;
    let by: string | undefined;
    let date: string | undefined;
    for (const c of childElements(g)) {
      const name = isTbxElement(c) ? (c.local === 'date' ? 'date' : attr(c, 'type')) : c.local;
      if (name === 'transactionType') type = clean(textContent(c));
      else if (name === 'responsibility') by = clean(textContent(c));
      else if (name === 'date') date = clean(textContent(c));
    }
    return { type, by, date, line: g.line };
  });
}

function termOf(el: XmlElement): TbxTerm {
  const holder = el.local === 'ntig' ? (childElements(el, 'termGrp')[0] ?? el) : el;
  const term = childElements(holder, 'term')[0];
  return {
    text: term ? clean(textContent(term)) : '',
    line: term?.line ?? el.line,
    categories: [...categoriesOf(holder), ...(holder === el ? [] : categoriesOf(el))],
    transactions: transactionsOf(el),
  };
}

function langOf(el: XmlElement): TbxLang {
  const terms = childElements(el).filter(
    (c) => ['termSec', 'tig', 'ntig'].includes(c.local) && isTbxElement(c),
  );
  return {
    lang: attr(el, 'lang', XML_NS),
    line: el.line,
    categories: categoriesOf(el),
    terms: terms.map(termOf),
  };
}

export function conceptsOf(body: XmlElement): TbxConcept[] {
  return childElements(body)
    .filter((c) => c.local === 'conceptEntry' || c.local === 'termEntry')
    .map((c) => ({
      id: attr(c, 'id'),
      line: c.line,
      categories: categoriesOf(c),
      notes: childElements(c, 'note').map((n) => clean(textContent(n))),
      langs: childElements(c)
        .filter((l) => l.local === 'langSec' || l.local === 'langSet')
        .map(langOf),
    }));
}
