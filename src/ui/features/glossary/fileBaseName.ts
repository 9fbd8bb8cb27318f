/** A file name from a project name: letters, digits and dashes. */
export function fileBaseName(name: string): string {
  return (
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'glossary'
  );
}
