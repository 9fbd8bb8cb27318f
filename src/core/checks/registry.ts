import type { Check, DocumentCheck, PairCheck } from './types.ts';
import {
  sameSourceDifferentTarget,
  sameTargetDifferentSource,
  termInconsistent,
} from './document/consistency.ts';
import { lowercaseI, lowercaseStart, mixedCase } from './pair/casing.ts';
import { characterSet } from './pair/characterSet.ts';
import { invisibleCharacters } from './pair/invisibleCharacters.ts';
import { markupMalformed } from './pair/markup.ts';
import { inlineCodeMismatch } from './pair/inlineCodes.ts';
import { sentenceCount } from './pair/sentenceCount.ts';
import {
  emptyTarget,
  sourceLatinMissing,
  sourceScriptWords,
  tooLong,
  tooShort,
  untranslated,
} from './pair/completeness.ts';
import { dateFormat, dateMismatch } from './pair/dates.ts';
import { acronymMismatch, termForbidden, termMissing } from './pair/glossary.ts';
import { kazakhLetters } from './pair/kazakhLetters.ts';
import { wrongLanguageCheck } from './pair/language.ts';
import { emailMismatch, placeholderMismatch, tagMismatch, urlMismatch } from './pair/links.ts';
import { calque, caseEnding, falseFriend } from './pair/mtArtefacts.ts';
import { negation } from './pair/negation.ts';
import { numberExtra, numberFormat, numberMissing } from './pair/numbers.ts';
import {
  bracketParity,
  brackets,
  finalPunctuation,
  leadingPunctuation,
  quoteParity,
  quotes,
  repeatedPunctuation,
} from './pair/punctuation.ts';
import { doubleSpace, missingSpace, spaceBeforePunctuation, whitespaceEdges } from './pair/spacing.ts';
import { spelling } from './pair/spelling.ts';
import { article, doubledWord, homoglyph, ordinal } from './pair/wordLevel.ts';
import { kazakhHarmony } from './pair/kazakhHarmony.ts';
import { kazakhLookalikeWords, kazakhSpelling } from './pair/kazakhSpelling.ts';
import { sourceSpelling } from './pair/sourceSpelling.ts';
import { addition, omission } from './pair/alignmentGaps.ts';

/** Every check that looks at one pair, in the order their issues are listed for a unit. */
export const pairChecks: readonly PairCheck[] = [
  emptyTarget,
  untranslated,
  wrongLanguageCheck,
  sourceScriptWords,
  sourceLatinMissing,
  tooShort,
  tooLong,
  sentenceCount,
  negation,
  numberMissing,
  numberExtra,
  numberFormat,
  dateMismatch,
  dateFormat,
  urlMismatch,
  emailMismatch,
  placeholderMismatch,
  tagMismatch,
  markupMalformed,
  inlineCodeMismatch,
  termMissing,
  acronymMismatch,
  termForbidden,
  falseFriend,
  calque,
  caseEnding,
  kazakhLetters,
  homoglyph,
  characterSet,
  spelling,
  sourceSpelling,
  ordinal,
  article,
  doubledWord,
  lowercaseStart,
  lowercaseI,
  mixedCase,
  finalPunctuation,
  leadingPunctuation,
  brackets,
  bracketParity,
  quotes,
  quoteParity,
  repeatedPunctuation,
  doubleSpace,
  spaceBeforePunctuation,
  missingSpace,
  whitespaceEdges,
  invisibleCharacters,
  kazakhLookalikeWords,
  kazakhHarmony,
  kazakhSpelling,
  omission,
  addition,
];

/** Checks that need the whole document: consistency across units. */
export const documentChecks: readonly DocumentCheck[] = [
  sameSourceDifferentTarget,
  sameTargetDifferentSource,
  termInconsistent,
];

export const allChecks: readonly Check[] = [...pairChecks, ...documentChecks];
