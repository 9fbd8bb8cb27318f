import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LazyNamespace } from '../../i18n/namespaces.ts';

/**
 * Renders its children once the strings they show are loaded, suspending until then (the nearest Suspense shows
 * its fallback), so a view never flashes its keys. Views and dialogs off the first screen sit inside one.
 */
export function Strings({
  ns,
  children,
}: {
  readonly ns: readonly LazyNamespace[];
  readonly children: ReactNode;
}) {
  useTranslation(ns as LazyNamespace[]);
  return children;
}
