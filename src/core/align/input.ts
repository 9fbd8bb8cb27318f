import type { AlignSegment } from './types.ts';

/** Longest segment the aligner accepts, in characters (a "sentence" longer than this is a file without breaks). */
export const MAX_SEGMENT_CHARS = 10_000;
/** Most segments per side. */
export const MAX_SEGMENTS = 200_000;

/** Writing system expected for each language the aligner checks input for. */
const SCRIPT_OF: Readonly<Record<string, 'Cyrillic' | 'Latin'>> = {
  ru: 'Cyrillic',
  kk: 'Cyrillic',
  uk: 'Cyrillic',
  be: 'Cyrillic',
  ky: 'Cyrillic',
  bg: 'Cyrillic',
  mn: 'Cyrillic',
  sr: 'Cyrillic',
  en: 'Latin',
  de: 'Latin',
  fr: 'Latin',
  es: 'Latin',
  it: 'Latin',
  pt: 'Latin',
  nl: 'Latin',
  pl: 'Latin',
  tr: 'Latin',
};

/** Language codes the aligner's input checks know (any other language can still be aligned through the API). */
export const ALIGN_LANGS: readonly string[] = Object.keys(SCRIPT_OF);

export function isAlignLang(code: string): boolean {
  return Object.hasOwn(SCRIPT_OF, code.toLowerCase());
}

/** Letters that Kazakh Cyrillic has and Russian has not. */
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n += 1;
  return n;
}

/**
 * Why a text is evidently not in the language it is said to be in, or null. Only clear cases are reported: mostly
 * Latin letters for Russian or Kazakh (or Cyrillic for English), Russian with hardly a Kazakh letter where Kazakh is
 * expected (one in two hundred Cyrillic letters at most), or a Kazakh letter density that Russian never has. Short texts are not judged.
 */
export function scriptProblem(text: string, lang: string): string | null {
  const code = lang.toLowerCase();
  const script = SCRIPT_OF[code];
  if (!script) return null;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const cyrillic = count(sample, CYRILLIC);
  const latin = count(sample, LATIN);
  const letters = cyrillic + latin;
  if (letters >= 40) {
    const own = script === 'Cyrillic' ? cyrillic : latin;
    if (own / letters < 0.25) {
      const other = script === 'Cyrillic' ? 'Latin' : 'Cyrillic';
      return `the text is mostly in ${other} letters, not ${script} as expected for "${code}"`;
    }
  }
  // Kazakh text has one of these letters in every eight or so; Russian only in the odd Kazakh name.
  if (code === 'kk' && cyrillic >= 300 && count(sample, KAZAKH_LETTERS) / cyrillic < 0.005) {
    return 'the text has (almost) no Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і): it looks like Russian, not Kazakh';
  }
  if (code === 'ru' && cyrillic >= 200) {
    const kazakh = count(sample, KAZAKH_LETTERS);
    if (kazakh >= 10 && kazakh / cyrillic > 0.03)
      return 'the text is full of Kazakh letters: it looks like Kazakh, not Russian';
  }
  return null;
}

/** Segments of a one-segment-per-line text: blank lines are skipped and start a new paragraph. */
export function presegmentedLines(text: string): { segments: AlignSegment[]; lines: number[] } {
  const segments: AlignSegment[] = [];
  const lines: number[] = [];
  let paragraph = 0;
  let blank = false;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '') {
        blank = true;
        return;
      }
      if (blank && segments.length > 0) paragraph += 1;
      blank = false;
      segments.push({ text: line, paragraph });
      lines.push(index + 1);
    });
  return { segments, lines };
}
