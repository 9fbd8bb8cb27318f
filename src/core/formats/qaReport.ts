import type { MqmSeverity } from '../model/review.ts';
import { roundScore, type MqmScore } from '../review/mqm.ts';
import { serialiseTable } from './csv.ts';

/** An open QA issue as the report lists it: unit number (1-based), the texts, and what the check found. */
export type QaReportIssue = {
  readonly unit: number;
  readonly check: string;
  readonly severity: 'minor' | 'major' | 'critical';
  readonly category: string;
  /** i18n key and parameters of the issue's message. */
  readonly messageKey: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The highlighted part of the target, "" when the issue points at no span. */
  readonly highlighted: string;
  /** Where the highlighted part starts in the target (UTF-16 offset); the first occurrence is marked without it. */
  readonly highlightAt?: number;
  readonly target: string;
};

export type QaReportAnnotation = {
  readonly unit: number;
  readonly category: string;
  readonly severity: MqmSeverity;
  readonly quote: string;
  readonly note?: string;
  readonly author: string;
  readonly at: number;
};

export type QaReport = {
  readonly project: string;
  readonly document: string;
  /** Target language code. */
  readonly lang: string;
  readonly generatedAt: number;
  readonly score: MqmScore;
  readonly issues: readonly QaReportIssue[];
  readonly annotations: readonly QaReportAnnotation[];
};

/** Turns an i18n key into text: the caller passes its i18next `t`, core stays free of i18next. */
export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** The report's labels are i18n keys too; names of categories are resolved by the caller's `categoryName`. */
export type ReportText = {
  readonly t: Translate;
  readonly categoryName: (category: string) => string;
};

const isoTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const formatScore = (score: MqmScore): string =>
  score.score === undefined ? '' : roundScore(score.score).toFixed(1);

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula (CSV injection); a leading apostrophe makes
 * them show it as text. Reports are for reading, so the apostrophe is an acceptable price.
 */
const cell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export const QA_REPORT_CSV_HEADER = [
  'kind',
  'unit',
  'lang',
  'severity',
  'category',
  'description',
  'highlighted',
  'text',
  'author',
  'check',
] as const;

/**
 * One CSV table: first a "score" row (score, pass/fail, penalty per 1,000 words in the description), then a row
 * per open QA issue and per annotation, in unit order. Column names and the kind, severity and category columns
 * are stable ids for filtering; description is in the UI language.
 */
export function qaReportCsv(report: QaReport, text: ReportText): string {
  const { t } = text;
  const s = report.score;
  const rows: string[][] = [
    [
      'score',
      '',
      report.lang,
      s.passed ? 'pass' : 'fail',
      'mqm',
      t('qaReport.scoreLine', {
        score: formatScore(s) || '—',
        threshold: s.threshold,
        penalty: s.penalty,
        words: s.evaluatedWords,
      }),
      '',
      '',
      '',
      '',
    ],
  ];
  const ordered = [
    ...report.issues.map((i) => ({ unit: i.unit, row: issueRow(i, report.lang, t) })),
    ...report.annotations.map((a) => ({ unit: a.unit, row: annotationRow(a, report.lang, text) })),
  ].sort((a, b) => a.unit - b.unit);
  for (const { row } of ordered) rows.push(row);
  return serialiseTable(
    QA_REPORT_CSV_HEADER,
    rows.map((r) => r.map(cell)),
  );
}

function issueRow(i: QaReportIssue, lang: string, t: Translate): string[] {
  return [
    'issue',
    String(i.unit),
    lang,
    i.severity,
    i.category,
    t(i.messageKey, i.params),
    i.highlighted,
    i.target,
    '',
    i.check,
  ];
}

function annotationRow(a: QaReportAnnotation, lang: string, text: ReportText): string[] {
  return [
    'annotation',
    String(a.unit),
    lang,
    a.severity,
    a.category,
    a.note ? `${text.categoryName(a.category)}: ${a.note}` : text.categoryName(a.category),
    a.quote,
    '',
    a.author,
    '',
  ];
}

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const STYLE = `body{font:14px/1.45 system-ui,'Segoe UI','Noto Sans',sans-serif;color:#1d2330;margin:32px auto;max-width:1100px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}.meta{color:#5b6475;margin:0}
.score{display:flex;gap:20px;align-items:center;margin:20px 0;padding:16px;border:1px solid #e2e5ec;border-radius:6px}
.score strong{font-size:40px}.pass{color:#1a7f37}.fail{color:#c62828}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #e2e5ec;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f7f9}td.n{text-align:right}.sev-critical{color:#c62828;font-weight:600}.sev-major{color:#9a6700;font-weight:600}
mark{background:#fff4d6}`;

/** A self-contained HTML page (inline style, no script) with the score, the open QA issues and the annotations. */
export function qaReportHtml(report: QaReport, text: ReportText, uiLang = 'en'): string {
  const { t } = text;
  const s = report.score;
  const e = escapeHtml;
  const verdict =
    s.score === undefined ? t('qaReport.notScored') : s.passed ? t('qaReport.pass') : t('qaReport.fail');
  const severity = (v: string) => `<td class="sev-${e(v)}">${e(t(`mqm.severity.${v}`))}</td>`;
  const mark = (target: string, highlighted: string, at?: number): string => {
    const start =
      at !== undefined && target.slice(at, at + highlighted.length) === highlighted
        ? at
        : highlighted
          ? target.indexOf(highlighted)
          : -1;
    if (start < 0) return e(target);
    const end = start + highlighted.length;
    return `${e(target.slice(0, start))}<mark>${e(highlighted)}</mark>${e(target.slice(end))}`;
  };
  const issues = report.issues
    .map(
      (i) =>
        `<tr><td class="n">${i.unit}</td>${severity(i.severity)}<td>${e(text.categoryName(i.category))}</td>` +
        `<td>${e(t(i.messageKey, i.params))}</td><td>${mark(i.target, i.highlighted, i.highlightAt)}</td></tr>`,
    )
    .join('\n');
  const annotations = report.annotations
    .map(
      (a) =>
        `<tr><td class="n">${a.unit}</td>${severity(a.severity)}<td>${e(text.categoryName(a.category))}</td>` +
        `<td><mark>${e(a.quote)}</mark></td><td>${e(a.note ?? '')}</td><td>${e(a.author)}</td></tr>`,
    )
    .join('\n');
  const severities = (['critical', 'major', 'minor', 'neutral'] as const)
    .map((v) => `${e(t(`mqm.severity.${v}`))}: ${s.bySeverity[v]}`)
    .join(' · ');
  const empty = (cols: number) => `<tr><td colspan="${cols}">${e(t('qaReport.none'))}</td></tr>`;
  return `<!doctype html>
<html lang="${e(uiLang)}">
<head><meta charset="utf-8"><title>${e(t('qaReport.title'))} — ${e(report.document)}</title><style>${STYLE}</style></head>
<body>
<h1>${e(t('qaReport.title'))}</h1>
<p class="meta">${e(report.project)} — ${e(report.document)}</p>
<p class="meta">${e(t('qaReport.meta', { lang: report.lang, time: isoTime(report.generatedAt) }))}</p>
<section class="score" aria-label="${e(t('qaReport.score'))}">
<strong class="${s.passed ? 'pass' : 'fail'}">${e(formatScore(s) || '—')}</strong>
<div><div class="${s.passed ? 'pass' : 'fail'}">${e(verdict)}${s.hasCritical ? ` — ${e(t('qaReport.critical'))}` : ''}</div>
<div>${e(t('qaReport.scoreLine', { score: formatScore(s) || '—', threshold: s.threshold, penalty: s.penalty, words: s.evaluatedWords }))}</div>
<div>${severities}</div></div>
</section>
<h2>${e(t('qaReport.issues', { count: report.issues.length }))}</h2>
<table><thead><tr><th>${e(t('qaReport.unit'))}</th><th>${e(t('qaReport.severity'))}</th><th>${e(t('qaReport.category'))}</th><th>${e(t('qaReport.message'))}</th><th>${e(t('qaReport.text'))}</th></tr></thead>
<tbody>
${issues || empty(5)}
</tbody></table>
<h2>${e(t('qaReport.annotations', { count: report.annotations.length }))}</h2>
<table><thead><tr><th>${e(t('qaReport.unit'))}</th><th>${e(t('qaReport.severity'))}</th><th>${e(t('qaReport.category'))}</th><th>${e(t('qaReport.quote'))}</th><th>${e(t('qaReport.note'))}</th><th>${e(t('qaReport.author'))}</th></tr></thead>
<tbody>
${annotations || empty(6)}
</tbody></table>
</body>
</html>
`;
}
