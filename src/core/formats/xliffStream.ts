import { fail, ok, type Problem, type Result } from '../result.ts';
import type { Lang } from '../model/lang.ts';
import type { InterchangeFormat, InterchangeUnit } from './interchange.ts';
import { xliffFlavour } from './registry.ts';
import { readTransUnit, xliff1Validator } from './xliff1.ts';
import { readXliff2Unit } from './xliff2.ts';
import { xliff2Validator } from './xliff2Validate.ts';
import { MAX_XML_DEPTH, XmlStream } from './xml/streamXml.ts';
import { attr, type XmlElement, type XmlNode } from './xml/xmlTypes.ts';

/** What an XLIFF file says of itself, known once its root (XLIFF 2) or its first file (XLIFF 1.2) has started. */
export type XliffHead = {
  readonly format: Extract<InterchangeFormat, `xliff-${string}`>;
  readonly sourceLang: Lang;
  readonly targetLangs: readonly Lang[];
};

/**
 * Where a streamed XLIFF file goes. `units` gets the units of each `<unit>` (XLIFF 2: one per segment) or
 * `<trans-unit>` as soon as it has been read and checked; `open`, `close` and `node` see every piece of the
 * file, to write it back as it came (XmlStream's events).
 */
export type XliffSink = {
  readonly units?: (units: readonly InterchangeUnit[], head: XliffHead) => Result<void>;
  readonly open?: (el: XmlElement, depth: number) => void;
  readonly close?: (el: XmlElement, depth: number) => void;
  readonly node?: (node: XmlNode, depth: number) => void;
};

export type XliffStreamOptions = {
  /**
   * Whether the file has more than one `<file>`, which prefixes every unit id with its file's, and the first
   * target language its files declare (XLIFF 1.2). A reader that sees the file once cannot know either
   * before the end: xliffFiles finds them in a first pass. Default: one file.
   */
  readonly files?: { readonly multiFile: boolean; readonly targetLang: string | undefined };
  /** Only check the file: every problem is collected, as validateXliff2 / validateXliff1 report them. */
  readonly validate?: boolean;
  readonly maxDepth?: number;
};

export type XliffStreamEnd = {
  readonly head: XliffHead | undefined;
  /** Problems found when validating (an XML error is the only problem when there is one). */
  readonly problems: readonly Problem[];
  /** False when the file is not well-formed XML (its problem is then the XML error). */
  readonly wellFormed: boolean;
  readonly units: number;
};

type Validator = {
  readonly problems: Problem[];
  openRoot(root: XmlElement): boolean;
  container(el: XmlElement, depth: number): boolean;
  open(el: XmlElement): void;
  child(el: XmlElement): void;
  close(el: XmlElement): void;
  end(): Problem[];
};

/**
 * Reads XLIFF 1.2 or 2.x from pieces of text, a unit at a time, with the rules of readXliff1/readXliff2 and
 * the validators: only the open containers (`<xliff>`, `<file>`, `<group>`, `<body>`) and the unit being read
 * are held, plus the ids the validators must compare. A root that is not XLIFF stops the reading with the
 * message the whole-file reader gives.
 */
export class XliffStream {
  private readonly xml: XmlStream;
  private validator: Validator | undefined;
  private head: XliffHead | undefined;
  private format: XliffHead['format'] | undefined;
  private ns = '';
  private sourceLang: string | undefined;
  private targetLang: string | undefined;
  private file: XmlElement | undefined;
  private count = 0;
  /** The root was not XLIFF (the reading stopped at it). */
  notXliff = false;

  constructor(
    private readonly sink: XliffSink,
    private readonly options: XliffStreamOptions = {},
  ) {
    this.targetLang = options.files?.targetLang;
    this.xml = new XmlStream(
      {
        container: (el, depth) => {
          if (depth === 0) return this.openRoot(el);
          return this.validator?.container(el, depth) ?? false;
        },
        open: (el, depth) => {
          if (depth > 0) this.openContainer(el, depth);
          sink.open?.(el, depth);
        },
        close: (el, depth) => {
          if (depth > 0) {
            this.validator?.close(el);
            this.check();
          }
          sink.close?.(el, depth);
        },
        node: (node, depth) => {
          if (node.kind === 'element' && depth > 0) this.child(node);
          sink.node?.(node, depth);
        },
      },
      options.maxDepth ?? MAX_XML_DEPTH,
    );
  }

  /** Whether the root is XLIFF, which makes it a container; anything else stops the reading. */
  private openRoot(root: XmlElement): boolean {
    const format = xliffFlavour({ root, prolog: [], epilog: [] });
    if (format === undefined) {
      this.notXliff = true;
      this.xml.stop({
        message: 'not an XLIFF file (no <xliff> root with version 1.2 or 2.x)',
        line: root.line,
      });
    }
    this.format = format;
    this.ns = root.uri;
    const v: Validator = format === 'xliff-1.2' ? xliff1Validator() : xliff2Validator();
    if (!v.openRoot(root)) {
      this.validator = undefined;
      this.orphan = v.problems;
      this.check(v.problems);
      return true;
    }
    this.validator = v;
    if (format !== 'xliff-1.2') {
      this.sourceLang = attr(root, 'srcLang') ?? '';
      this.targetLang = attr(root, 'trgLang');
    }
    this.check();
    return true;
  }

  /** Problems of a root that is XLIFF of no known kind: reported alone, as the validators do. */
  private orphan: Problem[] = [];

  private openContainer(el: XmlElement, depth: number): void {
    this.validator?.open(el);
    if (depth === 1 && el.uri === this.ns && el.local === 'file') {
      this.file = el;
      if (this.format === 'xliff-1.2') {
        this.sourceLang ??= attr(el, 'source-language') ?? '';
        if (!this.options.files) this.targetLang ??= attr(el, 'target-language');
      }
    }
    this.check();
  }

  private child(el: XmlElement): void {
    const v = this.validator;
    if (!v) return;
    v.child(el);
    this.check();
    if (this.options.validate || this.broken || !this.file || el.uri !== this.ns) return;
    const multiFile = this.options.files?.multiFile ?? false;
    let read: Result<readonly InterchangeUnit[]>;
    if (this.format === 'xliff-1.2') {
      if (el.local !== 'trans-unit') return;
      const unit = readTransUnit(el, {
        ns: this.ns,
        file: this.file,
        targetLang: this.targetLang,
        multiFile,
      });
      read = unit.ok ? ok([unit.value]) : unit;
    } else {
      if (el.local !== 'unit') return;
      read = readXliff2Unit(el, {
        ns: this.ns,
        fileId: attr(this.file, 'id') ?? '',
        targetLang: this.targetLang,
        multiFile,
      });
    }
    if (!read.ok) {
      this.readError = read.error;
      this.broken = true;
      return;
    }
    this.count += read.value.length;
    const sent = this.sink.units?.(read.value, this.currentHead());
    if (sent && !sent.ok) this.xml.stop(sent.error);
  }

  private currentHead(): XliffHead {
    this.head ??= {
      format: this.format ?? 'xliff-2.1',
      sourceLang: this.sourceLang ?? '',
      targetLangs: this.targetLang ? [this.targetLang] : [],
    };
    return this.head;
  }

  /**
   * When reading (not validating), the first problem a validator finds ends the reading of units; the XML is
   * still read to its end, since a file that is not well-formed is reported as such first, as when read whole.
   */
  private check(problems = this.validator?.problems): void {
    if (this.options.validate || !problems) return;
    if (problems[0]) this.broken = true;
  }

  /** No more units are read: a problem has been found. */
  private broken = false;
  /** The first unit that could not be read (reported after any XML error and validation problem). */
  private readError: Problem | undefined;

  /** Which XLIFF the root says the file is, once it has been read. */
  get flavour(): XliffHead['format'] | undefined {
    return this.format;
  }

  /** Reads the next piece of the file; false once it has failed. */
  write(text: string): boolean {
    return this.xml.write(text);
  }

  /** Ends the file. Reading: the first problem fails it. Validating: every problem is returned. */
  end(): Result<XliffStreamEnd> {
    const end = this.xml.end();
    if (!end.ok) {
      if (this.options.validate)
        return ok({ head: this.head, problems: [end.error], units: this.count, wellFormed: false });
      return end;
    }
    if (this.validator) {
      this.validator.end();
      this.check();
    }
    const problems = this.validator?.problems ?? this.orphan;
    if (!this.options.validate && problems[0]) return fail(problems[0]);
    if (this.readError) return fail(this.readError);
    return ok({
      head: this.format ? this.currentHead() : undefined,
      problems,
      units: this.count,
      wellFormed: true,
    });
  }
}

/**
 * First pass over a file that may hold several `<file>` elements: how many there are and the first target
 * language they declare (XLIFF 1.2). Every element is taken as a container, so nothing is built.
 */
export function xliffFiles(): {
  readonly write: (text: string) => boolean;
  readonly end: () => { multiFile: boolean; targetLang: string | undefined };
} {
  let files = 0;
  let targetLang: string | undefined;
  const xml = new XmlStream({
    container: () => true,
    open: (el, depth) => {
      if (depth !== 1 || el.local !== 'file') return;
      files += 1;
      targetLang ??= attr(el, 'target-language');
    },
    node: () => undefined,
  });
  return {
    write: (text) => xml.write(text),
    end: () => {
      xml.end();
      return { multiFile: files > 1, targetLang };
    },
  };
}
