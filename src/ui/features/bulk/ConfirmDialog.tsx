import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.tsx';

/** Asks before a change to many units; Enter confirms, Escape cancels. */
export function ConfirmDialog(props: {
  readonly title: string;
  readonly children?: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal title={props.title} role="alertdialog" onEscape={props.onCancel}>
      {props.children}
      <div className="modal-actions">
        <button type="button" onClick={props.onCancel}>
          {t('editor.cancel')}
        </button>
        <button type="button" className="primary" autoFocus onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
