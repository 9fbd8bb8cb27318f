import type { CheckInput } from '../CheckInput.ts';
import type { Finding, PairCheck } from '../types.ts';
import { KAZAKH_LETTERS, type Word } from '../util/words.ts';

/**
 * Kazakh typed on a Russian keyboard: ә ғ қ ң ө ұ ү һ і become а г к н о у у х и ("казакша" for "қазақша").
 * The list holds frequent Kazakh words and stems that contain at least one of the nine letters and whose
 * Russian-letter spelling is not itself a Russian or Kazakh word (so "төрт" → "торт", a Russian cake, and
 * "қазан" → "казан", a Russian cauldron, are out). Stems (marked "*") also match with a Kazakh ending after them.
 */
const WORDS = `және үшін бұл бірақ екі үш жеті сегіз тоғыз жүз мың жиырма қырық жетпіс
қазақша қазақстан* қазақстандық* әкім* әкімдік* әкімшілік* мәслихат* үкімет* ішкі істер* министрлігі*
қызмет* жергілікті* құқық* қоғам* тәртіп* қорғау* әйел* зорлық* кәмелетке толмаған өте үлкен кіші жақсы
көше* әрбір қажет* қарсы қатысты құрылым* ұйым* ұлттық* ақпарат* мәселе* мәлімет* сөйле* білім* ғылым*
тілі тілде тілін қазақ тілі басқа* барлық* арқылы кейін мүмкін жылғы қаңтар* ақпан* сәуір* шілде* қыркүйек*
қараша* желтоқсан* жұмыс* істеу* қабылда* шешім* бұйрық* заңы заңнама* өзгеріс* толықтыру* енгізу* жүргізу*
қамтамасыз қауіпсіздік* күш* бөлім* тағайында* халық* береді етеді болғанда бөлігі* тұрғын* өңір* облыс*
аудан* республикалық* мемлекеттік* қаржы* бюджеттік* құрамы* басшы* бастығы* өкілетті* өкілді* атқарушы*
құзырет* тексеру* бақылау* қадағалау* жүйе* ведомстволық* жауапкершілік* айыппұл* құжат* куәлік* мекенжай*
тіркеу* азамат* шетел* нәтиже* туралы`;

// Back-vowel stems take ғ/қ in their endings, front-vowel stems г/к; ы/і follow the same harmony.
const FRONT = /[әеөүі]/u;

function degrade(word: string): string {
  return word
    .replace(/ә/g, 'а')
    .replace(/ғ/g, 'г')
    .replace(/қ/g, 'к')
    .replace(/ң/g, 'н')
    .replace(/ө/g, 'о')
    .replace(/[ұү]/g, 'у')
    .replace(/һ/g, 'х')
    .replace(/і/g, 'и');
}

type Entry = { readonly correct: string; readonly stem: boolean };

const EXACT = new Map<string, Entry>();
const STEMS = new Map<string, Entry>();
for (const raw of WORDS.split(/\s+/u)) {
  if (!raw) continue;
  const stem = raw.endsWith('*');
  const correct = stem ? raw.slice(0, -1) : raw;
  if (!KAZAKH_LETTERS.test(correct)) continue;
  (stem ? STEMS : EXACT).set(degrade(correct), { correct, stem });
}

// Kazakh endings as typed on a Russian keyboard: plural, case, possessive, derivational.
const ENDING =
  /^(?:[ыи]?н?(?:лар|лер|дар|дер|тар|тер)?(?:[ыи]?м?[ыи]?з)?(?:[ыи]н|[ыи]|сы|си|н[ыи]н|д[ыи]н|т[ыи]н|н[ыи]|д[ыи]|т[ыи]|г?а|г?е|к?а|к?е|н?да|н?де|та|те|дан|ден|тан|тен|нан|нен|мен|бен|пен|дагы|деги|тагы|теги|ндагы|ндеги|шы|ши|ша|ше|лык|лик|дык|дик|тык|тик|ды|ди|у|ган|ген)?(?:[ыи]?н)?)$/u;

function restoreEnding(ending: string, front: boolean): string {
  // Only the unambiguous restorations: и → і after a front stem, г/к → ғ/қ after a back one, and the
  // genitive's final н → ң. Anything else is left as typed.
  let out = front ? ending.replace(/и/g, 'і') : ending.replace(/г/g, 'ғ').replace(/к/g, 'қ');
  out = out.replace(/([ндт][ыі])н$/u, '$1ң');
  return out;
}

function matchCase(pattern: string, word: string): string {
  if (pattern === pattern.toUpperCase() && pattern.length > 1) return word.toUpperCase();
  return pattern.charAt(0) !== pattern.charAt(0).toLowerCase()
    ? word.charAt(0).toUpperCase() + word.slice(1)
    : word;
}

export type Lookalike = Word & { readonly suggestion: string };

/** Words of a Kazakh target that are known Kazakh words typed without their Kazakh letters. */
export function kazakhLookalikes(input: CheckInput): Lookalike[] {
  const out: Lookalike[] = [];
  for (const w of input.targetWords) {
    if (w.script !== 'cyrillic' || w.text.length < 3 || KAZAKH_LETTERS.test(w.text)) continue;
    const lower = w.text.toLowerCase();
    const exact = EXACT.get(lower) ?? STEMS.get(lower);
    if (exact) {
      out.push({ ...w, suggestion: matchCase(w.text, exact.correct) });
      continue;
    }
    for (let cut = lower.length - 1; cut >= 4; cut -= 1) {
      const entry = STEMS.get(lower.slice(0, cut));
      if (!entry) continue;
      const ending = lower.slice(cut);
      if (!ENDING.test(ending)) break;
      const front = FRONT.test(entry.correct);
      out.push({ ...w, suggestion: matchCase(w.text, entry.correct + restoreEnding(ending, front)) });
      break;
    }
  }
  return out;
}

// Kazakh function words as typed without Kazakh letters: a sentence full of them is Kazakh, whatever the letters.
const KAZAKH_MARKERS = new Set([
  'жане',
  'ушин',
  'бул',
  'мен',
  'бен',
  'пен',
  'деп',
  'емес',
  'жок',
  'осы',
  'бар',
  'туралы',
  'бойынша',
  'болып',
  'кейин',
  'биз',
  'сиз',
  'олар',
]);

export const kazakhLetters: PairCheck = {
  id: 'kazakh-lookalike-letters',
  family: 'spelling',
  scope: 'pair',
  needsSource: false,
  severity: 'major',
  category: 'linguistic/spelling',
  targetLangs: ['kk'],
  run(input) {
    const found = kazakhLookalikes(input);
    const out: Finding[] = found.map((w) => ({
      messageKey: 'checks.spelling.kazakhLetters',
      params: { word: w.text, suggestion: w.suggestion },
      target: [{ start: w.start, end: w.end }],
      fix: { span: { start: w.start, end: w.end }, replacement: w.suggestion },
    }));
    if (out.length > 0 || KAZAKH_LETTERS.test(input.target)) return out;
    // No known word, but a sentence of Kazakh function words without a single Kazakh letter.
    const words = input.targetWords.filter((w) => w.script === 'cyrillic');
    const markers = words.filter((w) => KAZAKH_MARKERS.has(w.text.toLowerCase()));
    if (words.length >= 5 && markers.length >= 2) {
      out.push({
        messageKey: 'checks.spelling.kazakhLettersSentence',
        target: markers.map((w) => ({ start: w.start, end: w.end })),
      });
    }
    return out;
  },
};
