import { describe, expect, it } from 'vitest';
import { KAZAKH_LATIN_2021, kazakhToLatin } from '../../../src/core/translit/kazakhToLatin.ts';

describe('kazakhToLatin: every letter', () => {
  const letters: [string, string, string][] = [
    ['а', 'a', 'A'],
    ['ә', 'ä', 'Ä'],
    ['б', 'b', 'B'],
    ['в', 'v', 'V'],
    ['г', 'g', 'G'],
    ['ғ', 'ğ', 'Ğ'],
    ['д', 'd', 'D'],
    ['е', 'e', 'E'],
    ['ё', 'io', 'İo'],
    ['ж', 'j', 'J'],
    ['з', 'z', 'Z'],
    ['и', 'i', 'İ'],
    ['й', 'i', 'İ'],
    ['к', 'k', 'K'],
    ['қ', 'q', 'Q'],
    ['л', 'l', 'L'],
    ['м', 'm', 'M'],
    ['н', 'n', 'N'],
    ['ң', 'ñ', 'Ñ'],
    ['о', 'o', 'O'],
    ['ө', 'ö', 'Ö'],
    ['п', 'p', 'P'],
    ['р', 'r', 'R'],
    ['с', 's', 'S'],
    ['т', 't', 'T'],
    ['у', 'u', 'U'],
    ['ұ', 'ū', 'Ū'],
    ['ү', 'ü', 'Ü'],
    ['ф', 'f', 'F'],
    ['х', 'h', 'H'],
    ['һ', 'h', 'H'],
    ['ц', 'ts', 'Ts'],
    ['ч', 'tş', 'Tş'],
    ['ш', 'ş', 'Ş'],
    ['щ', 'şş', 'Şş'],
    ['ъ', '', ''],
    ['ы', 'y', 'Y'],
    ['і', 'ı', 'I'],
    ['ь', '', ''],
    ['э', 'e', 'E'],
    ['ю', 'iu', 'İu'],
    ['я', 'ia', 'İa'],
  ];
  it('the table covers the 42 letters of the Kazakh Cyrillic alphabet', () => {
    expect(Object.keys(KAZAKH_LATIN_2021).sort()).toEqual(letters.map(([c]) => c).sort());
  });
  it.each(letters)('%s → %s, capital → %s', (cyrillic, lower, capital) => {
    expect(kazakhToLatin(cyrillic)).toBe(lower);
    // A capital followed by a lower-case letter is title case: only the first Latin letter is a capital.
    expect(kazakhToLatin(`${cyrillic.toUpperCase()}а`)).toBe(`${capital}a`);
  });
});

describe('kazakhToLatin: words and hard cases', () => {
  const cases: [string, string][] = [
    ['Қазақстан Республикасы', 'Qazaqstan Respublikasy'],
    ['үйіне', 'üiıne'],
    ['сөйлесіп', 'söilesıp'],
    ['қалайын', 'qalaiyn'],
    ['мәслихаттың', 'mäslihattyñ'],
    ['әкімдігі', 'äkımdıgı'],
    ['Жергілікті полиция қызметі', 'Jergılıktı politsiia qyzmetı'],
    ['Ұлттық', 'Ūlttyq'],
    ['шаһарының', 'şaharynyñ'],
    ['аю', 'aiu'],
    ['қоян', 'qoian'],
    ['щётка', 'şşiotka'],
    ['цех', 'tseh'],
    ['чек', 'tşek'],
    ['электр', 'elektr'],
    ['объект', 'obekt'],
    ['пьеса', 'pesa'],
    ['ЩУЧИНСК', 'ŞŞUTŞİNSK'],
    ['Щучинск', 'Şşutşinsk'],
    ['ЯНВАРЬ', 'İANVAR'],
    ['ІІМ', 'IIM'],
    ['ҚР ІІМ', 'QR IIM'],
    ['Ю', 'İu'],
    ['ЦОН', 'TSON'],
  ];
  it.each(cases)('%s → %s', (cyrillic, latin) => {
    expect(kazakhToLatin(cyrillic)).toBe(latin);
  });
  it('leaves Latin, digits and punctuation alone', () => {
    expect(kazakhToLatin('LPS — 2016 ж., «Akim»')).toBe('LPS — 2016 j., «Akim»');
  });
  it('reads decomposed й (и + breve) as й', () => {
    expect(kazakhToLatin('и\u0306')).toBe('i');
  });
});
