import { readText } from './io.ts';
import { UsageError } from './args.ts';
import { parseGlossaryCsv } from '../core/formats/glossaryCsv.ts';
import { parseTbx } from '../core/formats/tbx.ts';
import { projectId } from '../core/model/ids.ts';
import type { TermEntry } from '../core/model/term.ts';

/** A glossary file's entries: TBX by its extension, else the glossary CSV/TSV the app exports. */
export function readGlossary(path: string): TermEntry[] {
  const text = readText(path, 'GLOSSARY');
  const parsed = /\.tbx$/i.test(path)
    ? parseTbx(text, projectId('cli'), Date.now())
    : parseGlossaryCsv(text, projectId('cli'), Date.now());
  if (!parsed.ok) throw new UsageError(`${path}: line ${parsed.error.line ?? 1}: ${parsed.error.message}`);
  return parsed.value;
}
