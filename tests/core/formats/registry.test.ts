import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, EXPORT_VARIANTS, FORMATS, formatOf } from '../../../src/core/formats/registry.ts';

describe('format registry', () => {
  it('knows each extension once and finds formats case-insensitively', () => {
    const extensions = FORMATS.flatMap((f) => f.extensions);
    expect(new Set(extensions).size).toBe(extensions.length);
    expect(formatOf('A.XLIFF')?.id).toBe('xliff');
    expect(formatOf('notes.tbx')?.id).toBe('tbx');
    expect(formatOf('archive.zip')).toBeUndefined();
    expect(formatOf('no-extension')).toBeUndefined();
  });

  it('every document format reads and writes; glossary-only and backup formats are handled apart', () => {
    for (const f of FORMATS) {
      if (f.id === 'tbx' || f.id === 'json') expect(f.read).toBeUndefined();
      else expect([f.id, typeof f.read, typeof f.write]).toEqual([f.id, 'function', 'function']);
    }
  });

  it('every export the app offers writes through a registered format', () => {
    for (const e of EXPORT_FORMATS) {
      if (e === 'original') continue;
      expect(FORMATS.find((f) => f.id === EXPORT_VARIANTS[e].format)?.write).toBeTypeOf('function');
    }
  });
});
