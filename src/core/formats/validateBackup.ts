import type { Problem } from '../result.ts';
import { BACKUP_FORMAT, parseBundle } from './backup.ts';
import { decodeXml } from './xml/decodeXml.ts';

/** What a validator found: the format it recognised (e.g. `audarma-backup-1`) and every problem. */
export type BackupValidation = { readonly format: string; readonly errors: readonly Problem[] };

/**
 * Checks a project backup as a restore would read it (JSON, version, every record's shape, references).
 * parseBundle names the line only for files in its own one-record-per-line layout; for any other layout
 * (a backup edited and pretty-printed by hand) the record path in its message is looked up in the text.
 */
export function validateBackup(bytes: Uint8Array): BackupValidation {
  const decoded = decodeXml(bytes);
  if (!decoded.ok) return { format: 'json', errors: [decoded.error] };
  const text = decoded.value.replace(/^\uFEFF/, '');
  const format = backupFormatName(text);
  const parsed = parseBundle(text);
  if (parsed.ok) return { format, errors: [] };
  const problem = parsed.error;
  if (problem.line !== undefined) return { format, errors: [problem] };
  const path =
    /^([A-Za-z$][\w$]*(?:\[\d+\]|\.[A-Za-z_$][\w$]*)*): /.exec(problem.message)?.[1] ??
    (/^not an Audarma backup/.test(problem.message)
      ? 'format'
      : /version/.test(problem.message)
        ? 'version'
        : undefined);
  const offset = path === undefined ? undefined : locateJsonPath(text, path);
  return { format, errors: [offset === undefined ? problem : { ...problem, line: lineOf(text, offset) }] };
}

/** `audarma-backup-<version>` when the file says it is a backup, else `json`. */
function backupFormatName(text: string): string {
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      const o = raw as Record<string, unknown>;
      if (o.format === BACKUP_FORMAT && typeof o.version === 'number') return `${BACKUP_FORMAT}-${o.version}`;
    }
  } catch {
    // Not JSON at all: the parse problem says where.
  }
  return 'json';
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/**
 * Offset of the value at `path` (`units[3].documentId`, `$.units`, `project.name`) in well-formed JSON text,
 * or of the deepest enclosing value that exists (a missing field is reported where its record is).
 */
export function locateJsonPath(text: string, path: string): number | undefined {
  const steps: (string | number)[] = [];
  for (const m of path.replace(/^\$\.?/, '').matchAll(/\.?([A-Za-z_$][\w$]*)|\[(\d+)\]/g))
    steps.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  let pos = skipSpace(text, 0);
  if (pos >= text.length) return undefined;
  for (const step of steps) {
    const inner = childAt(text, pos, step);
    if (inner === undefined) break;
    pos = inner;
  }
  return pos;
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos] as string)) pos += 1;
  return pos;
}

/** Start of the member `step` of the object or array starting at `pos`. */
function childAt(text: string, pos: number, step: string | number): number | undefined {
  const open = text[pos];
  if (open !== '{' && open !== '[') return undefined;
  let at = skipSpace(text, pos + 1);
  for (let index = 0; at < text.length && text[at] !== '}' && text[at] !== ']'; index += 1) {
    let match = index === step;
    if (open === '{') {
      const keyEnd = endOfValue(text, at);
      match = JSON.parse(text.slice(at, keyEnd)) === step;
      at = skipSpace(text, keyEnd);
      at = skipSpace(text, at + 1); // the colon
    }
    if (match) return at;
    at = skipSpace(text, endOfValue(text, at));
    if (text[at] === ',') at = skipSpace(text, at + 1);
  }
  return undefined;
}

/** End (exclusive) of the JSON value starting at `pos`. */
function endOfValue(text: string, pos: number): number {
  let depth = 0;
  for (let i = pos; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') {
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === '\\') i += 1;
      if (depth === 0) return i + 1;
    } else if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
      if (depth < 0) return i;
    } else if (depth === 0 && (ch === ',' || /\s/.test(ch as string))) return i;
  }
  return text.length;
}
