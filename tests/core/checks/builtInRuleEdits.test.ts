import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_PHRASE_RULES,
  builtInPhraseRule,
  checkPair,
  isEditedBuiltIn,
  parsePhraseRulesCsv,
  parsePhraseRulesFile,
  parsePhraseRulesJson,
  phraseRulesToCsv,
  phraseRulesToJson,
  type CheckSettings,
  type PhraseRule,
} from '../../../src/core/checks/index.ts';

const builtIn = (match: string): PhraseRule => {
  const found = BUILT_IN_PHRASE_RULES.find((r) => r.match === match);
  if (!found) throw new Error(`no built-in rule ${match}`);
  return found;
};

const findings = (target: string, settings: CheckSettings) =>
  checkPair({ id: 'u', source: '', target }, { sourceLang: 'ru', targetLang: 'en' }, settings)
    .filter((i) => i.check === 'calque' || i.check === 'false-friend')
    .map((i) => [
      i.check,
      i.severity,
      i.category,
      target.slice(i.target![0]!.start, i.target![0]!.end),
      i.fix?.replacement,
    ]);

const frames = builtIn('in the frames? of');
const address = builtIn('(to|at|on) the address(?= \\S+@)');
const nets = builtIn('social nets');

describe('a project’s edit of a built-in rule', () => {
  it('replaces the built-in rule: its suggestion, severity and category are the ones reported', () => {
    const text = 'Work goes on in the frames of the plan.';
    expect(findings(text, {})).toEqual([['calque', 'minor', 'style', 'in the frames of', 'within']]);
    const edit: PhraseRule = {
      ...frames,
      suggestion: 'as part of',
      severity: 'major',
      category: 'terminology',
    };
    expect(findings(text, { phraseRules: [edit] })).toEqual([
      ['calque', 'major', 'terminology', 'in the frames of', 'as part of'],
    ]);
  });

  it('may change the phrase itself: the old pattern no longer fires, the new one does', () => {
    const edit: PhraseRule = { ...nets, match: 'social nets?', regex: true, suggestion: 'social media' };
    expect(findings('Posted in social nets.', { phraseRules: [edit] })).toEqual([
      ['false-friend', 'major', 'accuracy/mistranslation', 'social nets', 'social media'],
    ]);
    const narrower: PhraseRule = {
      ...nets,
      match: 'in social nets',
      regex: false,
      suggestion: 'on social media',
    };
    expect(findings('Social nets grew.', { phraseRules: [narrower] })).toEqual([]);
    expect(findings('Social nets grew.', {})).toHaveLength(1);
  });

  it('keeps a built-in expression RE2 refuses (a look-ahead) when only the wording changes', () => {
    const text = 'Write to the address info@example.kz today.';
    const edit: PhraseRule = { ...address, suggestion: '$1', severity: 'major', note: 'по адресу' };
    expect(findings(text, { phraseRules: [edit] })).toEqual([
      ['calque', 'major', 'style', 'to the address', 'to'],
    ]);
    // Without an e-mail address after it the look-ahead still holds the rule back.
    expect(findings('They went to the address given.', { phraseRules: [edit] })).toEqual([]);
  });

  it('is silenced with the built-in rule when the project switches that rule off', () => {
    const edit: PhraseRule = { ...frames, suggestion: 'as part of' };
    expect(
      findings('Work goes on in the frames of the plan.', {
        phraseRules: [edit],
        phraseRulesOff: [frames.id],
      }),
    ).toEqual([]);
  });

  it('equal to the default is no edit', () => {
    expect(isEditedBuiltIn({ ...frames })).toBe(false);
    expect(isEditedBuiltIn({ ...frames, note: 'в рамках' })).toBe(true);
    expect(isEditedBuiltIn({ ...frames, id: 'own-frames' })).toBe(false);
    expect(builtInPhraseRule(frames.id)).toEqual(frames);
    expect(findings('Work goes on in the frames of the plan.', { phraseRules: [{ ...frames }] })).toEqual([
      ['calque', 'minor', 'style', 'in the frames of', 'within'],
    ]);
  });

  it('goes through CSV and JSON beside the project’s own rules, in the columns the format always had', () => {
    const edit: PhraseRule = { ...address, suggestion: '$1', severity: 'critical', note: 'по адресу' };
    const own: PhraseRule = {
      id: 'own-1',
      match: 'round table talk',
      regex: false,
      lang: 'en',
      suggestion: 'panel',
      severity: 'minor',
      category: 'style',
      kind: 'calque',
    };
    const csv = phraseRulesToCsv([own, edit]);
    expect(csv.split(/\r?\n/)[0]).toBe('id,match,regex,lang,suggestion,severity,category,kind,note');
    const back = parsePhraseRulesCsv(csv);
    expect(back.ok && back.value).toEqual([own, edit]);
    const json = parsePhraseRulesJson(phraseRulesToJson([own, edit]));
    expect(json.ok && json.value).toEqual([own, edit]);
    // A file written by hand with only the built-in id and the changed columns is an edit too.
    const short = parsePhraseRulesCsv(
      `id,match,regex,suggestion,severity\n${frames.id},in the frames? of,true,under,major\n`,
    );
    expect(
      short.ok && findings('Work goes on in the frames of the plan.', { phraseRules: short.value }),
    ).toEqual([['calque', 'major', 'style', 'in the frames of', 'under']]);
  });

  it('is read from a file by its name or its first character, CSV, TSV or JSON, a byte-order mark dropped', () => {
    const edit: PhraseRule = { ...frames, suggestion: 'under' };
    for (const [name, text] of [
      ['rules.csv', `\uFEFF${phraseRulesToCsv([edit])}`],
      ['rules.tsv', phraseRulesToCsv([edit]).replace(/,/g, '\t')],
      ['rules.json', phraseRulesToJson([edit])],
      ['rules.txt', phraseRulesToJson([edit])],
    ] as const) {
      const parsed = parsePhraseRulesFile(name, text);
      expect(parsed.ok && parsed.value, name).toEqual([edit]);
    }
    expect(parsePhraseRulesFile('rules.csv', 'match,severity\nsocial nets,huge\n')).toMatchObject({
      ok: false,
      error: { line: 2 },
    });
  });
});
