import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allChecks,
  CHECK_IDS,
  checkDocument,
  type CheckContext,
  type CheckId,
  type Issue,
} from '../../../src/core/checks/index.ts';
import { buildTermIndex } from '../../../src/core/glossary/match.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { Term, TermEntry } from '../../../src/core/model/term.ts';
import { loadSpellers } from '../spelling/kazakhEvaluation.ts';
import { CHECK_CONTRACT, type Example } from './checkContract.ts';

const about = (lang: string): Record<string, string> =>
  (
    JSON.parse(
      readFileSync(new URL(`../../../locales/${lang}/translation.json`, import.meta.url), 'utf8'),
    ) as {
      checks: { about: Record<string, string> };
    }
  ).checks.about;

const entry = (id: string, ...terms: [string, string, Term['status']?][]): TermEntry => ({
  id: entryId(id),
  projectId: projectId('p'),
  terms: terms.map(([lang, text, status]) => ({ lang, text, status: status ?? 'approved' })),
  createdAt: 0,
  updatedAt: 0,
});
const glossary = [
  entry('maslikhat', ['ru', 'маслихат'], ['en', 'maslikhat'], ['kk', 'мәслихат']),
  entry('mvd', ['ru', 'МВД'], ['en', 'MIA'], ['en', 'MVD', 'forbidden']),
  entry('lps', ['ru', 'МПС'], ['en', 'LPS']),
  entry('police', ['ru', 'полиция'], ['en', 'police'], ['en', 'militia', 'proposed']),
];

let kazakh: ReturnType<typeof loadSpellers> | undefined;

function contextFor(kind: 'glossary' | 'kazakh-dictionary' | undefined, lang: string): CheckContext {
  const base: CheckContext = {
    sourceLang: 'ru',
    targetLang: lang,
    spell: (w) => !/^trafic$/i.test(w),
    sourceSpeller: { lang: 'ru', correct: (w) => !w.startsWith('расмотр') },
  };
  if (kind === 'glossary') return { ...base, glossary: buildTermIndex(glossary), glossaryEntries: glossary };
  if (kind === 'kazakh-dictionary') {
    kazakh ??= loadSpellers();
    return { ...base, speller: kazakh.kk, sourceSpeller: kazakh.ru };
  }
  return base;
}

/** The check's issues on one pair, as the texts they highlight. */
function highlights(check: CheckId, example: Example, kind?: 'glossary' | 'kazakh-dictionary'): string[] {
  const pair = { id: 'u', source: example.source, target: example.target };
  const issues = checkDocument([pair], contextFor(kind, example.lang)).get('u') ?? [];
  return issues
    .filter((i: Issue) => i.check === check)
    .map((i) => {
      const t = i.target?.[0];
      const s = i.source?.[0];
      return t ? example.target.slice(t.start, t.end) : s ? example.source.slice(s.start, s.end) : '';
    });
}

describe('every check keeps its contract', () => {
  it('registers exactly the typed ids, each once', () => {
    expect(allChecks.map((c) => c.id).sort()).toEqual([...CHECK_IDS].sort());
    expect(Object.keys(CHECK_CONTRACT).sort()).toEqual([...CHECK_IDS].sort());
  });

  it.each(['en', 'ru', 'kk'])('describes every check in %s', (lang) => {
    const texts = about(lang);
    const english = about('en');
    for (const id of CHECK_IDS) {
      expect.soft(texts[id]?.trim(), `${lang} checks.about.${id}`).toBeTruthy();
      // A translation, not the English left in place.
      if (lang !== 'en') expect.soft(texts[id], `${lang} checks.about.${id}`).not.toBe(english[id]);
    }
  });

  it.each(CHECK_IDS.map((id) => [id]))('%s fires where it must and stays quiet where it must', (id) => {
    const contract = CHECK_CONTRACT[id];
    if ('document' in contract) {
      const result = checkDocument(contract.document, contextFor(contract.context, 'en'));
      expect(result.get('fires')?.map((i) => i.check)).toContain(id);
      expect(result.get('quiet')?.map((i) => i.check) ?? []).not.toContain(id);
      return;
    }
    expect(highlights(id, contract.fires, contract.context)).toContain(contract.fires.highlight);
    expect(highlights(id, contract.quiet, contract.context)).toEqual([]);
  });
});
