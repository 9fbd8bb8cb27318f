import { fail, ok, type Result } from '../../result.ts';
import { decodeXml } from './decodeXml.ts';
import { formatBytes, MAX_FILE_BYTES } from '../limits.ts';
import { MAX_XML_DEPTH, XmlStream } from './streamXml.ts';
import type { XmlComment, XmlDocument, XmlElement, XmlPi } from './xmlTypes.ts';

export { MAX_XML_DEPTH };

/**
 * Largest input accepted, in characters (or bytes for byte input): 64 MiB. A 100,000-unit XLIFF file is
 * about 30 MB; past the limit the tree would cost several times the file in memory, so we refuse early.
 * Larger XLIFF is read unit by unit (xliffStream.ts).
 */
export const MAX_XML_SIZE = MAX_FILE_BYTES;

export type ParseXmlOptions = { readonly maxSize?: number; readonly maxDepth?: number };

/**
 * Parses a whole XML document into a tree with 1-based line/column on every node: XmlStream with no
 * containers, so the root arrives as one subtree. On any error nothing is returned but the problem and where it is.
 */
export function parseXml(input: string | Uint8Array, options: ParseXmlOptions = {}): Result<XmlDocument> {
  const limit = options.maxSize ?? MAX_XML_SIZE;
  if (input.length > limit) {
    return fail({
      message: `the file is too large (${typeof input === 'string' ? `${input.length} characters` : formatBytes(input.length)}; the limit is ${formatBytes(limit)})`,
      line: 1,
    });
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeXml(input);
    if (!decoded.ok) return decoded;
    text = decoded.value;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const prolog: (XmlComment | XmlPi)[] = [];
  const epilog: (XmlComment | XmlPi)[] = [];
  let root: XmlElement | undefined;
  const stream = new XmlStream(
    {
      node: (node) => {
        if (node.kind === 'element') root = node;
        else if (node.kind !== 'text') (root ? epilog : prolog).push(node);
      },
    },
    options.maxDepth ?? MAX_XML_DEPTH,
  );
  stream.write(text);
  const end = stream.end();
  if (!end.ok) return end;
  if (!root) return fail({ message: 'no root element: the file is empty or not XML', line: 1 });
  return ok({ root, prolog, epilog });
}
