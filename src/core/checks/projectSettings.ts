import { primaryLang } from '../model/lang.ts';
import { builtInPhraseRule, EDITED_SUFFIX, samePhraseRule, type PhraseRule } from './phraseRules.ts';
import type { CheckContext, CheckSettings } from './types.ts';

type Resolved = { readonly rules: readonly PhraseRule[]; readonly off: readonly string[] | undefined };

// Per rule table and switched-off list: checks run pair by pair, and compiled rules are kept per array.
const resolvedTables = new WeakMap<readonly PhraseRule[], { key: string; resolved: Resolved }>();

/**
 * A project's rule table as the checks run it. A rule whose id is a built-in rule's is the project's edit of
 * that rule: the built-in one is switched off and the edit is checked in its place (under the id plus
 * EDITED_SUFFIX, so that switching the built-in id off silences both). An edit equal to the default is dropped.
 */
export function resolvePhraseRules(
  rules: readonly PhraseRule[],
  off: readonly string[] | undefined,
): Resolved {
  if (!rules.some((r) => builtInPhraseRule(r.id) !== undefined)) return { rules, off };
  const key = (off ?? []).join('\n');
  const cached = resolvedTables.get(rules);
  if (cached && cached.key === key) return cached.resolved;
  const offIds = new Set(off ?? []);
  const addedOff: string[] = [];
  const out: PhraseRule[] = [];
  for (const rule of rules) {
    const base = builtInPhraseRule(rule.id);
    if (!base) out.push(rule);
    else if (offIds.has(rule.id) || samePhraseRule(base, rule)) continue;
    else {
      addedOff.push(rule.id);
      out.push({ ...rule, id: `${rule.id}${EDITED_SUFFIX}` });
    }
  }
  const resolved = { rules: out, off: [...(off ?? []), ...addedOff] };
  resolvedTables.set(rules, { key, resolved });
  return resolved;
}

/**
 * A check context with the project's settings laid over it: its phrase rules (edits of built-in ones among
 * them) and the ones it switched off, its English spelling and the letters its target language allows. What the
 * context already says is kept where the settings are silent, so callers that pass these directly (tests, the
 * command line) still can.
 */
export function withProjectSettings<C extends Omit<CheckContext, 'documentStats'>>(
  context: C,
  settings: CheckSettings | undefined,
): C {
  if (!settings) return context;
  const { phraseRules, phraseRulesOff, englishSpelling, allowedLetters } = settings;
  const letters = allowedLetters?.[primaryLang(context.targetLang)];
  if (!phraseRules && !phraseRulesOff && !englishSpelling && letters === undefined) return context;
  const resolved = phraseRules ? resolvePhraseRules(phraseRules, phraseRulesOff) : undefined;
  const off = resolved ? resolved.off : phraseRulesOff;
  return {
    ...context,
    // The settings' own array when the context has none: compiled rules are kept per array.
    ...(resolved
      ? {
          phraseRules: context.phraseRules ? [...context.phraseRules, ...resolved.rules] : resolved.rules,
        }
      : {}),
    ...(off ? { phraseRulesOff: off } : {}),
    ...(englishSpelling ? { englishSpelling } : {}),
    ...(letters !== undefined && letters.trim() !== '' ? { allowedLetters: letters } : {}),
  };
}
