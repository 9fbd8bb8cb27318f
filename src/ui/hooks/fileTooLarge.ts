import type { TFunction } from 'i18next';
import { MAX_FILE_BYTES } from '../../core/formats/limits.ts';

const MIB = 1024 * 1024;

/**
 * The message for a chosen file larger than the largest file the app reads whole (MAX_FILE_BYTES, the limit
 * the README documents), or undefined. It looks at File.size only, so a file too large is refused before a
 * byte of it is read into memory.
 */
export function fileTooLarge(
  t: TFunction,
  file: { readonly name: string; readonly size: number },
  limit = MAX_FILE_BYTES,
): string | undefined {
  if (file.size <= limit) return undefined;
  return t('files.tooLarge', {
    file: file.name,
    size: Math.round((file.size / MIB) * 10) / 10,
    limit: Math.round(limit / MIB),
  });
}
