import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderingId } from '../../../core/model/ids.ts';
import type { Annotation } from '../../../core/model/review.ts';
import { dimensionKey, findCategory, type MqmScore } from '../../../core/review/mqm.ts';
import {
  qaReportCsv,
  qaReportHtml,
  type QaReport,
  type QaReportIssue,
  type ReportText,
} from '../../../core/formats/qaReport.ts';
import { listDismissals } from '../../../storage/dismissals.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { checkPairOf } from '../../hooks/checkPairOf.ts';
import { runJob } from '../../hooks/runJob.ts';
import { downloadText } from '../../components/download.ts';
import { annotationNote } from '../annotations/annotationNote.ts';

type Format = 'html' | 'csv';

/** Runs every QA check on the language in the worker and keeps the issues nobody marked "not an error". */
async function openIssues(
  workbench: Workbench,
  lang: string,
  onProgress: (fraction: number) => void,
): Promise<QaReportIssue[]> {
  const { units, renderings, project, glossary, db, document } = workbench;
  const perLang = renderings.get(lang);
  // The same pairs as the review grid's, units an alignment left empty included.
  const pairs = units.flatMap((unit) => checkPairOf(unit, lang, perLang?.get(unit.id)?.text));
  const [output, dismissals] = await Promise.all([
    runJob(
      'checkDocument',
      { pairs, sourceLang: project.sourceLang, targetLang: lang, entries: glossary, spelling: true },
      onProgress,
    ),
    listDismissals(db, document.id),
  ]);
  const dismissed = new Set(dismissals.map((d) => `${d.renderingId}|${d.issueKey}`));
  const index = new Map(units.map((u) => [u.id as string, u.index]));
  return output.issues.flatMap(([unitId, issues]) => {
    const target = perLang?.get(unitId as never)?.text ?? '';
    return issues
      .filter((issue) => !dismissed.has(`${renderingId(unitId as never, lang)}|${issue.id}`))
      .map((issue): QaReportIssue => {
        const span = issue.target?.[0];
        return {
          unit: (index.get(unitId) ?? 0) + 1,
          check: issue.check,
          severity: issue.severity,
          category: issue.category,
          messageKey: issue.messageKey,
          ...(issue.params ? { params: issue.params } : {}),
          highlighted: span ? target.slice(span.start, span.end) : '',
          ...(span ? { highlightAt: span.start } : {}),
          target,
        };
      });
  });
}

const baseName = (name: string): string => name.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-');

/** Export buttons for the QA report of one language: open QA issues, annotations and the MQM score. */
export function ReportExport({
  workbench,
  lang,
  score,
  annotations,
}: {
  readonly workbench: Workbench;
  readonly lang: string;
  readonly score: MqmScore;
  readonly annotations: readonly Annotation[];
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [busy, setBusy] = useState<number | undefined>(undefined);
  const [message, setMessage] = useState('');

  const exportReport = async (format: Format) => {
    setBusy(0);
    setMessage('');
    try {
      const issues = await openIssues(workbench, lang, setBusy);
      const index = new Map(workbench.units.map((u) => [u.id as string, u.index]));
      const report: QaReport = {
        project: workbench.project.name,
        document: workbench.document.name,
        lang,
        generatedAt: Date.now(),
        score,
        issues,
        annotations: annotations
          .map((a) => ({
            unit: (index.get(a.unitId) ?? 0) + 1,
            category: a.category,
            severity: a.severity,
            quote: a.quote,
            author: a.author,
            at: a.at,
            ...(a.note || a.message ? { note: annotationNote(t, a) } : {}),
          }))
          .sort((a, b) => a.unit - b.unit || a.at - b.at),
      };
      const text: ReportText = {
        t: (key, params) => t(key, params ?? {}),
        categoryName: (category) => t(findCategory(category)?.key ?? dimensionKey(category)),
      };
      const file = `${baseName(workbench.document.name)}.${lang}.qa-report.${format}`;
      if (format === 'html') downloadText(file, 'text/html', qaReportHtml(report, text, i18n.language));
      // A BOM so that spreadsheet programs read the Cyrillic as UTF-8.
      else downloadText(file, 'text/csv', `\uFEFF${qaReportCsv(report, text)}`);
      setMessage(
        t('dashboard.report.saved', { file, issues: issues.length, annotations: annotations.length }),
      );
    } catch (error) {
      setMessage(
        t('dashboard.report.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(undefined);
    }
  };

  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  return (
    <section className="dash-card dash-report" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dashboard.report.heading')}</h2>
      <p className="dash-muted">{t('dashboard.report.help')}</p>
      <div className="dash-actions">
        <button type="button" disabled={busy !== undefined} onClick={() => void exportReport('html')}>
          {t('dashboard.report.html')}
        </button>
        <button type="button" disabled={busy !== undefined} onClick={() => void exportReport('csv')}>
          {t('dashboard.report.csv')}
        </button>
      </div>
      <p role="status" className="dash-muted">
        {busy !== undefined ? t('dashboard.report.running', { percent: percent.format(busy) }) : message}
      </p>
    </section>
  );
}
