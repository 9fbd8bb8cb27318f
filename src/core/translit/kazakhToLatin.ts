/**
 * Kazakh Cyrillic → Latin, following the improved Latin alphabet presented by the Government of Kazakhstan on
 * 28 January 2021 (primeminister.kz; 31 letters: A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y
 * Z), which replaced the apostrophe (Decree No. 569, 2017) and acute-accent (2018) versions.
 *  - Kazakh letters: ә ä, ғ ğ, қ q, ң ñ, ө ö, ұ ū, ү ü, һ h, і ı, ш ş; и and й both İ/i; у u; ы y; ж j.
 *  - Letters of Russian loanwords, as the same announcement gives them: ё → io, ю → iu, я → ia, ц → ts,
 *    ч → tş, щ → şş, э → e. The announcement also allows adapted spellings (ö, ü, ä, s, ş) that depend on
 *    pronunciation; a table cannot choose them, so the letter-for-letter forms are used. ъ and ь have no
 *    letter and are dropped. Note: ч → ç is from the 2019 draft, which had a Ç; the 2021 alphabet has none.
 * Rows: Cyrillic lower-case → Latin lower-case.
 */
export const KAZAKH_LATIN_2021: Readonly<Record<string, string>> = {
  а: 'a',
  ә: 'ä',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'ğ',
  д: 'd',
  е: 'e',
  ё: 'io',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ñ',
  о: 'o',
  ө: 'ö',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'ū',
  ү: 'ü',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'tş',
  ш: 'ş',
  щ: 'şş',
  ъ: '',
  ы: 'y',
  і: 'ı',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

// The capital of ı is I and the capital of i is İ (as in Turkish); String#toUpperCase would turn i into I.
function upper(latin: string): string {
  return latin.replace(/i/g, 'İ').replace(/ı/g, 'I').toUpperCase();
}

const CYRILLIC_LETTER = /[\u0400-\u04FF]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/**
 * Whether a capital letter stands inside an all-capitals word ("ЩУЧИНСК"), so that a multi-letter rendering
 * is written all in capitals ("ŞŞUÇİNSK") rather than title-case ("Şşuçinsk").
 */
function inCapitalWord(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  const nextIsUpper = next !== undefined && UPPER.test(next);
  const prevIsUpper = prev !== undefined && UPPER.test(prev);
  if (next !== undefined && LOWER.test(next)) return false;
  return nextIsUpper || prevIsUpper;
}

/** Transliterates Kazakh Cyrillic to the 2021 Latin alphabet; other characters pass through unchanged. */
export function kazakhToLatin(text: string): string {
  const source = text.normalize('NFC');
  let out = '';
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] as string;
    if (!CYRILLIC_LETTER.test(ch)) {
      out += ch;
      continue;
    }
    const lower = ch.toLowerCase();
    const latin = KAZAKH_LATIN_2021[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (lower === ch) {
      out += latin;
    } else if (latin.length <= 1 || inCapitalWord(source, i)) {
      out += upper(latin);
    } else {
      out += upper(latin.slice(0, 1)) + latin.slice(1);
    }
  }
  return out;
}
