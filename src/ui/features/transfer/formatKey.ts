/** i18n key of a file format: the dots of "xliff-2.1" would split the key, so they are dropped ("xliff-21"). */
export function formatKey(format: string): string {
  return format.replaceAll('.', '');
}
