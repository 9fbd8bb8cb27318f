import { glossaryProblem, type GlossaryProblem } from '../../glossary/glossaryProblem.ts';
import { isLangCode } from '../../model/lang.ts';
import { attr, childElements, descendants, XML_NS, type XmlElement } from '../xml/xmlTypes.ts';
import { DCA_ELEMENTS, TBX_NS, type TbxConcept } from './tbxTree.ts';

/**
 * The checks a TBX file must pass before anything is imported: the core structure (TBX v3 core schema, or
 * its 2008 martif counterpart) and the picklists and placement rules of the TBX-Min and TBX-Basic dialects
 * (their Schematron rules, written out here as code). Each returns the first problem with its line.
 */
type Check = GlossaryProblem | undefined;
const problem = (key: string, message: string, line: number, params: Record<string, string | number> = {}) =>
  glossaryProblem(key, message, { detail: message, ...params }, line);

const isTbx = (el: XmlElement) => el.uri === TBX_NS || el.uri === '';
const hasText = (el: XmlElement) => el.children.some((c) => c.kind === 'text' && c.text.trim() !== '');

function checkHeader(header: XmlElement | undefined, root: XmlElement): Check {
  if (!header) return problem('glossary.tbx.structure', `<${root.local}> has no header`, root.line);
  const fileDesc = childElements(header).find((c) => c.local === 'fileDesc');
  if (!fileDesc) return problem('glossary.tbx.structure', 'the header has no <fileDesc>', header.line);
  for (const part of childElements(fileDesc)) {
    if (hasText(part)) {
      return problem('glossary.tbx.structure', `text in <${part.local}> must be wrapped in <p>`, part.line);
    }
  }
  return undefined;
}

/** Structural rules of the TBX core: where each element may stand and what it must hold. */
function checkStructure(root: XmlElement): Check {
  const v3 = root.local === 'tbx';
  const header = childElements(root).find((c) => c.local === (v3 ? 'tbxHeader' : 'martifHeader'));
  const headerProblem = checkHeader(header, root);
  if (headerProblem) return headerProblem;
  const text = childElements(root, 'text')[0];
  if (!text) return problem('glossary.tbx.structure', `<${root.local}> has no <text>`, root.line);
  for (const c of childElements(text)) {
    if (c.local !== 'body' && c.local !== 'back') {
      return problem('glossary.tbx.structure', `<${c.local}> may not stand directly in <text>`, c.line, {
        element: c.local,
      });
    }
  }
  const body = childElements(text, 'body')[0];
  if (!body) return problem('glossary.tbx.structure', '<text> has no <body>', text.line);
  // Each element is checked before its children, in document order; an explicit walk, no recursion.
  const check = (el: XmlElement): Check => {
    if (isTbx(el) && DCA_ELEMENTS.has(el.local) && el.local !== 'hi' && attr(el, 'type') === undefined) {
      return problem('glossary.tbx.structure', `<${el.local}> needs a type attribute`, el.line, {
        element: el.local,
      });
    }
    if (isTbx(el) && el.local === 'descripGrp' && childElements(el, 'descrip').length > 1) {
      return problem('glossary.tbx.structure', '<descripGrp> may hold only one <descrip>', el.line);
    }
    if (isTbx(el) && (el.local === 'termSec' || el.local === 'tig' || el.local === 'termGrp')) {
      const kids = childElements(el);
      const terms = childElements(el, 'term');
      if (terms.length !== 1) {
        return problem(
          'glossary.tbx.structure',
          `<${el.local}> must hold exactly one <term> (found ${terms.length})`,
          el.line,
        );
      }
      if (kids[0]?.local !== 'term') {
        return problem(
          'glossary.tbx.structure',
          `<term> must come first in <${el.local}>`,
          (kids[0] ?? el).line,
        );
      }
    }
    return undefined;
  };
  for (const n of descendants(body)) {
    if (n.kind !== 'element') continue;
    const found = check(n);
    if (found) return found;
  }
  return undefined;
}

const MIN_CATEGORIES = new Set(['subjectField', 'partOfSpeech', 'usageStatus', 'customerSubset', 'note']);
const BASIC_CATEGORIES = new Set([
  'administrativeStatus',
  'context',
  'crossReference',
  'customerSubset',
  'definition',
  'externalCrossReference',
  'geographicalUsage',
  'grammaticalGender',
  'note',
  'partOfSpeech',
  'projectSubset',
  'responsibility',
  'source',
  'subjectField',
  'termLocation',
  'termType',
  'transactionType',
  'usageStatus',
  'xGraphic',
]);
export const PART_OF_SPEECH_PICKLIST = ['noun', 'verb', 'adjective', 'adverb', 'properNoun', 'other'];
export const ADMIN_STATUS_PICKLIST = [
  'preferredTerm-admn-sts',
  'admittedTerm-admn-sts',
  'deprecatedTerm-admn-sts',
  'supersededTerm-admn-sts',
];
// TBX-Min's usageStatus; "deprecated" and "superseded" are in the v3 picklist the LTAC samples are validated against.
export const USAGE_STATUS_PICKLIST = [
  'preferred',
  'admitted',
  'deprecated',
  'superseded',
  'notRecommended',
  'obsolete',
];
const PICKLISTS: Readonly<Record<string, readonly string[]>> = {
  partOfSpeech: PART_OF_SPEECH_PICKLIST,
  administrativeStatus: ADMIN_STATUS_PICKLIST,
  usageStatus: USAGE_STATUS_PICKLIST,
};

/** DCA elements each category may be written with (TBX-Basic / TBX-Min). */
const ELEMENT_OF: Readonly<Record<string, string>> = {
  transactionType: 'transac',
  responsibility: 'transacNote',
  partOfSpeech: 'termNote',
  administrativeStatus: 'termNote',
  usageStatus: 'termNote',
  definition: 'descrip',
  context: 'descrip',
  subjectField: 'descrip',
};

/** Dialect rules (TBX-Min, TBX-Basic): allowed data categories, picklists, levels. */
function checkDialect(dialect: string, concepts: readonly TbxConcept[], root: XmlElement): Check {
  const allowed =
    dialect === 'TBX-Min' ? MIN_CATEGORIES : dialect === 'TBX-Basic' ? BASIC_CATEGORIES : undefined;
  if (!allowed) return undefined;
  const transactionTypes = (el: XmlElement): Check => {
    for (const c of childElements(el)) {
      if (isTbx(c) && (c.local === 'transac' || c.local === 'transacNote')) {
        const expected = c.local === 'transac' ? 'transactionType' : 'responsibility';
        if (attr(c, 'type') !== expected) {
          return problem(
            'glossary.tbx.dialect',
            `<${c.local}> must have type "${expected}" in ${dialect}`,
            c.line,
            { dialect },
          );
        }
      }
      const found = transactionTypes(c);
      if (found) return found;
    }
    return undefined;
  };
  const fromTransactions = transactionTypes(root);
  if (fromTransactions) return fromTransactions;
  for (const concept of concepts) {
    const levels = [
      { level: 'conceptEntry', cats: concept.categories },
      ...concept.langs.flatMap((l) => [
        { level: 'langSec', cats: l.categories },
        ...l.terms.map((t) => ({ level: 'termSec', cats: t.categories })),
      ]),
    ];
    for (const { level, cats } of levels) {
      for (const cat of cats) {
        if (!allowed.has(cat.name)) {
          return problem('glossary.tbx.dialect', `"${cat.name}" is not allowed in ${dialect}`, cat.line, {
            category: cat.name,
            dialect,
          });
        }
        const picklist = PICKLISTS[cat.name];
        if (picklist && !picklist.includes(cat.value)) {
          return problem(
            'glossary.tbx.dialect',
            `"${cat.value}" is not a value of ${cat.name} in ${dialect}`,
            cat.line,
            {
              category: cat.name,
              value: cat.value,
              dialect,
            },
          );
        }
        const element = ELEMENT_OF[cat.name];
        if (cat.element && element && cat.element !== element) {
          return problem(
            'glossary.tbx.dialect',
            `${cat.name} must be a <${element}>, not <${cat.element}>`,
            cat.line,
            {
              category: cat.name,
              dialect,
            },
          );
        }
        if (cat.name === 'definition' && level === 'termSec') {
          return problem(
            'glossary.tbx.dialect',
            `a definition belongs to the concept or language, not a term, in ${dialect}`,
            cat.line,
            { dialect },
          );
        }
        if (dialect === 'TBX-Basic' && cat.name === 'source' && level !== 'termSec' && !cat.inGroup) {
          return problem(
            'glossary.tbx.dialect',
            `at ${level} level a source must be grouped with what it documents (<descripGrp>)`,
            cat.line,
            { dialect },
          );
        }
      }
    }
  }
  return undefined;
}

/** Entry-level rules: ids present and unique, languages valid (and in the project), terms non-empty. */
function checkConcepts(
  concepts: readonly TbxConcept[],
  langs: readonly string[] | undefined,
  martif: boolean,
): Check {
  const ids = new Map<string, number>();
  const allowed = langs?.map((l) => l.toLowerCase());
  for (const c of concepts) {
    if (!c.id && !martif) return problem('glossary.tbx.noId', 'a <conceptEntry> has no id', c.line);
    if (c.id) {
      const earlier = ids.get(c.id);
      if (earlier !== undefined) {
        return problem(
          'glossary.tbx.duplicateEntry',
          `duplicate entry id "${c.id}" (first on line ${earlier})`,
          c.line,
          { id: c.id, earlier },
        );
      }
      ids.set(c.id, c.line);
    }
    if (c.langs.length === 0)
      return problem('glossary.tbx.structure', 'an entry has no language section', c.line);
    for (const l of c.langs) {
      if (!l.lang) return problem('glossary.tbx.noLang', 'a language section has no xml:lang', l.line);
      if (!isLangCode(l.lang) || (allowed && !allowed.includes(l.lang.toLowerCase()))) {
        return problem('glossary.tbx.unknownLang', `unknown language "${l.lang}"`, l.line, { lang: l.lang });
      }
      if (l.terms.length === 0)
        return problem('glossary.tbx.structure', 'a language section has no term', l.line);
      for (const t of l.terms)
        if (!t.text) return problem('glossary.tbx.emptyTerm', 'an empty <term>', t.line);
    }
  }
  return undefined;
}

export function checkTbx(
  root: XmlElement,
  concepts: readonly TbxConcept[],
  langs?: readonly string[],
): Check {
  const v3 = root.local === 'tbx' && root.uri === TBX_NS;
  const martif = root.local === 'martif';
  if (!v3 && !martif) {
    return problem('glossary.tbx.notTbx', `not a TBX file: the root is <${root.name}>`, root.line, {
      root: root.name,
    });
  }
  if (v3 && attr(root, 'lang', XML_NS) === undefined)
    return problem('glossary.tbx.structure', '<tbx> needs xml:lang', root.line);
  return (
    checkStructure(root) ??
    checkConcepts(concepts, langs, martif) ??
    checkDialect(v3 ? (attr(root, 'type') ?? '') : 'TBX-Basic-2008', concepts, root)
  );
}
