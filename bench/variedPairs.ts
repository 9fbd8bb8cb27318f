// A varied ru→en workload for the checks: sentences assembled from independent parts (opening, subject, one to
// three predicates, an optional aside), numbers, dates, links, addresses and phone numbers drawn at random
// from a fixed seed, and about one pair in eight given an error of a known class. Written for the bench only;
// none of it comes from the demo document or an evaluation set.

const OPENINGS: readonly (readonly [string, string])[] = [
  ['', ''],
  ['', ''],
  ['В этом году ', 'This year, '],
  ['По данным отчёта, ', 'According to the report, '],
  ['С {d} ', 'From {D}, '],
  ['Несмотря на задержки, ', 'Despite the delays, '],
  ['Как сообщается, ', 'Reportedly, '],
];
const SUBJECTS: readonly (readonly [string, string])[] = [
  ['комиссия', 'the commission'],
  ['администрация района', 'the district administration'],
  ['наша компания', 'our company'],
  ['министерство финансов', 'the Ministry of Finance'],
  ['городской совет', 'the city council'],
  ['поставщик', 'the supplier'],
  ['отдел кадров', 'the HR department'],
  ['областной суд', 'the regional court'],
  ['управление образования', 'the education department'],
  ['больница', 'the hospital'],
];
const PREDICATES: readonly (readonly [string, string])[] = [
  ['рассматривает {n} заявлений', 'is reviewing {n} applications'],
  ['выделяет {n} млн тенге на ремонт дорог', 'allocates {n} million tenge for road repairs'],
  ['проводит проверку с {d} по {d2}', 'is conducting an inspection from {D} to {D2}'],
  ['публикует отчёт на сайте {u}', 'publishes the report on the website {u}'],
  ['принимает заявки до {d}', 'accepts applications until {D}'],
  ['не продлевает договор с подрядчиком', 'does not extend the contract with the contractor'],
  ['нанимает {n} сотрудников', 'is hiring {n} employees'],
  ['сокращает расходы на {p}%', 'is cutting costs by {p}%'],
  ['отвечает на вопросы по телефону {ph}', 'answers questions by phone at {ph}'],
  ['принимает письма по адресу {e}', 'accepts letters at {e}'],
  ['закупает {n} компьютеров для школ', 'is buying {n} computers for schools'],
  ['не раскрывает условия сделки', 'does not disclose the terms of the deal'],
  ['открывает новый филиал в Караганде', 'is opening a new branch in Karaganda'],
  ['переносит собрание на {d}', 'is moving the meeting to {D}'],
];
const ASIDES: readonly (readonly [string, string])[] = [
  ['', ''],
  ['', ''],
  ['', ''],
  [' (см. приложение {n})', ' (see annex {n})'],
  [' в соответствии с законом', ' in accordance with the law'],
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const ERROR_CLASSES = [
  'number-changed',
  'number-dropped',
  'date-day-dropped',
  'date-year-changed',
  'url-changed',
  'negation-dropped',
  'untranslated',
  'empty-target',
  'double-space',
  'final-punctuation',
] as const;

/** Mulberry32: a small seeded generator, so every run checks the same pairs. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export type VariedPair = {
  id: string;
  source: string;
  target: string;
  error?: (typeof ERROR_CLASSES)[number];
};

export function variedPairs(count: number, seed = 16): VariedPair[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const out: VariedPair[] = [];
  for (let i = 0; i < count; i += 1) {
    const fill = (ru: string, en: string): [string, string] => {
      for (const slot of ['{n}', '{p}', '{d}', '{d2}', '{u}', '{ph}', '{e}']) {
        while (ru.includes(slot)) {
          if (slot === '{n}' || slot === '{p}') {
            const v = String(slot === '{p}' ? int(1, 99) : int(2, 9_999));
            ru = ru.replace(slot, v);
            en = en.replace(slot, v);
          } else if (slot === '{d}' || slot === '{d2}') {
            const [day, month, year] = [int(1, 28), int(1, 12), int(2000, 2030)];
            const upper = slot === '{d}' ? '{D}' : '{D2}';
            ru = ru.replace(
              slot,
              `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`,
            );
            en = en.replace(upper, `${day} ${MONTHS[month - 1]} ${year}`);
          } else if (slot === '{u}') {
            const u = `https://${pick(['gov', 'city', 'corp'])}.kz/${pick(['news', 'docs', 'reports'])}/${int(1, 9999)}`;
            ru = ru.replace(slot, u);
            en = en.replace(slot, u);
          } else if (slot === '{ph}') {
            const ph = `+7 ${int(700, 778)} ${int(100, 999)} ${int(10, 99)} ${int(10, 99)}`;
            ru = ru.replace(slot, ph);
            en = en.replace(slot, ph);
          } else {
            const e = `${pick(['info', 'office', 'help'])}${int(1, 99)}@${pick(['gov', 'mail'])}.kz`;
            ru = ru.replace(slot, e);
            en = en.replace(slot, e);
          }
        }
      }
      return [ru, en];
    };
    const [oRu, oEn] = pick(OPENINGS);
    const [sRu, sEn] = pick(SUBJECTS);
    const predicates = Array.from({ length: int(1, 3) }, () => pick(PREDICATES));
    const [aRu, aEn] = pick(ASIDES);
    const ruParts = predicates.map(([ru]) => ru);
    const enParts = predicates.map(([, en]) => en);
    const joinRu = (parts: string[]) =>
      parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} и ${parts.at(-1)}`;
    const joinEn = (parts: string[]) =>
      parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
    const [source, filled] = fill(
      `${capital(`${oRu}${sRu}`)} ${joinRu(ruParts)}${aRu}.`,
      `${capital(`${oEn}${sEn}`)} ${joinEn(enParts)}${aEn}.`,
    );
    let target = filled;
    let error: VariedPair['error'];
    if (next() < 0.125) {
      const candidates = ERROR_CLASSES.filter((c) => {
        if (c === 'number-changed' || c === 'number-dropped') return /\b\d{2,4}\b(?![.\d])/.test(target);
        if (c === 'date-day-dropped' || c === 'date-year-changed')
          return /\b\d{1,2} [A-Z][a-z]+ \d{4}\b/.test(target);
        if (c === 'url-changed') return target.includes('https://');
        if (c === 'negation-dropped') return target.includes('does not ');
        return true;
      });
      error = pick(candidates);
      if (error === 'number-changed')
        target = target.replace(/\b(\d{2,4})\b(?![.\d])/, (n) => String(Number(n) + 1));
      else if (error === 'number-dropped') target = target.replace(/\b\d{2,4}\b(?![.\d]) ?/, '');
      else if (error === 'date-day-dropped') target = target.replace(/\b\d{1,2} ([A-Z][a-z]+ \d{4})\b/, '$1');
      else if (error === 'date-year-changed')
        target = target.replace(
          /\b(\d{1,2} [A-Z][a-z]+ )(\d{4})\b/,
          (_, dm: string, y: string) => `${dm}${Number(y) + 1}`,
        );
      else if (error === 'url-changed')
        target = target.replace(/https:\/\/\S+?(?=[.)]?(\s|$))/, 'https://example.com/x');
      else if (error === 'negation-dropped') target = target.replace('does not ', 'does ');
      else if (error === 'untranslated') target = source;
      else if (error === 'empty-target') target = '';
      else if (error === 'double-space') target = target.replace(' ', '  ');
      else target = target.replace(/\.$/, '');
    }
    out.push({ id: `u${i}`, source, target, ...(error ? { error } : {}) });
  }
  return out;
}

/** One line saying what the workload is, printed beside the figures. */
export function describeWorkload(pairs: readonly VariedPair[]): string {
  const lengths = pairs.map((p) => p.source.length).sort((a, b) => a - b);
  const at = (q: number) => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))];
  const shapes = OPENINGS.length * SUBJECTS.length * ASIDES.length * PREDICATES.length ** 3;
  const errors = pairs.filter((p) => p.error).length;
  return (
    `${pairs.length} generated ru→en pairs from ~${Math.round(shapes / 1000)}k sentence shapes (1–3 predicates), ` +
    `source length p10/p50/p90 ${at(0.1)}/${at(0.5)}/${at(0.9)} chars, ` +
    `${errors} with an injected error in ${ERROR_CLASSES.length} classes`
  );
}
