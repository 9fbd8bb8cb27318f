import type { Project } from '../../../core/model/types.ts';

/** A grid column: the Russian source, the read-only machine translation, or an editable target language. */
export type Column =
  | { readonly kind: 'source'; readonly lang: string }
  | { readonly kind: 'mt'; readonly lang: string }
  | { readonly kind: 'target'; readonly lang: string };

export function columnsOf(project: Project): Column[] {
  return [
    { kind: 'source', lang: project.sourceLang },
    ...(project.mtLang ? [{ kind: 'mt' as const, lang: project.mtLang }] : []),
    ...project.targetLangs.map((lang) => ({ kind: 'target' as const, lang })),
  ];
}

/** i18n key of a column's header, which is also the accessible name of its editor. */
export function columnTitleKey(column: Column): string {
  switch (column.kind) {
    case 'source':
      return 'grid.column.source';
    case 'mt':
      return 'grid.column.mt';
    case 'target':
      return `language.${column.lang}`;
  }
}
