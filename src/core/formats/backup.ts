import { jsonSyntaxError } from './jsonSyntax.ts';
import type { Content, InlineCode } from './interchange.ts';
import type { XmlAttribute, XmlNode } from './xml/xmlTypes.ts';
import { fail, ok, type Problem, type Result } from '../result.ts';
import {
  RENDERING_STATES,
  type Document,
  type OriginalFile,
  type Project,
  type Rendering,
  type Revision,
  type Unit,
  type UnitAlignment,
  type UnitOrigin,
} from '../model/types.ts';
import type { Annotation, AnnotationMessage, Comment, MqmSeverity } from '../model/review.ts';
import { TERM_STATUSES, type Term, type TermEntry } from '../model/term.ts';
import { isImportedMemory, type MemoryEntry } from '../memory/types.ts';
import {
  documentId,
  entryId,
  newId,
  projectId,
  renderingId,
  revisionId,
  unitId,
  unitIdAt,
} from '../model/ids.ts';

/**
 * A whole project as one JSON file: `format: "audarma-backup"`, `version` counting changes of this layout.
 * Restoring reads every older version through `migrateBundle`; fields added later are optional with defaults.
 */
export const BACKUP_FORMAT = 'audarma-backup';
export const BACKUP_VERSION = 1;

export type BackupTermHistory = {
  /** Key in the term-history store; kept so that a restore gives back the same rows where the key is free. */
  readonly id?: number;
  readonly entryId: string;
  readonly at: number;
  readonly by: string;
  readonly change: string;
  readonly before: string;
  readonly after: string;
  /** The term a change was about, and the reason given for it, where the glossary recorded them. */
  readonly lang?: string;
  readonly term?: string;
  readonly reason?: string;
};
export type BackupDismissal = {
  readonly id: string;
  readonly renderingId: string;
  readonly documentId: string;
  readonly issueKey: string;
  readonly by: string;
  readonly at: number;
};
export type BackupSetting = { readonly key: string; readonly value: unknown };

export type ProjectBundle = {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  readonly exportedAt: number;
  readonly project: Project;
  readonly documents: readonly Document[];
  readonly units: readonly Unit[];
  readonly renderings: readonly Rendering[];
  readonly revisions: readonly Revision[];
  readonly comments: readonly Comment[];
  readonly annotations: readonly Annotation[];
  readonly terms: readonly TermEntry[];
  readonly termHistory: readonly BackupTermHistory[];
  readonly dismissals: readonly BackupDismissal[];
  readonly settings: readonly BackupSetting[];
  /** The project's own memory and the memories imported beside it (absent in backups made before memories). */
  readonly memory: readonly MemoryEntry[];
};

/** The record collections of a bundle, in the order they are written. */
export const BUNDLE_COLLECTIONS = [
  'documents',
  'units',
  'renderings',
  'revisions',
  'comments',
  'annotations',
  'terms',
  'termHistory',
  'dismissals',
  'settings',
  'memory',
] as const;
type Collection = (typeof BUNDLE_COLLECTIONS)[number];

// ---- shape: every record rebuilt with its fields in a fixed order, optional fields only when present ----

class ShapeProblem extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

type Obj = Readonly<Record<string, unknown>>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) throw new ShapeProblem(path, 'expected an object');
  return v;
}
function str(o: Obj, key: string, path: string, fallback?: string): string {
  const v = o[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string') throw new ShapeProblem(`${path}.${key}`, 'expected a string');
  return v;
}
function num(o: Obj, key: string, path: string, fallback?: number): number {
  const v = o[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ShapeProblem(`${path}.${key}`, 'expected a number');
  return v;
}
function int(o: Obj, key: string, path: string, fallback?: number): number {
  const v = num(o, key, path, fallback);
  if (!Number.isInteger(v) || v < 0) throw new ShapeProblem(`${path}.${key}`, 'expected a whole number ≥ 0');
  return v;
}
function oneOf<T extends string>(o: Obj, key: string, allowed: readonly T[], path: string, fallback?: T): T {
  const v = str(o, key, path, fallback);
  if (!(allowed as readonly string[]).includes(v))
    throw new ShapeProblem(`${path}.${key}`, `"${v}" is not one of ${allowed.join(', ')}`);
  return v as T;
}
/** Spreads `{ [key]: value }` only when the field is present, so absent stays absent. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
function optStr(o: Obj, key: string, path: string): string | undefined {
  return o[key] === undefined ? undefined : str(o, key, path);
}
function optNum(o: Obj, key: string, path: string): number | undefined {
  return o[key] === undefined ? undefined : num(o, key, path);
}
/** A message kept as an i18n key with its parameters (strings and numbers only). */
function optMessage(o: Obj, key: string, path: string): AnnotationMessage | undefined {
  if (o[key] === undefined) return undefined;
  const m = obj(o[key], `${path}.${key}`);
  const at = `${path}.${key}`;
  const params = m['params'] === undefined ? undefined : obj(m['params'], `${at}.params`);
  for (const [name, value] of Object.entries(params ?? {}))
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new ShapeProblem(`${at}.params.${name}`, 'expected text or a number');
  return {
    key: str(m, 'key', at),
    ...(params ? { params: params as Record<string, string | number> } : {}),
  };
}
function list(o: Obj, key: string, path: string): readonly unknown[] {
  const v = o[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ShapeProblem(`${path}.${key}`, 'expected a list');
  return v;
}
function strings(o: Obj, key: string, path: string): string[] {
  return list(o, key, path).map((v, i) => {
    if (typeof v !== 'string') throw new ShapeProblem(`${path}.${key}[${i}]`, 'expected a string');
    return v;
  });
}

const UNIT_KINDS = ['sentence', 'heading', 'listItem'] as const;
const ACTIONS = ['import', 'edit', 'review', 'approve', 'reject', 'reopen', 'restore', 'revert'] as const;
const SEVERITIES: readonly MqmSeverity[] = ['neutral', 'minor', 'major', 'critical'];
const POS = ['noun', 'verb', 'adjective', 'adverb', 'properNoun', 'other'] as const;

function shapeProject(v: unknown, p: string, createdAt: number): Project {
  const o = obj(v, p);
  return {
    id: projectId(str(o, 'id', p)),
    name: str(o, 'name', p),
    sourceLang: str(o, 'sourceLang', p),
    targetLangs: strings(o, 'targetLangs', p),
    ...opt('mtLang', optStr(o, 'mtLang', p)),
    createdAt: num(o, 'createdAt', p, createdAt),
  };
}

function shapeOriginal(v: unknown, p: string): OriginalFile {
  const o = obj(v, p);
  return { format: str(o, 'format', p), fileName: str(o, 'fileName', p), text: str(o, 'text', p) };
}

function shapeOrigin(v: unknown, p: string): UnitOrigin {
  const o = obj(v, p);
  return { file: str(o, 'file', p), unit: str(o, 'unit', p), segment: int(o, 'segment', p) };
}

const CODE_KINDS = ['open', 'close', 'standalone'] as const;
const CODE_FORMATS = ['xliff2', 'xliff1', 'tmx'] as const;

function shapeAttributes(o: Obj, p: string): XmlAttribute[] {
  return list(o, 'attributes', p).map((v, i) => {
    const a = obj(v, `${p}.attributes[${i}]`);
    const q = `${p}.attributes[${i}]`;
    return {
      name: str(a, 'name', q),
      local: str(a, 'local', q),
      prefix: str(a, 'prefix', q, ''),
      uri: str(a, 'uri', q, ''),
      value: str(a, 'value', q),
    };
  });
}

/** Native code data inside a code (`<bpt>&lt;b&gt;</bpt>`): text and elements, as read from the file. */
function shapeNode(v: unknown, p: string): XmlNode {
  const o = obj(v, p);
  const at = { line: int(o, 'line', p, 0), column: int(o, 'column', p, 0) };
  const kind = oneOf(o, 'kind', ['element', 'text', 'comment', 'pi'] as const, p);
  if (kind === 'text' || kind === 'comment') return { kind, text: str(o, 'text', p), ...at };
  if (kind === 'pi') return { kind, target: str(o, 'target', p), body: str(o, 'body', p), ...at };
  const ns = obj(o.namespaces ?? {}, `${p}.namespaces`);
  return {
    kind,
    name: str(o, 'name', p),
    local: str(o, 'local', p),
    prefix: str(o, 'prefix', p, ''),
    uri: str(o, 'uri', p, ''),
    attributes: shapeAttributes(o, p),
    namespaces: Object.fromEntries(Object.keys(ns).map((k) => [k, str(ns, k, `${p}.namespaces`)])),
    children: list(o, 'children', p).map((c, i) => shapeNode(c, `${p}.children[${i}]`)),
    ...at,
  };
}

function shapeCodes(v: unknown, p: string): Record<string, InlineCode> {
  const o = obj(v, p);
  return Object.fromEntries(
    Object.keys(o).map((key) => {
      const q = `${p}.${key}`;
      if (!/^(\/?\d+|\d+\/)$/.test(key)) throw new ShapeProblem(q, 'expected a code key such as 1, /1 or 1/');
      const c = obj(o[key], q);
      const code: InlineCode = {
        kind: oneOf(c, 'kind', CODE_KINDS, q),
        format: oneOf(c, 'format', CODE_FORMATS, q),
        element: str(c, 'element', q),
        attributes: shapeAttributes(c, q),
        ...opt('id', optStr(c, 'id', q)),
        ...opt(
          'inner',
          c.inner === undefined
            ? undefined
            : list(c, 'inner', q).map((n, i) => shapeNode(n, `${q}.inner[${i}]`)),
        ),
      };
      return [key, code];
    }),
  );
}

const GAPS = ['omitted', 'merged'] as const;

function shapeAlignment(v: unknown, p: string): Record<string, UnitAlignment> {
  const o = obj(v, p);
  return Object.fromEntries(
    Object.keys(o).map((lang) => {
      const path = `${p}.${lang}`;
      const a = obj(o[lang], path);
      const shaped: UnitAlignment = {
        ...opt('score', optNum(a, 'score', path)),
        ...opt('gap', a.gap === undefined ? undefined : oneOf(a, 'gap', GAPS, path)),
        ...opt('into', a.into === undefined ? undefined : int(a, 'into', path)),
        ...opt('added', a.added === undefined ? undefined : strings(a, 'added', path)),
        ...opt('untranslated', a.untranslated === undefined ? undefined : strings(a, 'untranslated', path)),
      };
      return [lang, shaped];
    }),
  );
}

const SHAPES: { readonly [C in Collection]: (v: unknown, p: string) => ProjectBundle[C][number] } = {
  documents: (v, p) => {
    const o = obj(v, p);
    return {
      id: documentId(str(o, 'id', p)),
      projectId: projectId(str(o, 'projectId', p)),
      name: str(o, 'name', p),
      createdAt: num(o, 'createdAt', p, 0),
      unitCount: int(o, 'unitCount', p),
      ...opt('original', o.original === undefined ? undefined : shapeOriginal(o.original, `${p}.original`)),
    };
  },
  units: (v, p) => {
    const o = obj(v, p);
    const mt = obj(o.mt ?? {}, `${p}.mt`);
    const index = int(o, 'index', p);
    return {
      id: unitId(str(o, 'id', p)),
      documentId: documentId(str(o, 'documentId', p)),
      index,
      paragraph: int(o, 'paragraph', p, 0),
      kind: oneOf(o, 'kind', UNIT_KINDS, p, 'sentence'),
      separator: str(o, 'separator', p, index === 0 ? '' : ' '),
      source: str(o, 'source', p, ''),
      mt: Object.fromEntries(Object.keys(mt).map((lang) => [lang, str(mt, lang, `${p}.mt`)])),
      ...opt('alignScore', optNum(o, 'alignScore', p)),
      ...opt(
        'alignment',
        o.alignment === undefined ? undefined : shapeAlignment(o.alignment, `${p}.alignment`),
      ),
      ...opt('origin', o.origin === undefined ? undefined : shapeOrigin(o.origin, `${p}.origin`)),
      ...opt('codes', o.codes === undefined ? undefined : shapeCodes(o.codes, `${p}.codes`)),
    };
  },
  renderings: (v, p) => {
    const o = obj(v, p);
    const unit = unitId(str(o, 'unitId', p));
    const lang = str(o, 'lang', p);
    return {
      id: renderingId(unit, lang),
      unitId: unit,
      documentId: documentId(str(o, 'documentId', p)),
      lang,
      text: str(o, 'text', p),
      state: oneOf(o, 'state', RENDERING_STATES, p),
      updatedAt: num(o, 'updatedAt', p, 0),
      updatedBy: str(o, 'updatedBy', p, ''),
      revision: int(o, 'revision', p, 0),
      ...opt('reason', optStr(o, 'reason', p)),
    };
  },
  revisions: (v, p) => {
    const o = obj(v, p);
    return {
      id: revisionId(str(o, 'id', p)),
      renderingId: str(o, 'renderingId', p) as Revision['renderingId'],
      unitId: unitId(str(o, 'unitId', p)),
      documentId: documentId(str(o, 'documentId', p)),
      lang: str(o, 'lang', p),
      number: int(o, 'number', p),
      action: oneOf(o, 'action', ACTIONS, p),
      text: str(o, 'text', p),
      state: oneOf(o, 'state', RENDERING_STATES, p),
      previousState: oneOf(o, 'previousState', RENDERING_STATES, p),
      author: str(o, 'author', p, ''),
      at: num(o, 'at', p, 0),
      ...opt('note', optStr(o, 'note', p)),
    };
  },
  comments: (v, p) => {
    const o = obj(v, p);
    const open = int(o, 'open', p, 1);
    if (open > 1) throw new ShapeProblem(`${p}.open`, 'expected 0 or 1');
    return {
      id: str(o, 'id', p),
      documentId: documentId(str(o, 'documentId', p)),
      unitId: unitId(str(o, 'unitId', p)),
      ...opt('lang', optStr(o, 'lang', p)),
      author: str(o, 'author', p, ''),
      at: num(o, 'at', p, 0),
      text: str(o, 'text', p),
      open: open as 0 | 1,
      ...opt('resolvedBy', optStr(o, 'resolvedBy', p)),
      ...opt('resolvedAt', optNum(o, 'resolvedAt', p)),
    };
  },
  annotations: (v, p) => {
    const o = obj(v, p);
    return {
      id: str(o, 'id', p),
      documentId: documentId(str(o, 'documentId', p)),
      unitId: unitId(str(o, 'unitId', p)),
      lang: str(o, 'lang', p),
      start: int(o, 'start', p),
      end: int(o, 'end', p),
      quote: str(o, 'quote', p, ''),
      category: str(o, 'category', p),
      severity: oneOf(o, 'severity', SEVERITIES, p),
      ...opt('note', optStr(o, 'note', p)),
      author: str(o, 'author', p, ''),
      at: num(o, 'at', p, 0),
      ...opt('fromCheck', optStr(o, 'fromCheck', p)),
      ...opt('message', optMessage(o, 'message', p)),
    };
  },
  terms: (v, p) => {
    const o = obj(v, p);
    const terms: Term[] = list(o, 'terms', p).map((t, i) => {
      const q = `${p}.terms[${i}]`;
      const to = obj(t, q);
      return {
        lang: str(to, 'lang', q),
        text: str(to, 'text', q),
        status: oneOf(to, 'status', TERM_STATUSES, q, 'proposed'),
        ...opt('setBy', optStr(to, 'setBy', q)),
        ...opt('setAt', optNum(to, 'setAt', q)),
      };
    });
    const createdAt = num(o, 'createdAt', p, 0);
    return {
      id: entryId(str(o, 'id', p)),
      projectId: projectId(str(o, 'projectId', p)),
      terms,
      ...opt('definition', optStr(o, 'definition', p)),
      ...opt('note', optStr(o, 'note', p)),
      ...opt('partOfSpeech', o.partOfSpeech === undefined ? undefined : oneOf(o, 'partOfSpeech', POS, p)),
      createdAt,
      updatedAt: num(o, 'updatedAt', p, createdAt),
    };
  },
  termHistory: (v, p) => {
    const o = obj(v, p);
    return {
      ...opt('id', o.id === undefined ? undefined : int(o, 'id', p)),
      entryId: str(o, 'entryId', p),
      at: num(o, 'at', p, 0),
      by: str(o, 'by', p, ''),
      change: str(o, 'change', p),
      before: str(o, 'before', p, ''),
      after: str(o, 'after', p, ''),
      ...opt('lang', optStr(o, 'lang', p)),
      ...opt('term', optStr(o, 'term', p)),
      ...opt('reason', optStr(o, 'reason', p)),
    };
  },
  dismissals: (v, p) => {
    const o = obj(v, p);
    return {
      id: str(o, 'id', p),
      renderingId: str(o, 'renderingId', p),
      documentId: str(o, 'documentId', p),
      issueKey: str(o, 'issueKey', p),
      by: str(o, 'by', p, ''),
      at: num(o, 'at', p, 0),
    };
  },
  settings: (v, p) => {
    const o = obj(v, p);
    return { key: str(o, 'key', p), value: o.value ?? null };
  },
  memory: (v, p) => {
    const o = obj(v, p);
    const createdAt = num(o, 'createdAt', p, 0);
    const createdBy = str(o, 'createdBy', p, '');
    return {
      id: str(o, 'id', p),
      memoryId: str(o, 'memoryId', p),
      sourceLang: str(o, 'sourceLang', p),
      targetLang: str(o, 'targetLang', p),
      source: str(o, 'source', p, ''),
      target: str(o, 'target', p),
      ...opt('mt', optStr(o, 'mt', p)),
      ...opt('sourceContent', optContent(o, 'sourceContent', p)),
      ...opt('targetContent', optContent(o, 'targetContent', p)),
      ...opt('documentId', optStr(o, 'documentId', p)),
      ...opt('unitId', optStr(o, 'unitId', p)),
      ...opt('context', optStr(o, 'context', p)),
      createdBy,
      createdAt,
      updatedBy: str(o, 'updatedBy', p, createdBy),
      updatedAt: num(o, 'updatedAt', p, createdAt),
    };
  },
};

/**
 * Segment content with inline codes, as the TMX reader gives it: text runs and code objects. Codes are checked
 * for the fields every writer relies on; the rest of a code (attributes, inner XML) is kept as it was.
 */
function optContent(o: Obj, key: string, path: string): Content | undefined {
  if (o[key] === undefined) return undefined;
  return list(o, key, path).map((v, i) => {
    const q = `${path}.${key}[${i}]`;
    if (typeof v === 'string') return v;
    const c = obj(v, q);
    oneOf(c, 'kind', ['open', 'close', 'standalone'], q);
    oneOf(c, 'format', ['xliff2', 'xliff1', 'tmx'], q);
    str(c, 'element', q);
    if (!Array.isArray(c.attributes)) throw new ShapeProblem(`${q}.attributes`, 'expected a list');
    return c as unknown as InlineCode;
  });
}

/** Rebuilds a bundle field by field (defaults filled, unknown fields dropped); throws ShapeProblem on bad input. */
function shapeBundle(raw: Obj): ProjectBundle {
  const exportedAt = num(raw, 'exportedAt', '$', 0);
  const out: Record<string, unknown> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    project: shapeProject(raw.project, 'project', exportedAt),
  };
  for (const c of BUNDLE_COLLECTIONS) {
    const shape = SHAPES[c] as (v: unknown, p: string) => unknown;
    out[c] = list(raw, c, '$').map((v, i) => shape(v, `${c}[${i}]`));
  }
  return out as ProjectBundle;
}

// ---- versions ----

/** Steps from version n to n + 1, keyed by n. Version 1 is the first layout, so there is no step yet. */
const MIGRATIONS: Readonly<Record<number, (raw: Obj) => Obj>> = {};

/** Brings a parsed bundle of any earlier version to the current layout (before shapes and defaults apply). */
export function migrateBundle(raw: unknown): Result<Obj> {
  if (!isObj(raw) || raw.format !== BACKUP_FORMAT)
    return fail({ message: `not an Audarma backup (no "format": "${BACKUP_FORMAT}")` });
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail({ message: `"version" must be a whole number from 1 (found ${JSON.stringify(version)})` });
  if (version > BACKUP_VERSION)
    return fail({
      message: `this backup has version ${version}, made by a newer Audarma; this one reads up to version ${BACKUP_VERSION}`,
    });
  let current = raw;
  for (let v = version; v < BACKUP_VERSION; v += 1) {
    const step = MIGRATIONS[v];
    if (!step) return fail({ message: `no migration from backup version ${v}` });
    current = step(current);
  }
  return ok(current);
}

// ---- references: every row belongs to the project and points at rows that are in the bundle ----

/** First broken reference or duplicate key, with the path of the record (e.g. `units[41].documentId`). */
export function checkBundle(
  b: ProjectBundle,
): { readonly path: string; readonly message: string } | undefined {
  const unique = (c: Collection, keys: readonly string[]) => {
    const seen = new Set<string>();
    for (const [i, k] of keys.entries()) {
      if (seen.has(k)) return { path: `${c}[${i}]`, message: `"${k}" appears twice` };
      seen.add(k);
    }
    return undefined;
  };
  const dup =
    unique(
      'documents',
      b.documents.map((d) => d.id),
    ) ??
    unique(
      'units',
      b.units.map((u) => u.id),
    ) ??
    unique(
      'units',
      b.units.map((u) => `${u.documentId} #${u.index}`),
    ) ??
    unique(
      'renderings',
      b.renderings.map((r) => r.id),
    ) ??
    unique(
      'revisions',
      b.revisions.map((r) => r.id),
    ) ??
    unique(
      'comments',
      b.comments.map((c) => c.id),
    ) ??
    unique(
      'annotations',
      b.annotations.map((a) => a.id),
    ) ??
    unique(
      'terms',
      b.terms.map((t) => t.id),
    ) ??
    unique(
      'dismissals',
      b.dismissals.map((d) => d.id),
    ) ??
    unique(
      'settings',
      b.settings.map((s) => s.key),
    ) ??
    unique(
      'memory',
      b.memory.map((m) => m.id),
    );
  if (dup) return dup;
  const project = b.project.id;
  const docs = new Set(b.documents.map((d) => d.id as string));
  const unitDoc = new Map(b.units.map((u) => [u.id as string, u.documentId as string]));
  const renderings = new Set(b.renderings.map((r) => r.id as string));
  const entries = new Set(b.terms.map((t) => t.id as string));
  const counts = new Map<string, number>();
  for (const u of b.units) counts.set(u.documentId, (counts.get(u.documentId) ?? 0) + 1);
  const first = <T>(
    c: Collection,
    rows: readonly T[],
    test: (row: T) => string | undefined,
  ): { path: string; message: string } | undefined => {
    for (const [i, row] of rows.entries()) {
      const message = test(row);
      if (message) return { path: `${c}[${i}]`, message };
    }
    return undefined;
  };
  const inUnit = (row: { unitId: string; documentId: string }) =>
    unitDoc.get(row.unitId) === undefined
      ? `unit "${row.unitId}" is not in the backup`
      : unitDoc.get(row.unitId) !== row.documentId
        ? `unit "${row.unitId}" belongs to document "${unitDoc.get(row.unitId) ?? ''}", not "${row.documentId}"`
        : undefined;
  return (
    first('documents', b.documents, (d) =>
      d.projectId !== project
        ? `belongs to project "${d.projectId}", not "${project}"`
        : d.unitCount !== (counts.get(d.id) ?? 0)
          ? `unitCount is ${d.unitCount} but the backup has ${counts.get(d.id) ?? 0} units for it`
          : undefined,
    ) ??
    first('units', b.units, (u) =>
      docs.has(u.documentId) ? undefined : `document "${u.documentId}" is not in the backup`,
    ) ??
    first('renderings', b.renderings, inUnit) ??
    first('revisions', b.revisions, (r) =>
      renderings.has(r.renderingId) ? inUnit(r) : `rendering "${r.renderingId}" is not in the backup`,
    ) ??
    first('comments', b.comments, inUnit) ??
    first('annotations', b.annotations, inUnit) ??
    first('terms', b.terms, (t) =>
      t.projectId !== project ? `belongs to project "${t.projectId}", not "${project}"` : undefined,
    ) ??
    first('termHistory', b.termHistory, (h) =>
      entries.has(h.entryId) ? undefined : `term entry "${h.entryId}" is not in the backup`,
    ) ??
    first('dismissals', b.dismissals, (d) =>
      docs.has(d.documentId) ? undefined : `document "${d.documentId}" is not in the backup`,
    ) ??
    // Entries outlive the documents they were approved in, so only their memory is held to the project.
    first('memory', b.memory, (m) =>
      m.memoryId === project || isImportedMemory(m.memoryId)
        ? undefined
        : `belongs to memory "${m.memoryId}", neither this project's nor an imported one`,
    )
  );
}

// ---- text ----

/**
 * Writes a bundle as JSON with one record per line, so that a problem in a restored file can name its line and
 * two backups compare line by line. Records are rebuilt in a fixed field order: the same data gives the same text.
 */
export function serialiseBundle(bundle: ProjectBundle): string {
  const b = shapeBundle(bundle as unknown as Obj);
  const lines = [
    '{',
    `"format":${JSON.stringify(b.format)},`,
    `"version":${b.version},`,
    `"exportedAt":${b.exportedAt},`,
    `"project":${JSON.stringify(b.project)},`,
  ];
  BUNDLE_COLLECTIONS.forEach((c, i) => {
    const rows = b[c] as readonly unknown[];
    const end = i === BUNDLE_COLLECTIONS.length - 1 ? '' : ',';
    if (rows.length === 0) {
      lines.push(`${JSON.stringify(c)}:[]${end}`);
      return;
    }
    lines.push(`${JSON.stringify(c)}:[`);
    rows.forEach((row, j) => lines.push(JSON.stringify(row) + (j === rows.length - 1 ? '' : ',')));
    lines.push(`]${end}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** 1-based line and column of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Line of record `index` of a collection when the file has our one-record-per-line layout. */
function recordLine(text: string, path: string): number | undefined {
  const m = /^(\w+)\[(\d+)\]/.exec(path);
  if (!m) return undefined;
  const at = text.indexOf(`\n"${m[1] ?? ''}":[\n`);
  if (at === -1) return undefined;
  const line = position(text, at + 1).line + 1 + Number(m[2]);
  const lineStart = text.split('\n', line)[line - 1];
  return lineStart?.startsWith('{') ? line : undefined;
}

/** Reads a backup of any known version: JSON syntax, migration, shapes with defaults, then references. */
export function parseBundle(text: string): Result<ProjectBundle> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // JSON.parse's message may quote the input, line breaks and all; ours is one line with the place.
    void error;
    const found = jsonSyntaxError(text);
    return fail({ message: `not valid JSON: ${found.message}`, line: found.line, column: found.column });
  }
  const migrated = migrateBundle(raw);
  if (!migrated.ok) return migrated;
  let bundle: ProjectBundle;
  try {
    bundle = shapeBundle(migrated.value);
  } catch (error) {
    if (!(error instanceof ShapeProblem)) throw error;
    return fail(located(text, error.path, error.message));
  }
  const broken = checkBundle(bundle);
  return broken ? fail(located(text, broken.path, `${broken.path}: ${broken.message}`)) : ok(bundle);
}

function located(text: string, path: string, message: string): Problem {
  const line = recordLine(text, path);
  return line === undefined ? { message } : { message, line };
}

// ---- new ids, for restoring a copy next to the original ----

export type RekeyOptions = {
  readonly name?: string;
  /** Fresh id for a prefix; defaults to the time-ordered random ids the app uses everywhere. */
  readonly newId?: (prefix: string) => string;
};

/** The same project under fresh ids (project, documents, units, renderings, entries…), every reference followed. */
export function rekeyBundle(b: ProjectBundle, options: RekeyOptions = {}): ProjectBundle {
  const fresh = options.newId ?? newId;
  const project = projectId(fresh('prj'));
  const docs = new Map(b.documents.map((d) => [d.id as string, documentId(fresh('doc'))]));
  const doc = (id: string) => docs.get(id) ?? documentId(id);
  const units = new Map(b.units.map((u) => [u.id as string, unitIdAt(doc(u.documentId), u.index)]));
  const unit = (id: string) => units.get(id) ?? unitId(id);
  const rend = new Map(b.renderings.map((r) => [r.id as string, renderingId(unit(r.unitId), r.lang)]));
  const entries = new Map(b.terms.map((t) => [t.id as string, entryId(fresh('term'))]));
  return {
    ...b,
    project: { ...b.project, id: project, ...(options.name !== undefined ? { name: options.name } : {}) },
    documents: b.documents.map((d) => ({ ...d, id: doc(d.id), projectId: project })),
    units: b.units.map((u) => ({ ...u, id: unit(u.id), documentId: doc(u.documentId) })),
    renderings: b.renderings.map((r) => ({
      ...r,
      id: renderingId(unit(r.unitId), r.lang),
      unitId: unit(r.unitId),
      documentId: doc(r.documentId),
    })),
    revisions: b.revisions.map((r) => {
      const rid = rend.get(r.renderingId) ?? r.renderingId;
      return {
        ...r,
        id: revisionId(`${rid}#${r.number}`),
        renderingId: rid,
        unitId: unit(r.unitId),
        documentId: doc(r.documentId),
      };
    }),
    comments: b.comments.map((c) => ({
      ...c,
      id: fresh('cmt'),
      unitId: unit(c.unitId),
      documentId: doc(c.documentId),
    })),
    annotations: b.annotations.map((a) => ({
      ...a,
      id: fresh('ann'),
      unitId: unit(a.unitId),
      documentId: doc(a.documentId),
    })),
    terms: b.terms.map((t) => ({ ...t, id: entries.get(t.id) ?? t.id, projectId: project })),
    termHistory: b.termHistory.map(({ id: _id, ...h }) => ({
      ...h,
      entryId: entries.get(h.entryId) ?? h.entryId,
    })),
    dismissals: b.dismissals.map((d) => {
      const rid = rend.get(d.renderingId) ?? d.renderingId;
      return { ...d, id: `${rid}|${d.issueKey}`, renderingId: rid, documentId: doc(d.documentId) };
    }),
    // Imported memories are shared by every project and keep their ids; the project's own entries follow it.
    memory: b.memory.map((m) => {
      if (m.memoryId !== b.project.id) return m;
      const rid = rend.get(m.id);
      return {
        ...m,
        id: rid ?? fresh('mem'),
        memoryId: project,
        ...(m.documentId !== undefined ? { documentId: doc(m.documentId) } : {}),
        ...(m.unitId !== undefined ? { unitId: unit(m.unitId) } : {}),
      };
    }),
    // A project's own settings (its checks, phrase rules, spelling) are keyed by its id: they follow the copy.
    settings: b.settings.map((s) =>
      s.key.endsWith(`:${b.project.id}`)
        ? { ...s, key: `${s.key.slice(0, -b.project.id.length)}${project}` }
        : s,
    ),
  };
}
