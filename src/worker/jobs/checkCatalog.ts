import { allChecks } from '../../core/checks/registry.ts';
import type { CheckFamily, Severity } from '../../core/checks/types.ts';

export type CheckCatalogEntry = {
  readonly id: string;
  readonly family: CheckFamily;
  readonly severity: Severity;
};

/**
 * Every check's id, family and default severity, in registry order: what the settings dialog lists. Asked of the
 * worker so that the main thread never loads the checks themselves.
 */
export function checkCatalogJob(): CheckCatalogEntry[] {
  return allChecks.map(({ id, family, severity }) => ({ id, family, severity }));
}
