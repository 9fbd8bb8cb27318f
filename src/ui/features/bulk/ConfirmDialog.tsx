import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks before a change to many units; Enter confirms, Escape cancels. */
export function ConfirmDialog(props: {
  readonly title: string;
  readonly children?: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            props.onCancel();
          }
        }}
      >
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel}>
            {t('editor.cancel')}
          </button>
          <button type="button" className="primary" autoFocus onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
