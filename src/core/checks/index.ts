// The QA engine's public surface: the UI, the worker and the CLI import from here.
export {
  checkDocument,
  checkPair,
  checkPairsOfDocument,
  completeDocument,
  documentIssues,
  documentContext,
} from './engine.ts';
export type { PairFacts, PairOutcomes } from './documentPhase.ts';
export { computeDocumentStats, pairLogRatios } from './documentStats.ts';
export { allChecks, documentChecks, pairChecks } from './registry.ts';
export { CHECK_IDS } from './checkIds.ts';
export type {
  Check,
  CheckId,
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
export {
  BUILT_IN_PHRASE_RULES,
  builtInPhraseRule,
  compilePhraseRules,
  isEditedBuiltIn,
  parsePhraseRulesCsv,
  parsePhraseRulesFile,
  parsePhraseRulesJson,
  phraseRulesToCsv,
  phraseRulesToJson,
  type PhraseRule,
} from './phraseRules.ts';
export { resolvePhraseRules } from './projectSettings.ts';
export {
  applyPhraseChange,
  phraseChange,
  ruleFromChange,
  unitsWithPhrase,
  type PhraseChange,
} from './learnFromCorrection.ts';
