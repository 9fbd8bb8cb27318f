import { useTranslation } from 'react-i18next';
import type { MemoryMatch } from '../../../core/memory/MemoryIndex.ts';
import type { MatchKind, MemoryEntry } from '../../../core/memory/types.ts';
import { DiffView } from '../../components/DiffView.tsx';
import { dateFormatter } from '../../../i18n/formatDate.ts';

type Props = {
  readonly kind: MatchKind;
  readonly matches: readonly MemoryMatch<MemoryEntry>[];
  /** Where an entry came from, for its caption (a document name or a memory name). */
  readonly originOf: (entry: MemoryEntry) => string;
  readonly onInsert: (index: number) => void;
  readonly children?: React.ReactNode;
};

/**
 * Earlier approved renderings of the same or a similar segment, best first: the match percentage, what differs
 * between the stored segment and this one (struck = only in the memory, underlined = only here), the rendering,
 * and who approved it when. Where the document has no source the machine translations are compared instead.
 */
export function MemoryPanel({ kind, matches, originOf, onInsert, children }: Props) {
  const { t, i18n } = useTranslation();
  const date = dateFormatter(i18n.language, 'long');
  return (
    <section className="panel memory-panel" aria-label={t('memory.title')}>
      <h2>
        {t('memory.title')} {kind === 'mt' && <span className="panel-sub">{t('memory.postEditing')}</span>}
      </h2>
      {matches.length === 0 ? (
        <p className="placeholder">{t('memory.none')}</p>
      ) : (
        <ol className="memory-matches">
          {matches.map((match, i) => (
            <li key={match.item.id} className="memory-match">
              <span className="memory-score" aria-label={t('memory.score', { score: match.score })}>
                {match.score}%
              </span>
              <p className="memory-source">
                <DiffView spans={match.diff} label={t('memory.difference')} />
              </p>
              <p className="memory-target" lang={match.item.targetLang}>
                {match.item.target}
              </p>
              <p className="memory-meta">
                {t('memory.approvedBy', {
                  who: match.item.updatedBy,
                  when: date(match.item.updatedAt),
                  where: originOf(match.item),
                })}
              </p>
              <button
                type="button"
                className="link-button"
                aria-label={t('memory.insert', { n: i + 1 })}
                onClick={() => onInsert(i)}
              >
                <kbd>Alt+Shift+{i + 1}</kbd> {t('memory.insertShort')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {children}
    </section>
  );
}
