// The QA engine's public surface: the UI, the worker and the CLI import from here.
export { checkDocument, checkPair } from './engine.ts';
export { computeDocumentStats } from './documentStats.ts';
export { allChecks, documentChecks, pairChecks } from './registry.ts';
export type {
  Check,
  CheckContext,
  CheckFamily,
  CheckPair,
  CheckSettings,
  DocumentStats,
  Fix,
  Issue,
  MqmCategory,
  Severity,
  Span,
} from './types.ts';
export { SEVERITIES } from './types.ts';
