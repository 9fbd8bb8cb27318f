import { describe, expect, it } from 'vitest';
import {
  applyPhraseChange,
  BUILT_IN_PHRASE_RULES,
  checkDocument,
  checkPair,
  parsePhraseRulesCsv,
  parsePhraseRulesJson,
  phraseChange,
  phraseRulesToCsv,
  phraseRulesToJson,
  ruleFromChange,
  unitsWithPhrase,
  type CheckSettings,
  type PhraseRule,
} from '../../../src/core/checks/index.ts';

const rule = (over: Partial<PhraseRule> = {}): PhraseRule => ({
  id: 'r1',
  match: 'in the frames of',
  regex: false,
  lang: 'en',
  suggestion: 'within',
  severity: 'major',
  category: 'style',
  kind: 'calque',
  ...over,
});

const calques = (target: string, phraseRules?: readonly PhraseRule[]) =>
  checkPair(
    { id: 'u', source: '', target },
    { sourceLang: 'ru', targetLang: 'en', ...(phraseRules ? { phraseRules } : {}) },
  )
    .filter((i) => i.check === 'calque' || i.check === 'false-friend')
    .map((i) => [
      i.check,
      i.severity,
      target.slice(i.target![0]!.start, i.target![0]!.end),
      i.fix?.replacement,
    ]);

const withSettings = (target: string, settings: CheckSettings, targetLang = 'en') =>
  checkPair({ id: 'u', source: '', target }, { sourceLang: 'ru', targetLang }, settings)
    .filter((i) => i.check === 'calque' || i.check === 'false-friend')
    .map((i) => [i.check, target.slice(i.target![0]!.start, i.target![0]!.end), i.fix?.replacement]);

describe('project phrase rules', () => {
  it('add to the built-in table, each with its own severity and suggestion', () => {
    expect(calques('Work goes on in the frames of the plan.', [rule({ suggestion: 'as part of' })])).toEqual([
      ['calque', 'major', 'in the frames of', 'as part of'],
    ]);
    // The built-in rules still run beside the project's.
    expect(calques('They adopted a package of measures.', [rule()])).toEqual([
      ['calque', 'minor', 'a package of measures', 'a set of measures'],
    ]);
  });

  it('come from the project settings, and a rule switched off stays quiet, built-in or own', () => {
    const own = rule({ id: 'own-1', match: 'round table discussion', suggestion: 'panel discussion' });
    const packageRule = BUILT_IN_PHRASE_RULES.find((r) => r.match.startsWith('an? package'))!;
    const text = 'A package of measures came out of a round table discussion.';
    expect(withSettings(text, { phraseRules: [own] })).toEqual([
      ['calque', 'A package of measures', 'A set of measures'],
      ['calque', 'round table discussion', 'panel discussion'],
    ]);
    expect(
      withSettings(text, {
        phraseRules: [own],
        phraseRulesOff: [packageRule.id, 'own-1'],
      }),
    ).toEqual([]);
  });

  it('give built-in rules ids that do not depend on their place in the table', () => {
    const ids = BUILT_IN_PHRASE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^builtin-[a-z]+-[0-9a-z]+$/.test(id))).toBe(true);
  });

  it('apply a Kazakh rule to Kazakh targets only', () => {
    const kk = rule({ id: 'kk-1', match: 'іс-шара өткізілді', lang: 'kk', suggestion: 'іс-шара өтті' });
    expect(withSettings('Кеше іс-шара өткізілді.', { phraseRules: [kk] }, 'kk')).toEqual([
      ['calque', 'іс-шара өткізілді', 'іс-шара өтті'],
    ]);
    expect(withSettings('Кеше іс-шара өткізілді.', { phraseRules: [kk] }, 'en')).toEqual([]);
  });

  it('match phrases across line breaks and capitals, and regular expressions with groups, as whole words', () => {
    expect(calques('In the\nframes of the plan.', [rule()])).toEqual([
      ['calque', 'major', 'In the\nframes of', 'Within'],
    ]);
    const re = rule({
      match: 'magazine of (visits|calls)',
      regex: true,
      suggestion: 'log of $1',
      kind: 'false-friend',
    });
    expect(calques('Keep a magazine of calls.', [re])).toEqual([
      ['false-friend', 'major', 'magazine of calls', 'log of calls'],
    ]);
    expect(calques('A fashion magazine.', [re])).toEqual([]);
    expect(calques('A fashion emagazine of callsign.', [re])).toEqual([]);
  });

  it('run regular expressions on the linear-time engine: look-arounds are refused, nested repeats are harmless', () => {
    const looking = parsePhraseRulesCsv('match,regex\nnets(?= of),true\n');
    expect(looking.ok).toBe(false);
    expect(!looking.ok && looking.error).toMatchObject({ line: 2 });
    expect(parsePhraseRulesCsv('match,regex\nx*,true\n')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('matches empty text') },
    });
    const nested = rule({ match: '(a+)+b', regex: true, suggestion: 'b' });
    const started = performance.now();
    expect(calques(`${'a'.repeat(5000)}c`, [nested])).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('apply only to their target language', () => {
    expect(
      calques('Work goes on in the frames of the plan.', [rule({ lang: 'kk', suggestion: 'x' })]),
    ).toEqual([['calque', 'minor', 'in the frames of', 'within']]);
  });

  it('round-trip through CSV and JSON', () => {
    for (const rules of [
      [rule(), rule({ id: 'r2', match: 'a, "quoted" phrase', note: 'line\nbreak' })],
      [rule({ id: 'r3', match: 'magazine of (visits|calls)', regex: true, suggestion: 'log of $1' })],
    ]) {
      const csv = parsePhraseRulesCsv(phraseRulesToCsv(rules));
      expect(csv.ok && csv.value).toEqual(rules);
      const json = parsePhraseRulesJson(phraseRulesToJson(rules));
      expect(json.ok && json.value).toEqual(rules);
    }
  });

  it('report a bad row with its line and a bad entry with its position', () => {
    const csv = parsePhraseRulesCsv('match,severity\nin the frames of,minor\nsocial nets,huge\n');
    expect(csv).toMatchObject({ ok: false, error: { line: 3, message: 'line 3: unknown severity "huge"' } });
    const broken = parsePhraseRulesCsv('match,regex\n(unclosed,true\n');
    expect(broken.ok).toBe(false);
    expect(parsePhraseRulesJson('[{"match": ""}]')).toMatchObject({
      ok: false,
      error: { message: 'rule 1: the rule has no phrase' },
    });
    expect(parsePhraseRulesJson('{}')).toMatchObject({ ok: false });
  });

  it('has no built-in rule that fires on a plain, correct English sentence', () => {
    const clean = [
      'The committee adopted a set of measures to support farmers.',
      'He made a decision to leave the company after ten years.',
      'Residents can contact the office by e-mail at any time.',
    ];
    for (const t of clean) expect(calques(t)).toEqual([]);
  });
});

describe('learning from a correction', () => {
  it('finds the phrase an edit replaced, by words', () => {
    expect(phraseChange('They adopted a package of measures.', 'They adopted a set of measures.')).toEqual({
      from: 'package',
      to: 'set',
    });
    expect(
      phraseChange('The realization of the plan began.', 'The implementation of the plan began.'),
    ).toEqual({
      from: 'realization',
      to: 'implementation',
    });
    // Only a full stop changed, a whole rewrite, or words only added: nothing to learn.
    expect(phraseChange('It works', 'It works.')).toBeUndefined();
    expect(phraseChange('one two three four five six seven eight', 'a b c d e f g h')).toBeUndefined();
    expect(phraseChange('It works.', 'It works well.')).toBeUndefined();
  });

  it('finds the other units with the phrase, applies the change keeping capitals, and saves it as a rule', () => {
    const change = { from: 'social nets', to: 'social networks' };
    const units = [
      { id: 'a', text: 'News spread in social nets.' },
      { id: 'b', text: 'Social nets are popular.' },
      { id: 'c', text: 'Fishermen repaired their nets.' },
    ];
    expect(unitsWithPhrase(change.from, units)).toEqual(['a', 'b']);
    expect(applyPhraseChange('Social nets and social  nets.', change)).toBe(
      'Social networks and social networks.',
    );
    const learned = ruleFromChange(change, 'en');
    const result = checkDocument([{ id: 'x', source: '', target: 'He posted it in social nets.' }], {
      sourceLang: 'ru',
      targetLang: 'en',
      phraseRules: [learned],
    });
    expect(result.get('x')?.find((i) => i.check === 'calque')?.fix?.replacement).toBe('social networks');
  });
});
