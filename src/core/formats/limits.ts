/**
 * Size limits on what is read, checked before the work that would cost memory. Each is documented in the
 * README ("Limits"); a file past one is refused with a message naming the limit, never half-read.
 */

/** Largest file read whole (XML, CSV/TSV, DOCX, JSON backups): 64 MiB. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Largest plain-text file the command line converts, streamed paragraph by paragraph: 512 MiB. Past it
 * (and a 1 GB file, or one over 2 GiB that Node cannot hold as one buffer) is refused before a byte is read.
 */
export const MAX_STREAMED_TEXT_BYTES = 512 * 1024 * 1024;

/**
 * Largest XLIFF file the command line validates or converts a unit at a time (into .csv, .tsv, .tmx, .txt, or
 * .xlf written back as it came): 1 GiB. Memory stays flat whatever the size (the ids the validator compares
 * grow with the units, some tens of bytes each); the limit bounds the time, about a minute per GiB.
 */
export const MAX_STREAMED_XML_BYTES = 1024 * 1024 * 1024;

/** Most units one document may hold: 1,000,000. */
export const MAX_UNITS = 1_000_000;

/**
 * Largest word/document.xml unpacked from a .docx: 64 MiB, and no more than 100 times the size of the .docx
 * once past 8 MiB: real documents compress 5–20 times, a zip bomb a thousand times.
 */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;
export const MAX_DOCX_RATIO = 100;
export const DOCX_RATIO_FROM_BYTES = 8 * 1024 * 1024;

const MIB = 1024 * 1024;

/** "64 MiB", "1.5 GiB": sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MIB) return `${(bytes / (1024 * MIB)).toFixed(1)} GiB`;
  if (bytes >= MIB) return `${Math.round(bytes / MIB)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
