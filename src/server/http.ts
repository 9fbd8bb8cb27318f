/** Requests larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** A project's documents and glossary as uploaded when it is shared: larger than any other request, still bounded. */
export const MAX_CONTENT_BYTES = 64 * 1024 * 1024;

/** An answer other than success: `status` with a JSON body `{ error: code, details? }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Fastify's own refusals (body parsing, size) in this API's answer shape. */
export function frameworkError(code: string | undefined): HttpError | null {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'too-large');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'invalid-body', 'content length');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'invalid-body', 'empty body');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'invalid-body', 'not JSON');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported-media-type', 'application/json expected');
    default:
      return null;
  }
}
