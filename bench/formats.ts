// Exports a generated 100,000-unit document as XLIFF 2.1 and reads it back (validation included).
import { readXliff2, writeXliff2 } from '../src/core/formats/xliff2.ts';
import type { InterchangeDocument, InterchangeUnit } from '../src/core/formats/interchange.ts';

export async function bench(): Promise<Record<string, number | string>> {
  const units: InterchangeUnit[] = Array.from({ length: 100_000 }, (_, i) => ({
    id: `u${i + 1}`,
    source: [`Муниципальная полиция № ${i} создана в 2015 году в городе Алматы.`],
    targets: {
      en: {
        content: [`Municipal police No. ${i} was created in 2015 in Almaty.`],
        state: 'edited',
        notes: [],
      },
    },
    notes: [],
  }));
  const doc: InterchangeDocument = { sourceLang: 'ru', targetLangs: ['en'], units, format: 'text' };
  let t = performance.now();
  const xml = writeXliff2(doc);
  const exportMs = performance.now() - t;
  t = performance.now();
  const back = readXliff2(xml);
  const importMs = performance.now() - t;
  if (!back.ok || back.value.units.length !== units.length) throw new Error('re-import failed');
  t = performance.now();
  writeXliff2(back.value);
  const reexportMs = performance.now() - t;
  return {
    units: units.length,
    bytes: xml.length,
    exportMs: Math.round(exportMs),
    importMs: Math.round(importMs),
    reexportPatchedMs: Math.round(reexportMs),
  };
}
