/**
 * Finds the first "&" in text or attribute values that starts no reference, reading the text in pieces.
 * saxes reads everything after a bare "&" up to the next ";" as an entity name, so the error it reports comes
 * lines later ("unclosed tag"); the parsers report the ampersand instead, at its own line and column.
 * Comments, CDATA sections and processing instructions are skipped. Each piece is scanned once, with indexOf,
 * so the cost is linear in the input; the last characters of a piece wait for the next one, since a reference
 * or the opening of a comment may be cut in two.
 */
export class BareAmpersandScanner {
  private buffer = '';
  /** Closing token of the comment, CDATA section or PI being skipped. */
  private skipTo: string | undefined;
  private line = 1;
  /** Offset in `buffer` of the start of the current line (negative once that start has been dropped). */
  private lineStart = 0;
  /** Where the first bare ampersand is, once found. */
  found: { line: number; column: number } | undefined;

  push(text: string): void {
    this.scan(text, false);
  }

  /** Scans what is left: the input ended, or reading stopped at an error. */
  finish(): { line: number; column: number } | undefined {
    this.scan('', true);
    return this.found;
  }

  private scan(text: string, final: boolean): void {
    if (this.found) return;
    const s = this.buffer + text;
    // Longest look-ahead: a reference of 66 characters, or "<![CDATA[".
    const limit = final ? s.length : s.length - 72;
    let i = 0;
    let nl = s.indexOf('\n');
    const advance = (to: number) => {
      for (; nl >= 0 && nl < to; nl = s.indexOf('\n', nl + 1)) {
        this.line += 1;
        this.lineStart = nl + 1;
      }
      i = to;
    };
    // Next "<" and "&" at or after i, searched again only once passed: searching afresh at every tag would
    // scan to the end of a piece without ampersands once per tag.
    let lt = -2;
    let amp = -2;
    while (i < limit) {
      if (this.skipTo !== undefined) {
        const end = s.indexOf(this.skipTo, i);
        if (end < 0) {
          advance(Math.max(i, Math.min(limit, s.length - this.skipTo.length + 1)));
          break;
        }
        advance(end + this.skipTo.length);
        this.skipTo = undefined;
        continue;
      }
      if (lt !== -1 && lt < i) lt = s.indexOf('<', i);
      if (amp !== -1 && amp < i) amp = s.indexOf('&', i);
      const at = lt < 0 ? amp : amp < 0 ? lt : Math.min(lt, amp);
      if (at < 0 || at >= limit) {
        advance(Math.max(i, at < 0 ? limit : Math.min(at, limit)));
        break;
      }
      advance(at);
      if (at === lt) {
        this.skipTo = s.startsWith('<!--', at)
          ? '-->'
          : s.startsWith('<![CDATA[', at)
            ? ']]>'
            : s.startsWith('<?', at)
              ? '?>'
              : undefined;
        advance(at + (this.skipTo === '-->' ? 4 : this.skipTo === ']]>' ? 9 : this.skipTo ? 2 : 1));
        continue;
      }
      REFERENCE.lastIndex = at;
      if (!REFERENCE.test(s)) {
        this.found = { line: this.line, column: at - this.lineStart + 1 };
        return;
      }
      advance(at + 1);
    }
    this.buffer = s.slice(i);
    this.lineStart -= i;
  }
}

const REFERENCE = /&(?:#\d+|#x[0-9a-fA-F]+|[^\s&;<>"'#]{1,64});/y;
