import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Every keyboard shortcut, grouped by where it works. Keys are written as on the keyboard; labels are translated. */
export const SHORTCUTS: readonly {
  readonly group: string;
  readonly items: readonly (readonly [string, string])[];
}[] = [
  {
    group: 'grid',
    items: [
      ['↑ ↓ / k j', 'move'],
      ['PgUp PgDn Home End', 'jump'],
      ['← →', 'language'],
      ['Enter', 'edit'],
      ['n / Shift+N', 'nextIssue'],
      ['u', 'nextUnapproved'],
      ['a', 'annotate'],
      ['p', 'promote'],
      ['c', 'comment'],
      ['h', 'history'],
      ['/', 'search'],
      ['?', 'help'],
    ],
  },
  {
    group: 'editor',
    items: [
      ['Ctrl+Enter', 'approve'],
      ['Alt+↓ / Alt+↑', 'saveMove'],
      ['Alt+M', 'copyMt'],
      ['Alt+R', 'reject'],
      ['Esc', 'cancel'],
    ],
  },
  {
    group: 'align',
    items: [
      ['Enter', 'alignSplit'],
      ['Alt+M', 'alignMerge'],
      ['Alt+↑ / Alt+↓', 'alignMoveSentence'],
      ['Alt+Shift+↑ / ↓', 'alignMoveUnit'],
      ['Alt+D', 'alignEmpty'],
      ['Alt+N', 'alignNextUncertain'],
      ['Ctrl+Z / Ctrl+Shift+Z', 'alignUndo'],
    ],
  },
  {
    group: 'glossary',
    items: [
      ['Space / x', 'glossarySelect'],
      ['a / f / p', 'glossaryStatus'],
      ['n', 'glossaryNew'],
      ['Delete', 'glossaryDelete'],
    ],
  },
  {
    group: 'app',
    items: [
      ['Alt+1 … Alt+5', 'tabs'],
      ['Ctrl+Z', 'undoBulk'],
      ['Ctrl+S', 'backup'],
      ['Ctrl+Shift+E', 'export'],
    ],
  },
];

export function HelpOverlay({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="modal help-overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === '?') {
            event.preventDefault();
            onClose();
          }
        }}
      >
        <h2 id={titleId}>{t('help.title')}</h2>
        <div className="help-groups">
          {SHORTCUTS.map((group) => (
            <section key={group.group} aria-label={t(`help.group.${group.group}`)}>
              <h3>{t(`help.group.${group.group}`)}</h3>
              <dl>
                {group.items.map(([keys, action]) => (
                  <div key={action} className="help-row">
                    <dt>
                      <kbd>{keys}</kbd>
                    </dt>
                    <dd>{t(`help.action.${action}`)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <div className="modal-actions">
          <button type="button" className="primary" autoFocus onClick={onClose}>
            {t('help.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
