import { useId, type ReactNode } from 'react';

/**
 * The one dialog shell: a backdrop, a modal element named by its heading, and Escape to close where the dialog
 * may be closed at that moment (no `onEscape`: Escape is left to what has the focus).
 */
export function Modal(props: {
  readonly title: ReactNode;
  readonly className?: string;
  /** `alertdialog` for a question that needs an answer before the work goes on. */
  readonly role?: 'dialog' | 'alertdialog';
  readonly onEscape?: (() => void) | undefined;
  readonly children: ReactNode;
}) {
  const titleId = useId();
  return (
    <div className="modal-backdrop">
      <div
        className={props.className ? `modal ${props.className}` : 'modal'}
        role={props.role ?? 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && props.onEscape && !event.defaultPrevented) {
            event.preventDefault();
            props.onEscape();
          }
        }}
      >
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
