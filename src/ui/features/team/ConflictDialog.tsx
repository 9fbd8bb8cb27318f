import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.tsx';
import type { Conflict, Refused } from '../../../sync/syncState.ts';
import type { Change } from '../../../sync/protocol.ts';

/**
 * Changes of mine that someone else's later change superseded: both texts side by side. Theirs is already the
 * rendering's text; taking it settles the conflict, keeping mine writes mine again on top. Both stay in history.
 */
export function ConflictDialog(props: {
  readonly conflicts: readonly Conflict[];
  /** Changes the server refused for this user's role: shown until the reviewer has read them. */
  readonly refused?: readonly Refused[];
  readonly onForgetRefused?: (refused: Refused) => void;
  readonly unitNumber: (unitId: string) => number | undefined;
  readonly onTakeTheirs: (conflict: Conflict) => void;
  readonly onKeepMine: (conflict: Conflict) => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  /** What a refused change was, in the reader's words: its kind, the unit's number and the language. */
  const describe = (change: Change): string => {
    const lang = 'lang' in change && change.lang ? t(`language.${change.lang}`) : '';
    const number = 'unitId' in change ? (props.unitNumber(change.unitId) ?? '?') : '?';
    return t(`team.refused.kind.${change.kind}`, { number, lang });
  };
  // Opened for refused changes alone, the dialog is about them and says nothing of conflicts.
  const onlyRefused = props.conflicts.length === 0 && (props.refused?.length ?? 0) > 0;
  return (
    <Modal
      title={t(onlyRefused ? 'team.refused.title' : 'team.conflict.title')}
      className="conflict-dialog"
      onEscape={props.onClose}
    >
      {!onlyRefused && <p>{t('team.conflict.intro')}</p>}
      {props.conflicts.length === 0 && !onlyRefused && <p>{t('team.conflict.none')}</p>}
      <ul className="conflict-list">
        {props.conflicts.map((conflict) => {
          const { mine, theirs } = conflict;
          // A term conflict is about its status; a rendering conflict about its text.
          const said = (change: typeof mine | typeof theirs) =>
            change.kind === 'term'
              ? `${change.text} — ${t(`glossary.status.${change.status}`)}`
              : change.text;
          const label =
            mine.kind === 'rendering'
              ? t('team.conflict.unit', {
                  number: props.unitNumber(mine.unitId) ?? '?',
                  lang: t(`language.${mine.lang}`),
                })
              : t('team.conflict.term', { lang: t(`language.${mine.lang}`) });
          return (
            <li key={conflict.target} aria-label={label}>
              <h3>{label}</h3>
              <dl>
                <dt>{t('team.conflict.mine')}</dt>
                <dd className="conflict-mine">{said(mine)}</dd>
                <dt>{t('team.conflict.theirs', { author: theirs.author })}</dt>
                <dd className="conflict-theirs">{said(theirs)}</dd>
              </dl>
              <button type="button" onClick={() => props.onTakeTheirs(conflict)}>
                {t('team.conflict.takeTheirs')}
              </button>
              <button type="button" onClick={() => props.onKeepMine(conflict)}>
                {t('team.conflict.keepMine')}
              </button>
            </li>
          );
        })}
      </ul>
      {(props.refused?.length ?? 0) > 0 && (
        <>
          {!onlyRefused && <h3>{t('team.refused.title')}</h3>}
          <p>{t('team.refused.intro')}</p>
          <ul className="refused-list">
            {props.refused?.map((refused) => {
              const label = t('team.refused.item', { what: describe(refused.change) });
              return (
                <li key={refused.change.id} aria-label={label}>
                  <p>{label}</p>
                  {'text' in refused.change && <p className="refused-text">{refused.change.text}</p>}
                  <button type="button" onClick={() => props.onForgetRefused?.(refused)}>
                    {t('team.refused.forget')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <button type="button" onClick={props.onClose}>
        {t('team.close')}
      </button>
    </Modal>
  );
}
