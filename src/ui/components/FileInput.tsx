import { useRef, useState, type ChangeEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  /** The field's name, shown above the button and given to the input as its label. */
  readonly label: ReactNode;
  readonly accept: string;
  readonly onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  readonly inputRef?: RefObject<HTMLInputElement | null>;
  readonly keyShortcuts?: string;
  readonly className?: string;
  /** The chosen file's name when the caller keeps it (null: none); by default the last file picked here. */
  readonly chosen?: string | null;
};

/**
 * A file field in the interface's language. The browser's own file input says "Choose File / No file chosen" in
 * the browser's language whatever the interface speaks, so it stays hidden (still labelled, so assistive
 * technology and tests find it) and a button of ours opens it.
 */
export function FileInput({ label, accept, onChange, inputRef, keyShortcuts, className, chosen }: Props) {
  const { t } = useTranslation();
  const ownRef = useRef<HTMLInputElement | null>(null);
  const ref = inputRef ?? ownRef;
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const name = chosen === undefined ? picked : (chosen ?? undefined);
  return (
    <div className={`file-input${className ? ` ${className}` : ''}`}>
      <label>
        <span className="file-input-label">{label}</span>
        <input
          ref={ref}
          type="file"
          accept={accept}
          className="visually-hidden"
          tabIndex={-1}
          aria-keyshortcuts={keyShortcuts}
          onChange={(event) => {
            setPicked(event.target.files?.[0]?.name);
            onChange(event);
          }}
        />
      </label>
      <span className="file-input-row">
        <button type="button" className="file-input-button" onClick={() => ref.current?.click()}>
          {t('file.choose')}
        </button>
        <span className={name ? 'file-input-name' : 'file-input-name empty'} title={name}>
          {name ?? t('file.none')}
        </span>
      </span>
    </div>
  );
}
