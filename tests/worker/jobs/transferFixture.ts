import { documentId, projectId, renderingId, revisionId, unitId } from '../../../src/core/model/ids.ts';
import type { Comment } from '../../../src/core/model/review.ts';
import type { Project, Rendering, RenderingState, Revision, Unit } from '../../../src/core/model/types.ts';
import type { DocumentExport } from '../../../src/worker/jobs/buildExport.ts';

export const project: Project = {
  id: projectId('p'),
  name: 'Police',
  sourceLang: 'ru',
  targetLangs: ['en', 'kk'],
  createdAt: 1,
};
const did = documentId('d');
const texts = [
  { sep: '', ru: 'Полиция.', en: 'Police.', kk: 'Полиция.' },
  { sep: ' ', ru: 'Она работает.', en: 'It works.', kk: undefined },
  { sep: '\n\n', ru: 'Штрафы.', en: 'Fines.', kk: 'Айыппұлдар шығыңқы.' },
];
export const units: Unit[] = texts.map((t, index) => ({
  id: unitId(`d:u${index}`),
  documentId: did,
  index,
  paragraph: index === 2 ? 1 : 0,
  kind: 'sentence',
  separator: t.sep,
  source: t.ru,
  mt: {},
}));
const states: Record<string, RenderingState> = { en: 'approved', kk: 'rejected' };
export const renderings: Rendering[] = [];
export const revisions: Revision[] = [];
texts.forEach((t, i) => {
  for (const lang of ['en', 'kk'] as const) {
    const text = t[lang];
    if (text === undefined) continue;
    const unit = units[i] as Unit;
    const id = renderingId(unit.id, lang);
    const state: RenderingState = lang === 'kk' && i === 0 ? 'edited' : (states[lang] as RenderingState);
    renderings.push({
      id,
      unitId: unit.id,
      documentId: did,
      lang,
      text,
      state,
      updatedAt: 5,
      updatedBy: 'ann',
      revision: 1,
    });
    revisions.push({
      id: revisionId(`${id}#1`),
      renderingId: id,
      unitId: unit.id,
      documentId: did,
      lang,
      number: 1,
      action: state === 'rejected' ? 'reject' : 'edit',
      text,
      state,
      previousState: 'mt',
      author: 'ann',
      at: 5,
      ...(state === 'rejected' ? { note: 'wrong term' } : {}),
    });
  }
});
export const comments: Comment[] = [
  {
    id: 'c1',
    documentId: did,
    unitId: unitId('d:u1'),
    lang: 'en',
    author: 'bob',
    at: 6,
    text: 'Check tense',
    open: 1,
  },
];

export function exportInput(over: Partial<DocumentExport> = {}): DocumentExport {
  return {
    kind: 'document',
    format: 'text',
    project,
    document: {
      id: did,
      projectId: project.id,
      name: 'police.ru.txt',
      createdAt: 1,
      unitCount: units.length,
    },
    units,
    renderings,
    revisions,
    comments,
    lang: 'en',
    kazakhScript: 'cyrillic',
    ...over,
  };
}

export const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
export const noProgress = () => undefined;
