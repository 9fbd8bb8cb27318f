/**
 * A Hunspell dictionary read for look-up without expanding it.
 *
 * nspell expands every stem with every suffix it allows before the first look-up: for the Kazakh dictionary
 * that is 1.45 million forms and several seconds. The Kazakh (kk_KZ) and Russian dictionaries use suffixes
 * only, one level deep (no prefixes, no continuation classes, no compounding), so a word is correct exactly
 * when it is a stem, or a stem with one suffix the stem's flags allow. Stripping that suffix at look-up time
 * gives the same answers, and building the stem table is a single pass over the .dic.
 *
 * `supportsAffixFile` says whether an .aff is of that simple kind; anything else belongs to nspell.
 */
import { StemTable } from './StemTable.ts';

type Rule = {
  readonly flag: string;
  readonly strip: string;
  readonly add: string;
  /** Matches the end of the stem, before stripping; undefined = any. */
  readonly condition: RegExp | undefined;
};

const BOM = /^\uFEFF/;

// Directives that change what a look-up means; a file using any of them is not the simple kind.
const UNSUPPORTED =
  /^(?:PFX|COMPOUND\w*|ONLYINCOMPOUND|NEEDAFFIX|CIRCUMFIX|FORBIDDENWORD|KEEPCASE|FLAG|AF|ICONV|OCONV|FULLSTRIP|CHECKSHARPS)\b/mu;

/** Whether `aff` uses only single-level suffixes, the case AffixLexicon reads exactly. */
export function supportsAffixFile(aff: string): boolean {
  if (UNSUPPORTED.test(aff)) return false;
  // A continuation class on a suffix ("ов/AB") would need a second stripping pass.
  return !/^SFX\s+\S+\s+\S+\s+\S+\/\S/mu.test(aff);
}

function conditionOf(text: string): RegExp | undefined {
  if (text === '.' || text === '') return undefined;
  // Hunspell conditions are a tiny regular language: letters, [set], [^set] and '.'.
  return new RegExp(`${text}$`, 'u');
}

function parseRules(aff: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of aff.replace(BOM, '').split(/\r?\n/u)) {
    if (!raw.startsWith('SFX')) continue;
    const parts = raw.trim().split(/\s+/u);
    // Header lines ("SFX A N 45") have four fields; rules have five or more (a sixth is a morphology note).
    if (parts.length < 5) continue;
    const [, flag = '', strip = '0', add = '0', condition = '.'] = parts;
    rules.push({
      flag,
      strip: strip === '0' ? '' : strip,
      add: add === '0' ? '' : add,
      condition: conditionOf(condition),
    });
  }
  return rules;
}

/** Words typed on a Russian keyboard lose these: ә ғ қ ң ө ұ ү һ і become а г к н о у у х и. */
const LOOKALIKE: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  Ә: 'А',
  Ғ: 'Г',
  Қ: 'К',
  Ң: 'Н',
  Ө: 'О',
  Ұ: 'У',
  Ү: 'У',
  Һ: 'Х',
  І: 'И',
};
const KAZAKH_ONLY = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/gu;

/** `text` as a Russian keyboard would have typed it. */
export function russianKeyboard(text: string): string {
  return text.replace(KAZAKH_ONLY, (ch) => LOOKALIKE[ch] ?? ch);
}

type LookalikeIndex = {
  readonly stems: ReadonlyMap<string, readonly string[]>;
  readonly rules: ReadonlyMap<string, readonly Rule[]>;
};

function group<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

export class AffixLexicon {
  /** Stem → its flags ('' when it takes no suffix): a Map when read from a .dic, a StemTable when compiled. */
  readonly #stems: Map<string, string> | StemTable;
  /** Suffix as written → the rules that add it. */
  readonly #byAdd: Map<string, Rule[]>;
  readonly #longestAdd: number;
  readonly #rules: readonly Rule[];
  #lookalike: LookalikeIndex | undefined;

  /**
   * Reads an affix file with its .dic text, or with the compiled stems `compile()` wrote (undefined if they
   * are damaged: read the .dic then).
   */
  constructor(aff: string, dic: string | StemTable) {
    this.#rules = parseRules(aff);
    this.#byAdd = group(this.#rules, (r) => r.add);
    this.#longestAdd = Math.max(0, ...this.#rules.map((r) => r.add.length));
    if (typeof dic !== 'string') {
      this.#stems = dic;
      return;
    }
    const stems = new Map<string, string>();
    this.#stems = stems;
    const text = dic.replace(BOM, '');
    // The first line is the entry count. Entries are "stem" or "stem/FLAGS", optionally followed by
    // morphological fields after white space.
    let start = text.indexOf('\n') + 1;
    while (start > 0 && start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      let line = text.slice(start, end);
      start = end + 1;
      const space = line.search(/[\s]/u);
      if (space >= 0) line = line.slice(0, space);
      if (!line) continue;
      const slash = line.indexOf('/');
      const stem = slash < 0 ? line : line.slice(0, slash);
      const flags = slash < 0 ? '' : line.slice(slash + 1);
      const known = stems.get(stem);
      stems.set(stem, known === undefined ? flags : known + flags);
    }
  }

  /** The stems in their compiled form, for a cache: `new AffixLexicon(aff, StemTable.fromCompiled(text))`. */
  compile(): string {
    return (this.#stems instanceof StemTable ? this.#stems : StemTable.fromMap(this.#stems)).compiled();
  }

  /** Number of stems read from the .dic. */
  get size(): number {
    return this.#stems.size;
  }

  #exact(word: string): boolean {
    if (this.#stems.has(word)) return true;
    const limit = Math.min(this.#longestAdd, word.length - 1);
    for (let len = 1; len <= limit; len += 1) {
      const rules = this.#byAdd.get(word.slice(word.length - len));
      if (!rules) continue;
      const base = word.slice(0, word.length - len);
      for (const rule of rules) if (this.#allows(base + rule.strip, rule)) return true;
    }
    // Rules that only strip ("ый" → "о" has an add; a bare strip has none).
    const bare = this.#byAdd.get('');
    if (bare) for (const rule of bare) if (rule.strip && this.#allows(word + rule.strip, rule)) return true;
    return false;
  }

  #allows(stem: string, rule: Rule): boolean {
    const flags = this.#stems.get(stem);
    return flags !== undefined && flags.includes(rule.flag) && (!rule.condition || rule.condition.test(stem));
  }

  /**
   * Whether the dictionary (or the added words) has `word`. As in Hunspell, a capitalised or upper-case
   * word is also right when its lower-case form is ("Республика" at the start of a sentence, "ҚАЗАҚСТАН").
   */
  correct(word: string): boolean {
    if (this.#exact(word)) return true;
    const lower = word.toLowerCase();
    if (lower === word) return false;
    if (this.#exact(lower)) return true;
    const title = lower.charAt(0).toUpperCase() + lower.slice(1);
    return title !== word && word === word.toUpperCase() && this.#exact(title);
  }

  /**
   * Dictionary words that a Russian keyboard would have typed as `word` ("Республикасындагы" →
   * "Республикасындағы", "Қазакстан" → "Қазақстан"), in the case `word` is written in. Empty when `word` is
   * itself correct or no Kazakh-letter spelling of it is known.
   */
  restore(word: string): string[] {
    if (this.correct(word)) return [];
    const lower = word.toLowerCase();
    const typed = russianKeyboard(lower);
    const index = (this.#lookalike ??= this.#buildLookalike());
    const found = new Set<string>();
    const tryStem = (typedStem: string, rule: Rule | undefined) => {
      for (const stem of index.stems.get(typedStem) ?? []) {
        if (!rule) found.add(stem.toLowerCase());
        else if (stem.endsWith(rule.strip) && this.#allows(stem, rule))
          found.add((stem.slice(0, stem.length - rule.strip.length) + rule.add).toLowerCase());
      }
    };
    tryStem(typed, undefined);
    const limit = Math.min(this.#longestAdd, typed.length - 1);
    for (let len = 0; len <= limit; len += 1) {
      const rules = index.rules.get(typed.slice(typed.length - len));
      if (!rules) continue;
      const base = typed.slice(0, typed.length - len);
      for (const rule of rules) tryStem(base + russianKeyboard(rule.strip), rule);
    }
    found.delete(lower);
    // Kazakh letters the word already has stay ("Қазакстан" → "Қазақстан", never "Казақстан").
    const kept = typed === lower ? [...found] : [...found].filter((form) => keepsKazakhLetters(lower, form));
    return kept.map((form) => matchCase(word, form));
  }

  #buildLookalike(): LookalikeIndex {
    // Keyed by the lower-case Russian-keyboard spelling; proper names ("Қазақстан") keep their stem as written.
    const stems = group(this.#stems.keys(), (stem) => russianKeyboard(stem.toLowerCase()));
    return { stems, rules: group(this.#rules, (r) => russianKeyboard(r.add)) };
  }
}

function keepsKazakhLetters(typed: string, form: string): boolean {
  for (let i = 0; i < typed.length; i += 1) {
    const ch = typed.charAt(i);
    if (LOOKALIKE[ch] !== undefined && form.charAt(i) !== ch) return false;
  }
  return true;
}

function matchCase(pattern: string, word: string): string {
  if (pattern.length > 1 && pattern === pattern.toUpperCase()) return word.toUpperCase();
  const first = pattern.charAt(0);
  return first !== first.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}
