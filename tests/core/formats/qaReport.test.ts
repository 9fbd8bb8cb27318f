import { describe, expect, it } from 'vitest';
import { parseTable } from '../../../src/core/formats/csv.ts';
import {
  qaReportCsv,
  qaReportHtml,
  type QaReport,
  type ReportText,
} from '../../../src/core/formats/qaReport.ts';
import { scoreMqm } from '../../../src/core/review/mqm.ts';

// A stand-in for i18next's t: the key with its parameters, so the test sees what was asked for.
const text: ReportText = {
  t: (key, params) =>
    params
      ? `${key}(${Object.entries(params)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')})`
      : key,
  categoryName: (category) => `«${category}»`,
};

const report: QaReport = {
  project: 'Municipal police',
  document: 'police.en.txt',
  lang: 'en',
  generatedAt: Date.UTC(2026, 10, 25, 12, 0, 0),
  score: scoreMqm(
    [
      { category: 'accuracy/overly-literal', severity: 'major' },
      { category: 'linguistic/spelling', severity: 'minor' },
    ],
    1000,
  ),
  issues: [
    {
      unit: 7,
      check: 'numbers',
      severity: 'major',
      category: 'accuracy/mistranslation',
      messageKey: 'checks.numbers.missing',
      params: { number: '2015' },
      highlighted: '2016',
      target: 'In 2016 the <b>service</b> was created',
    },
  ],
  annotations: [
    {
      unit: 2,
      category: 'accuracy/overly-literal',
      severity: 'major',
      quote: 'To pass',
      note: 'calque of «перейти»',
      author: 'aigerim',
      at: 1,
    },
    { unit: 9, category: 'linguistic/spelling', severity: 'minor', quote: '=SUM(A1)', author: 'dana', at: 2 },
  ],
};

describe('QA report, CSV', () => {
  it('has a score row, then issues and annotations in unit order, readable back as a table', () => {
    const parsed = parseTable(qaReportCsv(report, text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.header).toEqual([
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
    ]);
    const rows = parsed.value.rows.map((r) => r.cells);
    expect(rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['score', '', 'fail', 'mqm'],
      ['annotation', '2', 'major', 'accuracy/overly-literal'],
      ['issue', '7', 'major', 'accuracy/mistranslation'],
      ['annotation', '9', 'minor', 'linguistic/spelling'],
    ]);
    expect(rows[0]![5]).toBe('qaReport.scoreLine(score=94.0, threshold=95, penalty=6, words=1000)');
    expect(rows[1]![5]).toBe('«accuracy/overly-literal»: calque of «перейти»');
    expect(rows[2]![5]).toBe('checks.numbers.missing(number=2015)');
    expect(rows[2]![6]).toBe('2016');
    expect(rows[2]![9]).toBe('numbers');
  });

  it('keeps spreadsheets from running a marked text as a formula', () => {
    const parsed = parseTable(qaReportCsv(report, text));
    expect(parsed.ok && parsed.value.rows[3]?.cells[6]).toBe("'=SUM(A1)");
  });

  it('says pass for a clean text', () => {
    const clean = qaReportCsv({ ...report, score: scoreMqm([], 500), issues: [], annotations: [] }, text);
    const parsed = parseTable(clean);
    expect(parsed.ok && parsed.value.rows.map((r) => r.cells[3])).toEqual(['pass']);
  });
});

describe('QA report, HTML', () => {
  const html = qaReportHtml(report, text, 'ru');

  it('is one self-contained page in the UI language, with no script', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="ru">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=/i);
  });

  it('shows the score and the verdict', () => {
    expect(html).toContain('>94.0</strong>');
    expect(html).toContain('class="fail">qaReport.fail');
  });

  it('escapes every text and marks the highlighted part of the target', () => {
    expect(html).toContain('In <mark>2016</mark> the &#60;b&#62;service&#60;/b&#62; was created');
    expect(html).not.toContain('<b>service');
    expect(html).toContain('<mark>To pass</mark>');
    expect(html).toContain('calque of «перейти»');
    expect(html).toContain('«accuracy/overly-literal»');
  });

  it('marks the highlighted occurrence the check pointed at, not the first one', () => {
    const issue = report.issues[0]!;
    const twice = qaReportHtml(
      {
        ...report,
        issues: [
          { ...issue, target: 'the service and the service', highlighted: 'service', highlightAt: 20 },
        ],
      },
      text,
    );
    expect(twice).toContain('the service and the <mark>service</mark>');
    const stale = qaReportHtml(
      {
        ...report,
        issues: [{ ...issue, target: 'the service and the service', highlighted: 'service', highlightAt: 2 }],
      },
      text,
    );
    expect(stale).toContain('the <mark>service</mark> and the service');
  });

  it('lists issues and annotations with their counts and says so when there are none', () => {
    expect(html).toContain('qaReport.issues(count=1)');
    expect(html).toContain('qaReport.annotations(count=2)');
    const empty = qaReportHtml({ ...report, issues: [], annotations: [], score: scoreMqm([], 0) }, text);
    expect(empty.match(/qaReport\.none/g)).toHaveLength(2);
    expect(empty).toContain('qaReport.notScored');
    expect(empty).toContain('>—</strong>');
  });

  it('fails a text with a critical error whatever its score', () => {
    const critical = qaReportHtml(
      { ...report, score: scoreMqm([{ category: 'accuracy', severity: 'critical' }], 100_000) },
      text,
    );
    expect(critical).toContain('>99.8</strong>');
    expect(critical).toContain('qaReport.fail — qaReport.critical');
  });
});
