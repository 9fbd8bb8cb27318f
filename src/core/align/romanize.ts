/**
 * A simple internal romanisation, used only to let names and loanwords meet across scripts while aligning
 * ("аким" / "әкім" / "akim", "Токаев" / "Tokayev", "Қызылорда" / "Kyzylorda"). It is not a transliteration standard;
 * `matchSkeleton` then folds the usual spelling variants together so that both sides give the same string.
 */

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Kazakh
  ә: 'a',
  ғ: 'gh',
  қ: 'q',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  // Ukrainian, Belarusian, Kyrgyz, Serbian and others that share the script
  є: 'ye',
  ї: 'yi',
  ґ: 'g',
  ў: 'u',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  ђ: 'dj',
  џ: 'dz',
  ѓ: 'g',
  ќ: 'k',
  ѕ: 'dz',
};

const GREEK: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'kh',
  ψ: 'ps',
  ω: 'o',
};

const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

/** Lower-case Latin letters for a word in any of the Cyrillic, Greek or Latin scripts (accents removed). */
export function romanize(word: string): string {
  const lower = word.toLowerCase();
  let out = '';
  for (const ch of lower) {
    const mapped = CYRILLIC[ch] ?? GREEK[ch] ?? LATIN_SPECIAL[ch];
    out += mapped ?? ch;
  }
  // Remove accents (é, ü, ç …) and anything that is not a letter or digit.
  return out
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Folds spelling variants of a romanised word: kh/h, ts/c/k, ph/f, th/t, w/v, q/k, x/ks, gh/g, j/y/i, z/s
 * ("президент" / "president") and doubled letters. The "y" is dropped entirely ("Tokayev" and "Токаев" → "tokaev", "Kyzyl" and "Қызыл" → "kzl").
 */
export function matchSkeleton(romanized: string): string {
  let s = romanized;
  s = s
    .replace(/shch/g, 'sh')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/sch/g, 'sh')
    .replace(/tsch/g, 'ch')
    .replace(/tz/g, 'c')
    .replace(/ts/g, 'c')
    .replace(/ck/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/c(?![h])/g, 'k')
    .replace(/j/g, 'i')
    .replace(/y/g, '')
    .replace(/z/g, 's');
  // Doubled letters: "Massimov" and "Масимов".
  s = s.replace(/([a-z])\1+/g, '$1');
  return s;
}

/** The skeleton of a word in any script. */
export function skeletonOf(word: string): string {
  return matchSkeleton(romanize(word));
}

/**
 * Whether two words are likely the same name or loanword in two scripts or spellings: their skeletons agree on the
 * first `prefix` letters (which lets inflected forms meet: "Астане" / "Astana", "Токаева" / "Tokayev"), or are equal.
 */
export function translitMatch(a: string, b: string, prefix = 5): boolean {
  const sa = skeletonOf(a);
  const sb = skeletonOf(b);
  if (sa === '' || sb === '') return false;
  if (sa === sb) return true;
  if (sa.length < prefix || sb.length < prefix) return false;
  return sa.slice(0, prefix) === sb.slice(0, prefix);
}
