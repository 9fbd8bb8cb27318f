/**
 * Finds the first JSON syntax error in a text that JSON.parse refused, with its 1-based line and column.
 * JSON.parse's own message sometimes names no position and quotes the input (line breaks included), so
 * the message here is ours: one line, saying what was expected. Iterative: nesting costs no call stack.
 */
export function jsonSyntaxError(text: string): { message: string; line: number; column: number } {
  let i = 0;
  const fail = (message: string) => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < i && k < text.length; k += 1) {
      if (text.charCodeAt(k) === 10) {
        line += 1;
        lineStart = k + 1;
      }
    }
    return { message, line, column: i - lineStart + 1 };
  };
  const found = () => (i >= text.length ? 'the end of the file' : JSON.stringify(text[i]));
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i += 1;
  };
  // What each open container expects next.
  const stack: ('object' | 'array')[] = [];
  let afterValue = false;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (;;) {
    space();
    if (afterValue) {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (i < text.length) return fail(`unexpected ${found()} after the JSON value`);
        return fail('not valid JSON');
      }
      const close = top === 'object' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i += 1;
        continue;
      }
      if (text[i] !== ',') return fail(`expected "," or "${close}" but found ${found()}`);
      i += 1;
      space();
      if (top === 'object' && !readKey()) return fail(`expected a quoted property name but found ${found()}`);
      afterValue = false;
      continue;
    }
    const c = text[i];
    if (c === '{') {
      i += 1;
      space();
      if (text[i] === '}') {
        i += 1;
        afterValue = true;
        continue;
      }
      if (!readKey()) return fail(`expected a quoted property name but found ${found()}`);
      stack.push('object');
      continue;
    }
    if (c === '[') {
      i += 1;
      space();
      if (text[i] === ']') {
        i += 1;
        afterValue = true;
        continue;
      }
      stack.push('array');
      continue;
    }
    if (c === '"') {
      if (!readString()) return fail('a string is not closed or has a bad escape or control character');
    } else {
      const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        text.slice(i, i + 400),
      );
      if (!m) return fail(`expected a value but found ${found()}`);
      i += m[0].length;
    }
    afterValue = true;
  }

  function readString(): boolean {
    // eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
    const m = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
    m.lastIndex = i;
    if (!m.test(text)) return false;
    i = m.lastIndex;
    return true;
  }
  function readKey(): boolean {
    if (text[i] !== '"' || !readString()) return false;
    space();
    if (text[i] !== ':') return false;
    i += 1;
    return true;
  }
}
