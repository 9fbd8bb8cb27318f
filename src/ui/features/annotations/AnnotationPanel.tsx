import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MQM_TYPOLOGY } from '../../../core/review/mqm.ts';
import { MQM_SEVERITY_WEIGHTS, type Annotation, type MqmSeverity } from '../../../core/model/review.ts';
import { annotationNote } from './annotationNote.ts';

type Props = {
  readonly languageName: string;
  readonly text: string | undefined;
  readonly annotations: readonly Annotation[];
  /** A span to start from (the text selected in the grid), when there is one. */
  readonly initialSpan?: { readonly start: number; readonly end: number };
  readonly formOpen: boolean;
  readonly onOpenForm: () => void;
  readonly onCloseForm: () => void;
  readonly onSave: (input: {
    start: number;
    end: number;
    category: string;
    severity: MqmSeverity;
    note: string;
  }) => Promise<string | undefined>;
  readonly onDelete: (id: string) => void;
};

const SEVERITIES = Object.keys(MQM_SEVERITY_WEIGHTS) as MqmSeverity[];

/** MQM error annotations of the active rendering, and the form to mark a new one on a span of its text. */
export function AnnotationPanel(props: Props) {
  const { t } = useTranslation();
  const { text, annotations } = props;
  return (
    <section className="panel annotation-panel" aria-label={t('annotations.title')}>
      <h2>
        {t('annotations.title')} <span className="panel-sub">{props.languageName}</span>
      </h2>
      {annotations.length === 0 && !props.formOpen && <p className="placeholder">{t('annotations.none')}</p>}
      {annotations.length > 0 && (
        <ul className="annotation-list">
          {annotations.map((a) => (
            <li key={a.id} className={`annotation severity-${a.severity}`}>
              <div className="issue-head">
                <span className={`severity-chip severity-${a.severity}`}>
                  {t(`mqm.severity.${a.severity}`)}
                </span>
                <span>{categoryName(t, a.category)}</span>
                <span className="annotation-author">{a.author}</span>
              </div>
              <q className="annotation-quote">{a.quote}</q>
              {(a.note || a.message) && <p className="annotation-note">{annotationNote(t, a)}</p>}
              <button type="button" className="link-button" onClick={() => props.onDelete(a.id)}>
                {t('annotations.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {props.formOpen && text !== undefined ? (
        <AnnotationForm
          key={`${props.initialSpan?.start ?? 0}-${props.initialSpan?.end ?? 0}`}
          text={text}
          {...(props.initialSpan ? { initialSpan: props.initialSpan } : {})}
          onSave={props.onSave}
          onCancel={props.onCloseForm}
        />
      ) : (
        text !== undefined &&
        text !== '' && (
          <div className="panel-actions">
            <button type="button" onClick={props.onOpenForm}>
              {t('annotations.add')} <kbd>a</kbd>
            </button>
          </div>
        )
      )}
    </section>
  );
}

function categoryName(t: (key: string) => string, category: string): string {
  for (const dimension of MQM_TYPOLOGY) {
    if (dimension.id === category) return t(dimension.key);
    const sub = dimension.subcategories.find((s) => s.id === category);
    if (sub) return `${t(dimension.key)} · ${t(sub.key)}`;
  }
  return category;
}

function AnnotationForm(props: {
  readonly text: string;
  readonly initialSpan?: { readonly start: number; readonly end: number };
  readonly onSave: Props['onSave'];
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [span, setSpan] = useState(props.initialSpan ?? { start: 0, end: 0 });
  const [category, setCategory] = useState('accuracy/mistranslation');
  const [severity, setSeverity] = useState<MqmSeverity>('minor');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const spanId = useId();
  const save = async () => {
    if (span.end <= span.start) {
      setError(t('annotations.selectSpan'));
      return;
    }
    setError(await props.onSave({ ...span, category, severity, note }));
  };
  return (
    <div
      className="annotation-form"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onCancel();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void save();
        }
      }}
    >
      <label className="field">
        <span>{t('annotations.span')}</span>
        <textarea
          readOnly
          autoFocus
          rows={3}
          value={props.text}
          aria-describedby={spanId}
          ref={(element) => {
            if (element && props.initialSpan && element.selectionEnd === 0)
              element.setSelectionRange(props.initialSpan.start, props.initialSpan.end);
          }}
          onSelect={(event) => {
            const area = event.currentTarget;
            setSpan({ start: area.selectionStart, end: area.selectionEnd });
          }}
          onKeyUp={(event) => {
            const area = event.currentTarget;
            setSpan({ start: area.selectionStart, end: area.selectionEnd });
          }}
        />
      </label>
      <p id={spanId} className="editor-hint">
        {span.end > span.start
          ? t('annotations.selected', { quote: props.text.slice(span.start, span.end) })
          : t('annotations.selectSpan')}
      </p>
      <label className="field">
        <span>{t('annotations.category')}</span>
        <select value={category} onChange={(event) => setCategory(event.target.value)}>
          {MQM_TYPOLOGY.map((dimension) => (
            <optgroup key={dimension.id} label={t(dimension.key)}>
              <option value={dimension.id}>{t(dimension.key)}</option>
              {dimension.subcategories.map((sub) => (
                <option key={sub.id} value={sub.id}>
                  {t(sub.key)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <fieldset className="field severity-choice">
        <legend>{t('annotations.severity')}</legend>
        {SEVERITIES.map((value) => (
          <label key={value} className="check">
            <input
              type="radio"
              name="severity"
              checked={severity === value}
              onChange={() => setSeverity(value)}
            />
            {t(`mqm.severity.${value}`)} ({MQM_SEVERITY_WEIGHTS[value]})
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('annotations.note')}</span>
        <input value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      {error && (
        <p role="alert" className="editor-error">
          {error}
        </p>
      )}
      <div className="panel-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('annotations.save')} <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </div>
  );
}
