import { primaryLang } from '../model/lang.ts';
import type { CheckContext, CheckSettings } from './types.ts';

/**
 * A check context with the project's settings laid over it: its phrase rules and the ones it switched off, its
 * English spelling and the letters its target language allows. What the context already says is kept where the
 * settings are silent, so callers that pass these directly (tests, the command line) still can.
 */
export function withProjectSettings<C extends Omit<CheckContext, 'documentStats'>>(
  context: C,
  settings: CheckSettings | undefined,
): C {
  if (!settings) return context;
  const { phraseRules, phraseRulesOff, englishSpelling, allowedLetters } = settings;
  const letters = allowedLetters?.[primaryLang(context.targetLang)];
  if (!phraseRules && !phraseRulesOff && !englishSpelling && letters === undefined) return context;
  return {
    ...context,
    // The settings' own array when the context has none: compiled rules are kept per array.
    ...(phraseRules
      ? { phraseRules: context.phraseRules ? [...context.phraseRules, ...phraseRules] : phraseRules }
      : {}),
    ...(phraseRulesOff ? { phraseRulesOff } : {}),
    ...(englishSpelling ? { englishSpelling } : {}),
    ...(letters !== undefined && letters.trim() !== '' ? { allowedLetters: letters } : {}),
  };
}
