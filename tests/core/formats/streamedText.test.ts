import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertFile } from '../../../src/core/formats/convertFile.ts';
import { streamText } from '../../../src/core/formats/streamedText.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** Converts `text` streamed in the given pieces; the error message when it fails. */
function streamed(text: string, cuts: readonly number[], out: string): string {
  const s = streamText(out, 'ru', {});
  if (!s.ok) throw new Error(s.error.message);
  let result = '';
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const r = s.value.push(text.slice(at, Math.max(at, cut)));
    if (!r.ok) return `error: ${r.error.line}: ${r.error.message}`;
    result += r.value;
    at = Math.max(at, cut);
  }
  const last = s.value.push(text.slice(at));
  if (!last.ok) return `error: ${last.error.line}: ${last.error.message}`;
  const end = s.value.end();
  if (!end.ok) return `error: ${end.error.line}: ${end.error.message}`;
  return result + last.value + end.value;
}

function whole(text: string, out: string): string {
  const r = convertFile(enc(text), 'in.txt', out, { now: 0 });
  return r.ok ? dec(r.value.bytes) : `error: ${r.error.line}: ${r.error.message}`;
}

const line = fc.constantFrom(
  'Первое предложение. Второе предложение!',
  'Т. Масимов пришёл в 2015 г. домой.',
  '   ',
  '',
  '1. Пункт списка',
  'Заголовок',
  'Formula =SUM(A1) and "quotes", commas',
  '\t indented line ',
);
const lineEnd = fc.constantFrom('\n', '\r\n', '\n\n', '\r', '\n \n');

describe('streamed text conversion', () => {
  it.each(['out.xlf', 'out.tmx', 'out.csv', 'out.tsv'])(
    'writes %s exactly as converting the whole text would, however the text is cut',
    (out) => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(line, lineEnd), { minLength: 1, maxLength: 12 }),
          fc.array(fc.nat(400), { maxLength: 6 }),
          (parts, cuts) => {
            const text = parts.map(([l, e]) => l + e).join('');
            expect(streamed(text, cuts, out)).toBe(whole(text, out));
          },
        ),
        { numRuns: 60 },
      );
    },
  );

  it('writes XLIFF 1.2 the same way', () => {
    const text = 'Один. Два.\n\nТри.\r\nЧетыре.\n';
    const s = streamText('out.xlf', 'ru', { xliffVersion: '1.2' });
    if (!s.ok) throw new Error(s.error.message);
    const pieces = [s.value.push(text.slice(0, 9)), s.value.push(text.slice(9)), s.value.end()];
    const out = pieces.map((p) => (p.ok ? p.value : p.error.message)).join('');
    const r = convertFile(enc(text), 'in.txt', 'out.xlf', { now: 0, xliffVersion: '1.2' });
    expect(r.ok && dec(r.value.bytes)).toBe(out);
  });

  it('refuses a character XML forbids with the line it is on, counted across pieces', () => {
    expect(streamed('Один.\nДва.\nТри\u0001.\n', [6, 11], 'out.xlf')).toMatch(/^error: 3: .*U\+0001/);
  });

  it('refuses a text without any words', () => {
    expect(streamed(' \n\n \r\n', [2], 'out.xlf')).toMatch(/^error: 1: the file holds no text/);
  });

  it('refuses outputs that cannot be written unit by unit', () => {
    expect(streamText('out.docx', 'ru').ok).toBe(false);
    expect(streamText('out.txt', 'ru').ok).toBe(false);
  });
});
