import { codeOf, fromLabels, labelRanges, missingCodes, toLabels } from '../../../core/text/codeTokens.ts';

/**
 * The editor shows a rendering's inline codes as labels (⟨1⟩, ⟨/1⟩, ⟨2/⟩) in its text field; these functions keep
 * a label whole through every edit, so a code is kept or removed, never cut. Offsets are in the shown text.
 */
export type Shown = { readonly text: string; readonly caret: number };

type Range = { readonly start: number; readonly end: number };

/**
 * The shown text after an edit of the field (typing, Backspace, Delete, cut, paste, drop): a label the edit cut
 * into is removed whole; text typed inside a label goes after it. Code characters pasted as such become labels.
 */
export function keepCodesWhole(before: string, after: string, caret: number): Shown {
  const normal = toLabels(fromLabels(after));
  if (normal !== after) {
    caret = toLabels(fromLabels(after.slice(0, caret))).length;
    after = normal;
  }
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before[prefix] === after[prefix]) prefix += 1;
  // The edit ends where the caret is, when it can: typing "a" after "a" changes the second one, not the first.
  prefix = Math.min(prefix, caret - (after.length - before.length > 0 ? after.length - before.length : 0));
  prefix = Math.max(0, Math.min(prefix, max));
  let suffix = 0;
  while (suffix < max - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix])
    suffix += 1;
  let start = prefix;
  let end = before.length - suffix;
  const inserted = after.slice(prefix, after.length - suffix);
  const labels = labelRanges(before);
  if (start === end) {
    // Nothing removed: text typed or pasted inside a label goes after it.
    const inside = labels.find((l) => l.start < start && start < l.end);
    if (inside) start = end = inside.end;
  } else {
    for (const l of labels) {
      if (l.end <= start || l.start >= end) continue;
      start = Math.min(start, l.start);
      end = Math.max(end, l.end);
    }
  }
  const text = before.slice(0, start) + inserted + before.slice(end);
  return { text, caret: start + inserted.length };
}

/** A caret or selection moved out of the inside of labels: a caret in the direction it came from, a selection outward. */
export function snapSelection(shown: string, start: number, end: number, previous: number): Range {
  const labels = labelRanges(shown);
  const around = (at: number) => labels.find((l) => l.start < at && at < l.end);
  if (start === end) {
    const l = around(start);
    if (!l) return { start, end };
    const to = previous <= l.start ? l.end : previous >= l.end ? l.start : l.end;
    return { start: to, end: to };
  }
  return { start: around(start)?.start ?? start, end: around(end)?.end ?? end };
}

/**
 * The shown text with the next code of the source that the text lacks put in at the selection: around it when
 * the code opens a pair whose close is missing too, else at the caret. Undefined when no code is missing.
 */
export function insertNextCode(source: string, shown: string, start: number, end: number): Shown | undefined {
  const stored = fromLabels(shown);
  const missing = missingCodes(source, stored);
  const first = missing[0];
  if (first === undefined) return undefined;
  const token = codeOf(first);
  const label = toLabels(first);
  const close =
    token?.kind === 'open' ? missing.find((c) => codeOf(c)?.n === token.n && c !== first) : undefined;
  if (close !== undefined && end > start) {
    const closeLabel = toLabels(close);
    const text = shown.slice(0, start) + label + shown.slice(start, end) + closeLabel + shown.slice(end);
    return { text, caret: end + label.length + closeLabel.length };
  }
  const text = shown.slice(0, start) + label + shown.slice(end);
  return { text, caret: start + label.length };
}

/** The codes of the source, each with whether the text has it; for the chips under the editor. */
export function sourceCodes(
  source: string,
  text: string,
): { readonly label: string; readonly present: boolean }[] {
  const missing = new Set(missingCodes(source, text));
  return [...source]
    .filter((ch) => codeOf(ch) !== undefined)
    .map((ch) => ({ label: toLabels(ch), present: !missing.has(ch) }));
}
