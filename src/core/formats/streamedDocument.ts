import { fail, ok, type Result } from '../result.ts';
import type { Lang } from '../model/lang.ts';
import { fileKind, writeDocument, type ConvertOptions } from './convertDocument.ts';
import type { InterchangeDocument, InterchangeUnit } from './interchange.ts';
import { unitText } from './plainText.ts';
import { frameOf, type Frame } from './streamedText.ts';

/**
 * Writes a document that arrives a few units at a time (a streamed XLIFF or CSV/TSV file) as CSV, TSV, TMX,
 * XLIFF or plain text, holding no more than one batch of units. The output is what writing the whole document gives: each
 * batch is written by the document writer itself and cut out of its frame (see streamedText), text is joined
 * with the separators the whole-document writer would put between its paragraphs.
 */
export type DocumentStream = {
  /** Takes the next units; returns the output for them (written a batch at a time). */
  push(units: readonly InterchangeUnit[]): Result<string>;
  /** Ends the document: the rest of the output. */
  end(): Result<string>;
};

/** Units written at a time: enough that the per-document cost vanishes, few enough to hold. */
const BATCH = 1000;

/**
 * Outputs a streamed document can be written into. XLIFF too, for a document read from another format (a
 * table): an XLIFF file streamed into XLIFF is written back as it came instead (streamXliff).
 */
export function canStreamDocument(outName: string): boolean {
  const kind = fileKind(outName);
  return kind === 'csv' || kind === 'tsv' || kind === 'tmx' || kind === 'text' || kind === 'xliff';
}

export type DocumentHead = {
  readonly sourceLang: Lang;
  readonly targetLangs: readonly Lang[];
  readonly format: InterchangeDocument['format'];
};

const decoder = new TextDecoder();

export function streamDocument(
  outName: string,
  head: DocumentHead,
  options: ConvertOptions = {},
  batchSize = BATCH,
): Result<DocumentStream> {
  if (!canStreamDocument(outName))
    return fail({ message: `${outName}: a document is streamed only into .csv, .tsv, .tmx, .txt or XLIFF` });
  const kind = fileKind(outName);
  const doc = (units: readonly InterchangeUnit[]): InterchangeDocument => ({ ...head, units });
  let frame: Frame | undefined;
  if (kind !== 'text') {
    const framed = frameOf(outName, head.sourceLang, options, head.targetLangs, head.format);
    if (!framed.ok) return framed;
    frame = framed.value;
  } else {
    // The language check of writeDocument, made once before anything is written.
    const probe = writeDocument(doc([]), outName, options);
    if (!probe.ok) return probe;
  }
  const lang = options.targetLang ?? head.targetLangs[0] ?? head.sourceLang;
  let batch: InterchangeUnit[] = [];
  let started = false;

  const flush = (): Result<string> => {
    if (batch.length === 0) return ok('');
    const units = batch;
    batch = [];
    const written = writeDocument(doc(units), outName, options);
    if (!written.ok) return written;
    const text = decoder.decode(written.value);
    if (frame) {
      const body = frame.body(text);
      if (body === '') return ok('');
      const out = (started ? frame.between : frame.head) + body;
      started = true;
      return ok(out);
    }
    if (text === '') return ok('');
    // Plain text: the first paragraph of a batch had no separator written before it.
    const first = units.find((u) => (unitText(u, lang, head.sourceLang) ?? '') !== '');
    const separator = started ? (first?.separator ?? '\n\n') || '\n\n' : '';
    started = true;
    return ok(separator + text.slice(0, -1));
  };

  return ok({
    push(units) {
      batch.push(...units);
      return batch.length >= batchSize ? flush() : ok('');
    },
    end() {
      const last = flush();
      if (!last.ok) return last;
      if (frame) {
        if (started) return ok(last.value + frame.tail);
        const empty = writeDocument(doc([]), outName, options);
        return empty.ok ? ok(decoder.decode(empty.value)) : empty;
      }
      return ok(started ? `${last.value}\n` : '');
    },
  });
}
