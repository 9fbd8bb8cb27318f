import { UsageError } from '../args.ts';
import { readText } from '../io.ts';
import { parseBundle } from '../../core/formats/backup.ts';
import { jsonSyntaxError } from '../../core/formats/jsonSyntax.ts';
import {
  parsePhraseRulesFile,
  parsePhraseRulesJson,
  type PhraseRule,
} from '../../core/checks/phraseRules.ts';
import { SEVERITIES, type CheckSettings, type Severity } from '../../core/checks/types.ts';
import type { TermEntry } from '../../core/model/term.ts';
import type { Project } from '../../core/model/types.ts';
import { loadLinearRegex } from '../../core/text/linearRegex.ts';
import { fail, ok, type Result } from '../../core/result.ts';

/** 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/**
 * The line each element of a JSON text's top-level array starts on, so that "rule 3" can be shown where it
 * is. The text is known to be valid JSON.
 */
export function arrayItemLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let expectItem = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\uFEFF') continue;
    if (depth === 1 && expectItem && c !== ']') {
      lines.push(lineAt(text, i));
      expectItem = false;
    }
    if (c === '"') {
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === '\\') i += 1;
    } else if (c === '[' || c === '{') {
      depth += 1;
      if (depth === 1) expectItem = true;
    } else if (c === ']' || c === '}') depth -= 1;
    else if (c === ',' && depth === 1) expectItem = true;
  }
  return lines;
}

/** A JSON problem of the form "rule N: …" placed at the line rule N starts on. */
function placeRule(path: string, text: string, message: string): UsageError {
  const n = /^rule (\d+):/.exec(message);
  const line = n ? arrayItemLines(text)[Number(n[1]) - 1] : undefined;
  return new UsageError(`${path}${line !== undefined ? `:${line}` : ''}: ${message}`);
}

/**
 * --rules FILE: phrase rules as the app's rule table exports them, CSV/TSV (a header naming the columns) or a
 * JSON array; read by the same parser as the app's import. A bad rule is refused with the file and line.
 */
export async function readRulesFile(path: string): Promise<PhraseRule[]> {
  const text = readText(path, 'RULES');
  // A rule may be a regular expression, checked as it is read by the linear-time engine.
  await loadLinearRegex();
  const json = /\.json$/i.test(path) || text.trimStart().startsWith('[');
  if (json) {
    try {
      JSON.parse(text);
    } catch {
      const found = jsonSyntaxError(text);
      throw new UsageError(`${path}:${found.line}: not valid JSON: ${found.message}`);
    }
  }
  const parsed = parsePhraseRulesFile(path, text);
  if (!parsed.ok) {
    const { line, message } = parsed.error;
    if (json) throw placeRule(path, text, message);
    // The parser's message for a row starts with "line N:": the place is said once, as file:line.
    const bare = message.replace(/^line \d+: /, '');
    throw new UsageError(`${path}${line !== undefined ? `:${line}` : ''}: ${bare}`);
  }
  return parsed.value;
}

/** What a project backup tells a check run: its languages, glossary and check settings. */
export type ProjectForChecks = {
  readonly project: Project;
  readonly terms: readonly TermEntry[];
  readonly settings: CheckSettings;
};

const stringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A project's check settings as the app stores them (the value of its `checkSettings:<project id>` setting),
 * checked field by field: checks switched off, severities, phrase rules (by the rules' own parser), rules
 * switched off, English spelling and allowed letters.
 */
export function checkSettingsOf(value: unknown): Result<CheckSettings> {
  if (value === null || value === undefined) return ok({});
  if (!isRecord(value)) return fail({ message: 'expected an object' });
  const { disabled, severity, phraseRules, phraseRulesOff, englishSpelling, allowedLetters } = value;
  if (disabled !== undefined && !stringList(disabled))
    return fail({ message: '"disabled" is not a list of check ids' });
  if (severity !== undefined) {
    if (!isRecord(severity)) return fail({ message: '"severity" is not an object' });
    for (const [id, s] of Object.entries(severity))
      if (!SEVERITIES.includes(s as Severity))
        return fail({ message: `"severity" of ${id}: "${String(s)}" (use ${SEVERITIES.join(', ')})` });
  }
  let rules: PhraseRule[] | undefined;
  if (phraseRules !== undefined) {
    const parsed = parsePhraseRulesJson(JSON.stringify(phraseRules));
    if (!parsed.ok) return fail({ message: `"phraseRules": ${parsed.error.message}` });
    rules = parsed.value;
  }
  if (phraseRulesOff !== undefined && !stringList(phraseRulesOff))
    return fail({ message: '"phraseRulesOff" is not a list of rule ids' });
  if (englishSpelling !== undefined && englishSpelling !== 'en-GB' && englishSpelling !== 'en-US')
    return fail({ message: `"englishSpelling": "${String(englishSpelling)}" (use en-GB or en-US)` });
  if (
    allowedLetters !== undefined &&
    !(isRecord(allowedLetters) && Object.values(allowedLetters).every((x) => typeof x === 'string'))
  )
    return fail({ message: '"allowedLetters" is not an object of letters by language' });
  return ok({
    ...(disabled ? { disabled } : {}),
    ...(severity ? { severity: severity as Record<string, Severity> } : {}),
    ...(rules ? { phraseRules: rules } : {}),
    ...(phraseRulesOff ? { phraseRulesOff } : {}),
    ...(englishSpelling ? { englishSpelling } : {}),
    ...(allowedLetters ? { allowedLetters: allowedLetters as Record<string, string> } : {}),
  });
}

/**
 * --project BACKUP.json: a project backup as the app writes it, read as a restore would read it. Its check
 * settings (stored under `checkSettings:<project id>`), glossary and languages are what a check run takes
 * from it; documents and history are not used.
 */
export async function readProjectFile(path: string): Promise<ProjectForChecks> {
  const text = readText(path, 'BACKUP');
  // Phrase rules in the settings may be regular expressions, checked as they are read.
  await loadLinearRegex();
  const bundle = parseBundle(text);
  if (!bundle.ok) {
    const { line, message } = bundle.error;
    throw new UsageError(`${path}${line !== undefined ? `:${line}` : ''}: ${message}`);
  }
  const { project, terms, settings } = bundle.value;
  const key = `checkSettings:${project.id}`;
  const row = settings.find((s) => s.key === key);
  const read = checkSettingsOf(row?.value);
  if (!read.ok) {
    const at = text.indexOf(JSON.stringify(key));
    throw new UsageError(
      `${path}${at >= 0 ? `:${lineAt(text, at)}` : ''}: setting "${key}": ${read.error.message}`,
    );
  }
  return { project, terms, settings: read.value };
}

/** The project's rules with `added` laid over them, a rule of the same id replaced (as the app's import does). */
export function withRules(settings: CheckSettings, added: readonly PhraseRule[]): CheckSettings {
  const rules = [...(settings.phraseRules ?? [])];
  for (const rule of added) {
    const at = rules.findIndex((r) => r.id === rule.id);
    if (at >= 0) rules[at] = rule;
    else rules.push(rule);
  }
  return { ...settings, phraseRules: rules };
}
