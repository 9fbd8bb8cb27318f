import { UsageError } from './args.ts';
import { readPieces, writeBeside } from './readPieces.ts';
import type { ConvertOptions, Validation } from '../core/formats/convertDocument.ts';
import { fileKind } from '../core/formats/convertDocument.ts';
import { streamDocument, type DocumentStream } from '../core/formats/streamedDocument.ts';
import { XliffStream, xliffFiles, type XliffHead } from '../core/formats/xliffStream.ts';
import { XmlEcho } from '../core/formats/xml/echoXml.ts';
import { fail, ok, type Problem } from '../core/result.ts';

/** Thrown to stop reading once the file has failed: the rest of it cannot change the outcome. */
class Done extends Error {}

function feed(path: string, write: (text: string) => boolean): void {
  try {
    readPieces(
      path,
      (text) => {
        if (!write(text)) throw new Done();
      },
      { xml: true },
    );
  } catch (error) {
    if (!(error instanceof Done)) throw error;
  }
}

/**
 * Validates an XLIFF file a piece at a time, with the same rules and messages as validating it whole.
 * Undefined when the root is not XLIFF: the caller reads such a file whole.
 */
export function validateXliffFile(path: string): Validation | undefined {
  const stream = new XliffStream({}, { validate: true });
  feed(path, (text) => stream.write(text));
  const end = stream.end();
  if (stream.notXliff) return undefined;
  if (!end.ok) return { format: 'xml', errors: [end.error] };
  return { format: end.value.wellFormed ? (stream.flavour ?? 'xml') : 'xml', errors: end.value.problems };
}

/** Whether OUT can be written while an XLIFF file is streamed, given the options. */
export function canStreamXliffInto(output: string, options: ConvertOptions): boolean {
  const kind = fileKind(output);
  if (kind === 'csv' || kind === 'tsv' || kind === 'tmx' || kind === 'text') return true;
  // Written back as it came: only when no other language or version is asked for.
  return kind === 'xliff' && options.targetLang === undefined && options.xliffVersion === undefined;
}

/**
 * Converts an XLIFF file a unit at a time into CSV, TSV, TMX, text, or XLIFF again (written back as it came,
 * which is what converting it whole gives when nothing changed), through a file beside OUT that replaces it
 * only when everything succeeded. Returns the number of units, or undefined when this file must be converted
 * whole (an XLIFF 1.2 output of several files, whose languages the whole-file writer reconciles).
 */
export function convertXliffFile(input: string, output: string, options: ConvertOptions): number | undefined {
  const files = severalFiles(input) ? firstPass(input) : { multiFile: false, targetLang: undefined };
  const kind = fileKind(output);
  if (kind === 'xliff' && files.multiFile) return undefined;
  let writeProblem: Problem | undefined;
  return writeBeside(output, (write) => {
    let writer: DocumentStream | undefined;
    const start = (head: XliffHead): DocumentStream | undefined => {
      const made = streamDocument(output, head, options);
      if (made.ok) return made.value;
      writeProblem ??= made.error;
      return undefined;
    };
    const echo = kind === 'xliff' ? new XmlEcho() : undefined;
    const stream = new XliffStream(
      echo
        ? {
            open: (el) => echo.open(el),
            close: (el, depth) => echo.close(el, depth),
            node: (node, depth) => echo.node(node, depth),
          }
        : {
            units: (units, head) => {
              writer ??= start(head);
              if (!writer) return fail({ message: 'cannot write' });
              const out = writer.push(units);
              if (!out.ok) {
                writeProblem ??= out.error;
                return out;
              }
              write(out.value);
              return ok(undefined);
            },
          },
      { files },
    );
    feed(input, (text) => {
      const going = stream.write(text);
      if (echo) write(echo.take());
      return going;
    });
    const end = stream.end();
    const outProblem = (p: Problem) =>
      new UsageError(p.message.startsWith(`${output}:`) ? p.message : `${output}: ${p.message}`);
    if (writeProblem) throw outProblem(writeProblem);
    if (!end.ok) {
      const e = end.error;
      throw new UsageError(`${input}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`);
    }
    if (echo) {
      echo.end();
      write(echo.take());
    } else {
      const head = end.value.head;
      if (!head) throw new UsageError(`${input}: not an XLIFF file`);
      writer ??= start(head);
      if (writeProblem || !writer) throw outProblem(writeProblem ?? { message: 'cannot write' });
      const last = writer.end();
      if (!last.ok) throw outProblem(last.error);
      write(last.value);
    }
    return end.value.units;
  });
}

/** A quick look for a second `<file>` start tag (possibly prefixed); only then is a first pass needed. */
function severalFiles(path: string): boolean {
  let count = 0;
  let carry = '';
  feed(path, (text) => {
    const s = carry + text;
    const re = /<(?:[^\s<>/:!?]+:)?file[\s/>]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) if (m.index + m[0].length > carry.length) count += 1;
    carry = s.slice(-32);
    return count < 2;
  });
  return count >= 2;
}

function firstPass(path: string): { multiFile: boolean; targetLang: string | undefined } {
  const pass = xliffFiles();
  feed(path, (text) => pass.write(text));
  return pass.end();
}
