import type { Resource } from 'i18next';

let provider: (() => Resource) | undefined;

/**
 * Gives every i18next instance created from now on all strings of every language at once, with nothing loaded
 * later: for component tests, which render a view without the app around it that loads its strings.
 */
export function provideWholeStrings(strings: (() => Resource) | undefined): void {
  provider = strings;
}

export function wholeStrings(): Resource | undefined {
  return provider?.();
}
