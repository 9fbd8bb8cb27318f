import { entryId, type ProjectId } from '../model/ids.ts';
import { DEMO_PROJECT_ID } from './ids.ts';
import type { Project } from '../model/types.ts';
import type { Term, TermEntry, TermStatus } from '../model/term.ts';

export { DEMO_PROJECT_ID, DEMO_DOCUMENT_ID } from './ids.ts';
export const DEMO_DOCUMENT_NAME = 'municipal-police-kazakhstan.en.txt';

export function demoProject(now: number): Project {
  return {
    id: DEMO_PROJECT_ID,
    name: 'Municipal police in the Republic of Kazakhstan',
    sourceLang: 'ru',
    targetLangs: ['en', 'kk'],
    mtLang: 'en',
    createdAt: now,
  };
}

type Seed = {
  readonly key: string;
  readonly terms: Readonly<Record<string, string>>;
  readonly definition?: string;
  readonly partOfSpeech?: TermEntry['partOfSpeech'];
};

/**
 * The terms the article itself defines in its "terms and definitions" section, plus the service and ministry it
 * is about, with their Russian and Kazakh forms as used in Kazakhstan's legislation.
 */
const SEEDS: readonly Seed[] = [
  {
    key: 'akim',
    terms: { en: 'Akim', ru: 'аким', kk: 'әкім' },
    definition:
      'Head of the executive power of a region, the representative of the President and the Government.',
    partOfSpeech: 'noun',
  },
  {
    key: 'maslikhat',
    terms: { en: 'Maslikhat', ru: 'маслихат', kk: 'мәслихат' },
    definition: 'Representative body of a region (local parliament).',
    partOfSpeech: 'noun',
  },
  {
    key: 'akimat',
    terms: { en: 'Akimat', ru: 'акимат', kk: 'әкімдік' },
    definition: 'Executive authority of a region (administration).',
    partOfSpeech: 'noun',
  },
  {
    key: 'local-police-service',
    terms: { en: 'Local police service', ru: 'местная полицейская служба', kk: 'Жергілікті полиция қызметі' },
    definition: 'Division of the internal affairs bodies financed from the local budget (2016–2019).',
    partOfSpeech: 'noun',
  },
  { key: 'lps', terms: { en: 'LPS', ru: 'МПС', kk: 'ЖПҚ' }, partOfSpeech: 'properNoun' },
  {
    key: 'mia',
    terms: {
      en: 'Ministry of Internal Affairs',
      ru: 'Министерство внутренних дел',
      kk: 'Ішкі істер министрлігі',
    },
    partOfSpeech: 'properNoun',
  },
  { key: 'mia-acronym', terms: { en: 'MIA', ru: 'МВД', kk: 'ІІМ' }, partOfSpeech: 'properNoun' },
];

export function demoGlossary(project: ProjectId, now: number, author: string): TermEntry[] {
  const status: TermStatus = 'approved';
  return SEEDS.map((seed) => ({
    id: entryId(`${project}:term:${seed.key}`),
    projectId: project,
    terms: Object.entries(seed.terms).map(([lang, text]): Term => ({
      lang,
      text,
      status,
      setBy: author,
      setAt: now,
    })),
    ...(seed.definition ? { definition: seed.definition } : {}),
    ...(seed.partOfSpeech ? { partOfSpeech: seed.partOfSpeech } : {}),
    createdAt: now,
    updatedAt: now,
  }));
}
