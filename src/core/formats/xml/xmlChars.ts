import type { Content } from '../interchange.ts';

/**
 * Characters XML 1.0 forbids anywhere, even as references: C0 controls other than tab, line feed and
 * carriage return, U+FFFE, U+FFFF, and halves of surrogate pairs standing alone.
 */
/* eslint-disable no-control-regex -- these control characters are exactly what is matched */
export const FORBIDDEN_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

/** "U+0001": how a character is named in messages. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character XML cannot hold in the text runs of some content, or undefined. */
export function forbiddenXmlChar(content: Content | string): string | undefined {
  const parts = typeof content === 'string' ? [content] : content;
  for (const part of parts) {
    if (typeof part !== 'string') continue;
    const m = FORBIDDEN_XML_CHAR.exec(part);
    if (m) return m[0];
  }
  return undefined;
}
