/**
 * The one date formatter of the interface. `day` is a date alone (a table cell), `short` a date and time in
 * figures (lists), `long` a date with the month's name and time (history, memory).
 *
 * Kazakh is written out here rather than left to `Intl`: Chromium ships without Kazakh calendar data and falls
 * back to "2026 M12 1", which no Kazakh reader writes. The forms follow Kazakhstan's official usage:
 * "01.12.2026" in figures, "2026 ж. 1 желтоқсан" in words.
 */
export type DateStyle = 'day' | 'short' | 'long';

const KAZAKH_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

function kazakh(style: DateStyle, at: number): string {
  const date = new Date(at);
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  const figures = `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
  switch (style) {
    case 'day':
      return figures;
    case 'short':
      return `${figures}, ${time}`;
    case 'long':
      return `${date.getFullYear()} ж. ${date.getDate()} ${KAZAKH_MONTHS[date.getMonth()]}, ${time}`;
  }
}

const INTL_OPTIONS: Readonly<Record<DateStyle, Intl.DateTimeFormatOptions>> = {
  day: { dateStyle: 'short' },
  short: { dateStyle: 'short', timeStyle: 'short' },
  long: { dateStyle: 'medium', timeStyle: 'short' },
};

/** A formatter for one interface language and style (build it once per render, call it per date). */
export function dateFormatter(language: string, style: DateStyle): (at: number) => string {
  if (language === 'kk' || language.startsWith('kk-')) return (at) => kazakh(style, at);
  const format = new Intl.DateTimeFormat(language, INTL_OPTIONS[style]);
  return (at) => format.format(at);
}
