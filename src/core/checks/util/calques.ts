/**
 * Russian → English machine-translation artefacts, curated by hand. Each entry: a trigger word (a lower-case
 * word every match contains, so a target without it costs one Set look-up), the pattern (case-insensitive,
 * matched at word boundaries), the better English where there is one ($1… refer to the pattern's groups),
 * and what kind of flaw it is:
 *   calque         word-for-word Russian structure: understandable, but not English ("a package of measures");
 *   false-friend   a wrong sense of an English word that matches the Russian one ("realization" for
 *                  реализация = implementation; "small weight" for небольшой тяжести = minor gravity).
 * Add an entry only for a phrase that is wrong or clearly un-English in every context, never for one that
 * is merely formal: false alarms cost reviewers more than a missed awkward phrase.
 */
export type Calque = {
  /** Stable across edits of the table: the trigger and a hash of the pattern, so a project can switch it off. */
  readonly id: string;
  readonly trigger: string;
  readonly pattern: string;
  readonly suggestion?: string;
  readonly kind: 'calque' | 'false-friend';
};

type Row = readonly [trigger: string, pattern: string, suggestion: string | null, kind?: 'f'];

// [trigger, pattern, suggestion, 'f' for a false friend]. Russian source in the comment where it helps.
const ROWS: readonly Row[] = [
  // The skip link every Russian site template has (Перейти к содержанию / к содержимому), translated literally.
  ['pass', 'to pass to (?:the )?(?:contents?|main content)', 'Skip to content', 'f'],
  ['address', '(to|at|on) the address(?= \\S+@)', '$1'], // по адресу info@…
  [
    'correctly',
    '(translated|written|filled in|filled|specified|indicated|done|made|entered|spelled|spelt) not correctly',
    '$1 incorrectly',
  ], // неправильно
  // Discourse markers.
  [
    'once',
    'at once (?:i|we) (?:will|would|shall) (?:note|say|mention)(?: that)?',
    'I should note right away that',
  ], // Сразу отмечу
  ['once', 'at once it is worth (?:paying attention|noting)', 'It is worth noting right away'],
  ['attention', '(pay|pays|paid|paying) attention on', '$1 attention to'],
  ['respectively', '^respectively,? (?=the|it|this)', 'Accordingly, '], // Соответственно
  ['way', '^in such a way,', 'Thus,'], // Таким образом
  ['that', '^at that,', 'Moreover,'], // При этом
  ['further', '\\(further ([A-ZА-Я]{2,})\\)', '(hereinafter $1)', 'f'], // (далее — МПС)
  ['consider', 'i consider that', 'I believe that'],
  ['attentively', 'attentively (monitor|watch|follow|study)', 'closely $1'],
  ['possible', 'it is possible to tell', 'one could say'],
  ['necessity', 'in (?:the )?case of necessity', 'if necessary'],
  ['measure', 'in (?:a )?full measure', 'fully'],
  ['today', "on the today['’]?s? day", 'today'], // на сегодняшний день
  ['nearest', 'in the nearest (?:time|future)', 'in the near future'], // в ближайшее время
  ['years', '(in|for|over|during) the last years', '$1 recent years'], // последние годы
  ['year', 'in ((?:19|20)\\d\\d) year', 'in $1'], // в 2015 году
  ['year', 'in this year', 'this year'],
  ['now', 'till now', 'so far'],
  ['long', 'lasted not (?:for )?long', 'did not last long'],
  ['long', 'since long ago', 'for a long time'],
  [
    'given',
    'the given (article|document|case|problem|issue|question|report|study|project|law|resolution|decree|moment|situation)',
    'this $1',
  ], // данный
  ['given', 'at the given moment', 'at the moment'],
  ['present', 'at the present time', 'at present'],
  ['quality', 'in the quality of', 'as'], // в качестве
  ['example', 'on the example of', 'using the example of'], // на примере
  ['frames', 'in the frames? of', 'within'], // в рамках
  ['person', 'in the person of', 'represented by'], // в лице
  ['whole', 'in whole', 'as a whole'],
  // Government and law.
  ['package', 'an? package of measures', 'a set of measures'], // комплекс мер
  ['enforcement', 'law[- ]enforcement bodies', 'law enforcement agencies'], // правоохранительные органы
  ['organs', "(law[- ]enforcement|internal affairs|state|prosecutor's|judicial) organs", '$1 agencies', 'f'],
  ['government', '(?:organs|bodies) of local self-government', 'local government bodies'],
  ['territory', 'in the territory of', 'in'], // на территории
  ['territory', 'on the territory of', 'in'],
  ['territory', 'on (?:all|the whole) territory of', 'throughout'],
  [
    'protection',
    '(?:ensuring )?(?:the )?protection of (?:the )?public order',
    'maintaining public order',
    'f',
  ], // охрана общественного порядка
  ['provision', 'provision on', 'Regulations on', 'f'], // Положение о
  ['resolution', 'resolution of the government', 'government decree', 'f'], // постановление правительства
  ['competence', 'within the competence', 'within their competence'],
  [
    'directed',
    'directed to (identification|prevention|ensuring|creation|development|improvement)',
    'aimed at $1',
  ],
  ['state', 'exercise the state control', 'exercise state control'],
  ['production', 'production on cases', 'proceedings in cases', 'f'], // производство по делам
  ['weight', '(?:of )?(?:mainly )?small weight', 'of minor gravity', 'f'], // небольшой тяжести
  ['keeping', 'conditions of keeping', 'conditions of detention', 'f'], // условия содержания
  [
    'residence',
    'not (?:having|taking) a (?:certain|definite) (?:place of )?residence',
    'with no fixed abode',
    'f',
  ],
  ['powers', 'carry out (other )?powers', 'exercise $1powers'],
  ['proceeding', 'proceeding from', 'based on'], // исходя из
  ['budget', 'by means of the (local|state|federal|republican|regional) budget', 'from the $1 budget'],
  [
    'budget',
    'at the expense of (?:the )?(local |state |federal |republican |regional )?budget',
    'from the $1budget',
  ], // за счёт бюджета
  ['emergence', 'led to (?:the )?emergence of', 'led to'],
  [
    'management',
    'the management of the (ministry|department|agency|committee|government|region|city|country)',
    'the leadership of the $1',
    'f',
  ], // руководство министерства
  ['value', 'paramount value', 'paramount importance'],
  ['majority', 'in the majority of (?:the )?', 'in most '],
  ['accurately', 'accurately (divided|separated|delineated|distributed)', 'clearly $1', 'f'], // чётко
  ['bottom', '(?:go|goes|went|going) to (?:a|the) bottom', 'sinks'], // идёт ко дну
  ['media', 'messages in (?:the )?media', 'media reports'],
  ['realization', 'at realization of', 'in implementing', 'f'], // при реализации
  [
    'realization',
    'realization of (?:the )?(model|plan|program|programme|project|reform|policy|measures|tasks|strategy|rights)',
    'implementation of the $1',
    'f',
  ],
  [
    'realize',
    'realiz(?:e|ed|es|ing) (?:the |a )?(project|program|programme|plan|reform|policy|measures|strategy)',
    'implement the $1',
    'f',
  ],
  ['invalid', '(?:was |were )?recognized (?:as )?(?:to have )?become invalid', 'repealed', 'f'], // признано утратившим силу
  [
    'additions',
    'about (?:modifications?|amendments?|changes) and additions (?:in|to) (?:some|certain) (?:legislative )?acts',
    'On Amendments and Additions to Certain Legislative Acts',
    'f',
  ],
  ['about', '(?<=[«"“])about (?=\\p{Lu})', 'On ', 'f'], // «О полиции» → “On the Police”
  ['activity', '(regulating|regulated|regulates|concerning|on) (?:the )?activity of', '$1 the activities of'],
  [
    'subject',
    '(budget|akims?|power|body|authority|administration|representative) of (?:the )?subject(s?)',
    '$1 of the region$2',
    'f',
  ], // субъект
  ['closing', 'in connection with (?:the )?closing of', 'due to the closure of'],
  ['published', 'for the first time (?:was )?published', 'first published'],
  ['published', 'was for the first time published', 'was first published'],
  ['times', 'two times a year', 'twice a year'],
  ['execution', 'demand (?:its|their) execution', 'require it to be carried out', 'f'], // требовать исполнения
  ['prospects', 'prospects of development', 'prospects for development'],
  ['perspectives', 'perspectives? of (?:the )?development', 'prospects for development', 'f'],
  ['actual', 'actual (problems?|issues?|topics?|questions?)', 'pressing $1', 'f'], // актуальный
  [
    'concrete',
    'concrete (person|people|example|examples|case|cases|date|dates|measures|deadline)',
    'specific $1',
    'f',
  ], // конкретный
  ['accent', '(?:make|put|place|making|placing) (?:an? |the )?accent on', 'put emphasis on', 'f'], // акцент
  [
    'conduct',
    'conduct(s|ed|ing)? (?:a |the )?(meeting|conference|session|seminar|forum|competition)',
    'hold$1 a $2',
  ],
  ['conclusion', 'make (?:a|the) conclusion', 'draw a conclusion'],
  ['decision', '(?:the )?decision (?:is|was|has been) accepted', 'the decision was made', 'f'], // решение принято
  ['accept', 'accept(?:s|ed)? (?:a|the) decision', 'make a decision', 'f'],
  ['accept', 'accept(?:ed)? measures', 'take measures', 'f'], // принять меры
  ['accepted', '(?:has |was )?accepted (?:a |the )?law', 'adopted the law', 'f'], // принял закон
  ['assistance', 'render(?:s|ed|ing)? assistance', 'provide assistance'],
  ['influence', 'render(?:s|ed|ing)? (?:an? )?influence', 'have an influence'],
  ['possibility', 'give (?:a|the) possibility', 'give an opportunity'],
  ['possibility', 'ha(?:s|ve) (?:a|the) possibility to', 'have the opportunity to'],
  ['tell', 'tell about', 'talk about'],
  ['depend', 'depend(?:s|ed|ing)? from', 'depend on'],
  ['consists', 'consists? from', 'consist of'],
  ['participate', 'participat(?:e|es|ed|ing) at', 'participate in'],
  ['discuss', 'discuss(?:ed|es|ing)? about', 'discuss'],
  ['explain', 'explain (me|us|him|her|them)\\b', 'explain to $1'],
  ['internet', 'in (?:the )?internet', 'on the Internet'],
  ['nets', 'social nets', 'social networks', 'f'], // соцсети
  ['resource', 'internet[- ]resource', 'website', 'f'],
  ['question', 'the question about', 'the question of'],
  ['decision', 'the decision about', 'the decision on'],
  ['guard', 'stand(?:s|ing)? on (?:the )?guard of', 'safeguard'], // стоять на страже
  ['data', 'according to the data of', 'according to'],
  ['necessary', 'it is necessary to note', 'it should be noted'],
  ['today', '\\bon today\\b', 'as of today'],
];

/** The built-in rows, for the phrase-rule tables a project starts from. */
export const CALQUE_ROWS = ROWS;

/** A pattern as the checks match it: case-insensitive, at word boundaries that know Cyrillic; "^" stays an anchor. */
export function calqueRegExp(pattern: string): RegExp {
  return new RegExp(
    `${pattern.startsWith('^') ? '' : '(?<![\\p{L}\\p{N}])'}${pattern}${/[\\?)]$/.test(pattern) || pattern.endsWith(' ') ? '' : '(?![\\p{L}])'}`,
    'giu',
  );
}

/** A built-in rule's id: "builtin-" + trigger + FNV-1a of the pattern, unchanged when other rows come and go. */
export function calqueId(trigger: string, pattern: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < pattern.length; i += 1) {
    h ^= pattern.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `builtin-${trigger}-${(h >>> 0).toString(36)}`;
}

/**
 * Lower-case runs of letters and spaces every match of the pattern contains: the plain text outside groups,
 * classes and escapes, less a letter a quantifier makes optional. None when the pattern has an alternative at its
 * top level. A text lacking one of them, lower-cased, cannot match (unless it has a long s, which case-insensitive
 * matching reads as "s" and lower-casing keeps).
 */
export function requiredRuns(pattern: string): string[] {
  const runs: string[] = [];
  let run = '';
  const end = (): void => {
    if (run.trim().length >= 3) runs.push(run);
    run = '';
  };
  let depth = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern.charAt(i);
    if (ch === '\\') {
      end();
      i += 1;
    } else if (ch === '[') {
      end();
      while (i + 1 < pattern.length && pattern.charAt(i + 1) !== ']')
        i += pattern.charAt(i + 1) === '\\' ? 2 : 1;
      i += 1;
    } else if (ch === '(') {
      end();
      depth += 1;
    } else if (ch === ')') depth -= 1;
    else if (depth > 0) continue;
    else if (ch === '|') return [];
    else if (/^[a-zA-Z ]$/.test(ch) && !/^[?*+{]$/.test(pattern.charAt(i + 1))) run += ch.toLowerCase();
    else end();
  }
  end();
  return runs;
}

export type CompiledCalque = Calque & { readonly re: RegExp; readonly required: readonly string[] };

function compile(): readonly CompiledCalque[] {
  return ROWS.map(([trigger, pattern, suggestion, kind]) => ({
    id: calqueId(trigger, pattern),
    trigger,
    pattern,
    ...(suggestion !== null ? { suggestion } : {}),
    kind: kind === 'f' ? 'false-friend' : 'calque',
    re: calqueRegExp(pattern),
    required: requiredRuns(pattern),
  }));
}

export const CALQUES = compile();

/** Entries by trigger word, so a segment is only tested against entries whose trigger it contains. */
export const CALQUES_BY_TRIGGER: ReadonlyMap<string, readonly CompiledCalque[]> = (() => {
  const map = new Map<string, CompiledCalque[]>();
  for (const c of CALQUES) {
    const list = map.get(c.trigger) ?? [];
    list.push(c);
    map.set(c.trigger, list);
  }
  return map;
})();
