import { useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rowsFromUnits, type AlignRow } from '../../../core/align/edit.ts';
import type { Lang } from '../../../core/model/lang.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { runJob } from '../../hooks/runJob.ts';
import { choosePivot, pivotSegments, type Pivot } from './pivot.ts';
import { glossaryAlignPairs } from '../../../core/align/glossaryPairs.ts';
import { useAlignProblemText } from './useAlignProblemText.ts';
import { FileInput } from '../../components/FileInput.tsx';

/** An alignment under review: the imported (or stored) texts of one language against the pivot units. */
export type AlignSession = {
  readonly lang: Lang;
  readonly role: 'source' | 'target';
  readonly pivot: Pivot;
  readonly rows: readonly AlignRow[];
  /** Where the rows came from: a newly imported file, or the texts the units already have. */
  readonly origin: { readonly kind: 'import'; readonly file: string } | { readonly kind: 'stored' };
};

/** The texts the units already have in `lang` (sources for the source language), by unit index. */
export function storedTexts(workbench: Workbench, lang: Lang): string[] {
  if (lang === workbench.project.sourceLang) return workbench.units.map((u) => u.source);
  const perUnit = workbench.renderings.get(lang);
  return workbench.units.map((u) => perUnit?.get(u.id)?.text ?? '');
}

/**
 * Chooses what to align: a plain-text version of the open document in one of the project's languages (a file or
 * pasted text), aligned in the worker against the units' pivot text; or the alignment the units already have.
 */
export function AlignSetup({
  workbench,
  initialLang,
  onReady,
}: {
  readonly workbench: Workbench;
  /** Language chosen last time (after an alignment was applied or discarded). */
  readonly initialLang?: Lang | undefined;
  readonly onReady: (session: AlignSession) => void;
}) {
  const { t } = useTranslation();
  const problemText = useAlignProblemText();
  const id = useId();
  const { project, units } = workbench;
  const langs = [project.sourceLang, ...project.targetLangs.filter((l) => l !== project.sourceLang)];
  const [lang, setLang] = useState<Lang>(() =>
    initialLang && langs.includes(initialLang)
      ? initialLang
      : units.some((u) => u.source.trim() !== '')
        ? (project.targetLangs.find((l) => (workbench.renderings.get(l)?.size ?? 0) === 0) ??
          project.sourceLang)
        : project.sourceLang,
  );
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | undefined>(undefined);
  const [pasted, setPasted] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const [onePerLine, setOnePerLine] = useState(false);
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const choice = useMemo(() => choosePivot(project, units, lang), [project, units, lang]);
  const role = lang === project.sourceLang ? 'source' : 'target';
  const existing = useMemo(
    () => storedTexts(workbench, lang).filter((text) => text.trim() !== '').length,
    [workbench, lang],
  );
  const language = t(`languageInText.${lang}`);
  const hasInput = file !== undefined || pasted.trim() !== '';

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0];
    setError(undefined);
    setFile(chosen ? { name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) } : undefined);
  };

  const align = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice.ok || !hasInput || progress !== undefined) return;
    const { pivot } = choice;
    const name = file?.name ?? t('align.pastedText');
    setError(undefined);
    setProgress(0);
    try {
      const output = await runJob(
        'align',
        {
          bytes: file?.bytes ?? new TextEncoder().encode(pasted),
          lang,
          onePerLine,
          pivot: pivotSegments(units, pivot),
          pivotLang: pivot.lang,
          ...glossaryAlignPairs(workbench.glossary, pivot.lang, lang),
        },
        setProgress,
      );
      if (output.kind === 'error') setError(problemText(output.problem, name, language));
      else onReady({ lang, role, pivot, rows: output.rows, origin: { kind: 'import', file: name } });
    } catch (failure) {
      setError(t('align.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setProgress(undefined);
    }
  };

  const editStored = () => {
    if (!choice.ok) return;
    const rows = rowsFromUnits(
      storedTexts(workbench, lang),
      units.map((u) => u.alignment?.[lang]?.score ?? u.alignScore),
      lang,
    );
    onReady({ lang, role, pivot: choice.pivot, rows, origin: { kind: 'stored' } });
  };

  return (
    <form className="align-setup" onSubmit={(e) => void align(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('align.title')}</h2>
      <p className="align-hint">{t('align.intro')}</p>
      <div className="align-fields">
        <label>
          {t('align.language')}
          <select value={lang} onChange={(e) => setLang(e.currentTarget.value)}>
            {langs.map((l) => (
              <option key={l} value={l}>
                {l === project.sourceLang
                  ? t('align.sourceOption', { language: t(`language.${l}`) })
                  : t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <FileInput
          label={t('align.file')}
          accept=".txt,text/plain"
          inputRef={fileInput}
          chosen={file?.name ?? null}
          onChange={(e) => void onFile(e)}
        />
        {file && (
          <button
            type="button"
            onClick={() => {
              if (fileInput.current) fileInput.current.value = '';
              setFile(undefined);
            }}
          >
            {t('align.clearFile')}
          </button>
        )}
        <label className="align-check">
          <input
            type="checkbox"
            checked={onePerLine}
            onChange={(e) => setOnePerLine(e.currentTarget.checked)}
          />
          {t('align.onePerLine')}
        </label>
      </div>
      <label className="align-paste">
        {t('align.paste')}
        <textarea
          value={pasted}
          onChange={(e) => setPasted(e.currentTarget.value)}
          rows={5}
          disabled={file !== undefined}
        />
      </label>
      {choice.ok ? (
        <p className="align-hint">
          {t(choice.pivot.role === 'source' ? 'align.pivotSource' : 'align.pivotMt', {
            language: t(`languageInText.${choice.pivot.lang}`),
          })}{' '}
          {existing > 0 &&
            t(role === 'source' ? 'align.replacesSources' : 'align.replacesRenderings', {
              count: existing,
              language,
            })}
        </p>
      ) : (
        <p className="align-warning">{t(`align.pivotProblem.${choice.problem}`, { language })}</p>
      )}
      <div className="align-actions">
        <button
          type="submit"
          className="primary"
          disabled={!choice.ok || !hasInput || progress !== undefined}
        >
          {t('align.run')}
        </button>
        <button
          type="button"
          onClick={editStored}
          disabled={!choice.ok || existing === 0 || progress !== undefined}
        >
          {t('align.editStored', { language })}
        </button>
        {progress !== undefined && (
          <span className="align-progress">
            <progress max={1} value={progress} aria-label={t('align.aligning')} />
            {t('align.percent', { percent: Math.round(progress * 100) })}
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="align-error">
          {error}
        </p>
      )}
    </form>
  );
}
