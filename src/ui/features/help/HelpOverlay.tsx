import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { helpGroups } from '../../keymap/keymap.ts';
import { returnFocus } from '../../keymap/focusModel.ts';

const MAC = typeof navigator === 'object' && /Mac|iPod|iPhone|iPad/.test(navigator.platform);

/** Every keyboard shortcut, generated from the keymap table, grouped by where it works. */
export function HelpOverlay({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  // Focus goes back where it was when the help opened (the grid, usually), not to the page body.
  const opener = useRef<Element | null>(typeof document === 'object' ? document.activeElement : null);
  useEffect(() => {
    const from = opener.current;
    return () => {
      if (from instanceof HTMLElement && from.isConnected && from !== document.body) from.focus();
      else returnFocus();
    };
  }, []);
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
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={titleId}>{t('help.title')}</h2>
        <div className="help-groups">
          {helpGroups(MAC).map((group) => (
            <section key={group.context} aria-label={t(`help.group.${group.context}`)}>
              <h3>{t(`help.group.${group.context}`)}</h3>
              <dl>
                {group.rows.map((row) => (
                  <div key={row.command} className="help-row">
                    <dt>
                      <kbd>{row.keys}</kbd>
                    </dt>
                    <dd>{t(`help.action.${row.command}`)}</dd>
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
