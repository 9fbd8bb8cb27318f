import { delimiterFor, parseTable, serialiseTable } from '../formats/csv.ts';
import { fail, ok, type Result } from '../result.ts';
import { SEVERITIES, type MqmCategory, type Severity } from './types.ts';
import type { RE2JS } from 're2js';
import { compileLinear } from '../text/linearRegex.ts';
import { CALQUE_ROWS, calqueId, calqueRegExp } from './util/calques.ts';

/**
 * A project's phrase rule: a phrase (or regular expression) that is a machine-translation artefact in target
 * texts of one language, with the better wording, how severe it is and where it sits in MQM. The project owns
 * the table; the built-in rules are where it starts.
 */
export type PhraseRule = {
  readonly id: string;
  /** A phrase, matched as words, case-insensitively; or a regular expression when `regex` is set. */
  readonly match: string;
  readonly regex: boolean;
  /** Target language the rule applies to ("en", "kk"). */
  readonly lang: string;
  /** The better wording; with a regular expression $1… refer to its groups. */
  readonly suggestion?: string;
  readonly severity: Severity;
  readonly category: MqmCategory;
  readonly kind: 'calque' | 'false-friend';
  readonly note?: string;
};

const CATEGORIES: readonly MqmCategory[] = [
  'accuracy/mistranslation',
  'accuracy/omission',
  'accuracy/addition',
  'accuracy/untranslated',
  'terminology',
  'linguistic/grammar',
  'linguistic/spelling',
  'linguistic/punctuation',
  'locale-convention',
  'style',
];

/** The built-in rules as a project table: every one a general Russian→English MT artefact. */
export const BUILT_IN_PHRASE_RULES: readonly PhraseRule[] = CALQUE_ROWS.map(
  ([trigger, pattern, suggestion, kind]): PhraseRule => ({
    id: calqueId(trigger, pattern),
    match: pattern,
    regex: true,
    lang: 'en',
    ...(suggestion !== null ? { suggestion } : {}),
    severity: kind === 'f' ? 'major' : 'minor',
    category: kind === 'f' ? 'accuracy/mistranslation' : 'style',
    kind: kind === 'f' ? 'false-friend' : 'calque',
  }),
);

type BuiltInSource = { readonly rule: PhraseRule; readonly trigger: string };

/** The built-in rules by id, with the trigger word that gates each one. */
const BUILT_IN_BY_ID: ReadonlyMap<string, BuiltInSource> = new Map(
  CALQUE_ROWS.map(([trigger], i) => {
    const rule = BUILT_IN_PHRASE_RULES[i]!;
    return [rule.id, { rule, trigger }] as const;
  }),
);

/** The built-in rule with this id as it ships, or undefined for a project's own rule. */
export function builtInPhraseRule(id: string): PhraseRule | undefined {
  return BUILT_IN_BY_ID.get(id)?.rule;
}

/**
 * The suffix a project's edit of a built-in rule carries while it is checked: the built-in id itself stays
 * switched off then, and switching it off must not silence the edit it stands for.
 */
export const EDITED_SUFFIX = '~edited';

/** Whether a project rule is an edit of a built-in one (its id is the built-in's) that changes anything. */
export function isEditedBuiltIn(rule: PhraseRule): boolean {
  const base = builtInPhraseRule(rule.id);
  return base !== undefined && !samePhraseRule(base, rule);
}

export function samePhraseRule(a: PhraseRule, b: PhraseRule): boolean {
  return (
    a.id === b.id &&
    a.match === b.match &&
    a.regex === b.regex &&
    a.lang === b.lang &&
    (a.suggestion ?? '') === (b.suggestion ?? '') &&
    a.severity === b.severity &&
    a.category === b.category &&
    a.kind === b.kind &&
    (a.note ?? '') === (b.note ?? '')
  );
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern a rule matches with: a phrase becomes words separated by any white space. */
export function rulePattern(rule: Pick<PhraseRule, 'match' | 'regex'>): string {
  return rule.regex ? rule.match : rule.match.trim().split(/\s+/u).map(escape).join('\\s+');
}

/**
 * A compiled rule: the words every match contains (lower case) gate it, so most texts skip most rules. A phrase
 * is an escaped literal and runs as a RegExp; a project's regular expression runs on the linear-time engine
 * (`linear`), so no pattern a reviewer writes can freeze the checks.
 */
export type CompiledRule = PhraseRule & {
  readonly re: RegExp;
  readonly linear: RE2JS | undefined;
  readonly gate: string | undefined;
};

/**
 * The longest word of a phrase rule, lower case: a text without it cannot match. Regular expressions have no
 * gate (they run on every text; a project's own table is short).
 */
function gateOf(rule: PhraseRule): string | undefined {
  if (rule.regex) return undefined;
  return rule.match
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .sort((x, y) => y.length - x.length)[0];
}

const NEVER = /(?!)/gu;

/**
 * Rules checked and compiled; a rule whose expression does not compile is reported with its id. Regular
 * expressions are compiled for RE2 (no look-arounds or back-references: the engine's message says so).
 */
export function compilePhraseRules(rules: readonly PhraseRule[]): Result<CompiledRule[]> {
  const out: CompiledRule[] = [];
  for (const rule of rules) {
    // An edited built-in rule that kept its expression runs as the built-in one does: the table's own
    // expressions are reviewed code (some use look-aheads RE2 refuses), gated by their trigger word.
    const base = BUILT_IN_BY_ID.get(
      rule.id.endsWith(EDITED_SUFFIX) ? rule.id.slice(0, -EDITED_SUFFIX.length) : rule.id,
    );
    if (base && rule.regex && rule.match === base.rule.match) {
      out.push({ ...rule, re: calqueRegExp(rule.match), linear: undefined, gate: base.trigger });
      continue;
    }
    if (rule.regex) {
      const linear = compileLinear(rule.match, false);
      if (!linear.ok) return fail({ message: `rule ${rule.id}: ${linear.error.message}` });
      if (linear.value.matches(''))
        return fail({ message: `rule ${rule.id}: the expression matches empty text` });
      out.push({ ...rule, re: NEVER, linear: linear.value, gate: undefined });
      continue;
    }
    try {
      out.push({ ...rule, re: calqueRegExp(rulePattern(rule)), linear: undefined, gate: gateOf(rule) });
    } catch (e) {
      return fail({ message: `rule ${rule.id}: ${(e as Error).message}` });
    }
  }
  return ok(out);
}

const COLUMNS = [
  'id',
  'match',
  'regex',
  'lang',
  'suggestion',
  'severity',
  'category',
  'kind',
  'note',
] as const;

function ruleFrom(cells: Readonly<Record<string, string>>, where: string): Result<PhraseRule> {
  const bad = (message: string): Result<never> => fail({ message: `${where}: ${message}` });
  const match = cells.match?.trim() ?? '';
  if (match === '') return bad('the rule has no phrase');
  const regex = /^(?:1|true|yes)$/i.test(cells.regex?.trim() ?? '');
  const severity = (cells.severity?.trim() || 'minor') as Severity;
  if (!SEVERITIES.includes(severity)) return bad(`unknown severity "${severity}"`);
  const category = (cells.category?.trim() || 'style') as MqmCategory;
  if (!CATEGORIES.includes(category)) return bad(`unknown MQM category "${category}"`);
  const kind = cells.kind?.trim() || 'calque';
  if (kind !== 'calque' && kind !== 'false-friend') return bad(`unknown kind "${kind}"`);
  const lang = cells.lang?.trim() || 'en';
  const rule: PhraseRule = {
    id: cells.id?.trim() || `rule-${match.toLowerCase().replace(/\W+/gu, '-')}`,
    match,
    regex,
    lang,
    // Not trimmed: a regular expression's suggestion may end in the space its match ends in.
    ...(cells.suggestion?.trim() ? { suggestion: cells.suggestion } : {}),
    severity,
    category,
    kind,
    ...(cells.note?.trim() ? { note: cells.note.trim() } : {}),
  };
  const compiled = compilePhraseRules([rule]);
  return compiled.ok ? ok(rule) : bad(compiled.error.message);
}

/** A CSV (or TSV) table of rules with a header naming the columns; a bad row is reported with its line. */
export function parsePhraseRulesCsv(text: string, delimiter: ',' | '\t' | ';' = ','): Result<PhraseRule[]> {
  const table = parseTable(text, delimiter);
  if (!table.ok) return table;
  const header = table.value.header.map((h) => h.trim().toLowerCase());
  if (!header.includes('match')) return fail({ message: 'the header has no "match" column', line: 1 });
  const rules: PhraseRule[] = [];
  for (const row of table.value.rows) {
    const cells = Object.fromEntries(header.map((h, i) => [h, row.cells[i] ?? '']));
    const rule = ruleFrom(cells, `line ${row.line}`);
    if (!rule.ok) return fail({ ...rule.error, line: row.line });
    rules.push(rule.value);
  }
  return ok(rules);
}

export function phraseRulesToCsv(rules: readonly PhraseRule[]): string {
  return serialiseTable(
    COLUMNS,
    rules.map((r) => [
      r.id,
      r.match,
      r.regex ? 'true' : 'false',
      r.lang,
      r.suggestion ?? '',
      r.severity,
      r.category,
      r.kind,
      r.note ?? '',
    ]),
  );
}

/** A JSON array of rules (as phraseRulesToJson writes it); a bad entry is reported by its position. */
export function parsePhraseRulesJson(text: string): Result<PhraseRule[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail({ message: `not JSON: ${(e as Error).message}` });
  }
  if (!Array.isArray(data)) return fail({ message: 'expected an array of rules' });
  const rules: PhraseRule[] = [];
  for (const [i, item] of data.entries()) {
    if (!item || typeof item !== 'object') return fail({ message: `rule ${i + 1}: not an object` });
    const o = item as Record<string, unknown>;
    const cells = Object.fromEntries(
      COLUMNS.map((c) => [c, o[c] === undefined || o[c] === null ? '' : String(o[c])]),
    );
    const rule = ruleFrom(cells, `rule ${i + 1}`);
    if (!rule.ok) return rule;
    rules.push(rule.value);
  }
  return ok(rules);
}

export function phraseRulesToJson(rules: readonly PhraseRule[]): string {
  return `${JSON.stringify(rules, null, 2)}\n`;
}

/**
 * A file of rules as the check settings and the command line read it: JSON by its name or its first character,
 * else CSV (tab-separated for .tsv). A byte-order mark is dropped. Rows whose id is a built-in rule's are edits
 * of that rule (see resolvePhraseRules).
 */
export function parsePhraseRulesFile(fileName: string, text: string): Result<PhraseRule[]> {
  const body = text.replace(/^\uFEFF/, '');
  if (/\.json$/i.test(fileName) || body.trimStart().startsWith('[')) return parsePhraseRulesJson(body);
  return parsePhraseRulesCsv(body, delimiterFor(fileName, body));
}
