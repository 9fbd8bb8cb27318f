// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { readFileSync } from 'node:fs';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { openAudarmaDb, type AudarmaDb } from '../../../src/storage/db.ts';
import { ensureDemoProject } from '../../../src/storage/demo.ts';
import { addAnnotation } from '../../../src/storage/annotations.ts';
import { applyActions, listRenderings } from '../../../src/storage/renderings.ts';
import { getSetting } from '../../../src/storage/settings.ts';
import { useWorkbench } from '../../../src/ui/app/useWorkbench.ts';
import { DashboardView } from '../../../src/ui/features/dashboard/DashboardView.tsx';
import { DEMO_DOCUMENT_ID, DEMO_PROJECT_ID } from '../../../src/core/demo/project.ts';
import { unitId } from '../../../src/core/model/ids.ts';
import type { MqmSeverity } from '../../../src/core/model/review.ts';
import { countWords } from '../../../src/core/review/mqm.ts';

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');
let counter = 0;
const unit = (index: number) => unitId(`${DEMO_DOCUMENT_ID}:u${index.toString(36).padStart(5, '0')}`);
const MIN = 60_000;

async function demoDb(): Promise<AudarmaDb> {
  const db = await openAudarmaDb(`dashboard-${Date.now()}-${counter++}`);
  await ensureDemoProject(db, demo, 'MT', 1000);
  return db;
}

/** The workbench as the app builds it, plus a button standing in for whatever writes and then reloads. */
function Harness({ db }: { readonly db: AudarmaDb }) {
  const workbench = useWorkbench(db, 'aigerim');
  if (workbench.status !== 'ready') return null;
  return (
    <>
      <button type="button" onClick={workbench.reload}>
        reload
      </button>
      <DashboardView workbench={workbench} />
    </>
  );
}

async function renderDashboard(db: AudarmaDb, language: 'en' | 'ru' | 'kk' = 'en') {
  const user = userEvent.setup();
  const i18n = await createI18nFor(language);
  render(
    <I18nextProvider i18n={i18n}>
      <Harness db={db} />
    </I18nextProvider>,
  );
  const score = await screen.findByRole('region', { name: /MQM|оценка качества MQM/i }, { timeout: 5000 });
  return { user, score };
}

async function englishWords(db: AudarmaDb): Promise<number> {
  return (await listRenderings(db, DEMO_DOCUMENT_ID, 'en')).reduce((sum, r) => sum + countWords(r.text), 0);
}

const annotate = (
  db: AudarmaDb,
  index: number,
  severity: MqmSeverity,
  category = 'accuracy/overly-literal',
) =>
  addAnnotation(db, {
    documentId: DEMO_DOCUMENT_ID,
    unitId: unit(index),
    lang: 'en',
    start: 0,
    end: 2,
    category,
    severity,
    author: 'aigerim',
    at: 5000,
  });

afterEach(() => vi.restoreAllMocks());

describe('DashboardView', () => {
  it('scores an unannotated document 100, passing, with every unit still machine translated', async () => {
    const db = await demoDb();
    const words = await englishWords(db);
    const { score } = await renderDashboard(db);
    expect(within(score).getByText('100.0')).toBeInTheDocument();
    expect(within(score).getByText('Pass')).toBeInTheDocument();
    expect(within(score).getByText(`Words evaluated: ${words} of ${words}`)).toBeInTheDocument();
    expect(screen.getByText('No errors annotated in this language yet.')).toBeInTheDocument();
    expect(
      screen.getByText('No post-edited units with a machine translation in this language.'),
    ).toBeInTheDocument();
    const states = screen.getByRole('region', { name: 'Progress by state' });
    const units = (await listRenderings(db, DEMO_DOCUMENT_ID, 'en')).length;
    expect(within(states).getByText(`Machine: ${units}`)).toBeInTheDocument();
    expect(within(states).getByText('Approved: 0')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Time spent' })).toHaveTextContent('No changes yet.');
  });

  it('annotating lowers the score and fills the category chart; a critical error fails the text', async () => {
    const db = await demoDb();
    const words = await englishWords(db);
    const { user, score } = await renderDashboard(db);
    await annotate(db, 1, 'major');
    await annotate(db, 3, 'minor', 'linguistic/spelling');
    await user.click(screen.getByRole('button', { name: 'reload' }));
    const expected = (100 - (6 / words) * 1000).toFixed(1);
    await waitFor(() => expect(within(score).getByText(expected)).toBeInTheDocument());
    expect(
      within(score).getByText('Penalty points: 6; per 1,000 words: ' + ((6 / words) * 1000).toFixed(1)),
    ).toBeInTheDocument();
    const chart = screen.getByRole('table', { name: 'Errors by category and severity' });
    const accuracy = within(chart).getByRole('row', { name: /^Accuracy/ });
    expect(
      within(accuracy)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['', '0', '1', '0', '0', '1']);
    const linguistic = within(chart).getByRole('row', { name: /^Linguistic conventions/ });
    expect(within(linguistic).getAllByRole('cell').at(-1)).toHaveTextContent('1');

    await annotate(db, 5, 'critical', 'accuracy/mistranslation');
    await user.click(screen.getByRole('button', { name: 'reload' }));
    await waitFor(() => expect(within(score).getByText('Fail')).toBeInTheDocument());
    expect(within(score).getByText('A critical error fails the text at any score.')).toBeInTheDocument();
    expect(
      within(accuracy)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['', '1', '1', '0', '0', '2']);
  });

  it('keeps the pass threshold as a project setting and refuses values outside 0–100', async () => {
    const db = await demoDb();
    await annotate(db, 1, 'minor');
    const words = await englishWords(db);
    const { user, score } = await renderDashboard(db);
    const passing = 100 - 1000 / words;
    await waitFor(() => expect(within(score).getByText('Pass')).toBeInTheDocument());
    const threshold = within(score).getByRole('spinbutton', { name: 'Pass threshold' });
    expect(threshold).toHaveValue(95);
    await user.clear(threshold);
    await user.type(threshold, '150');
    expect(threshold).toHaveAttribute('aria-invalid', 'true');
    expect(within(score).getByText('Enter a number from 0 to 100.')).toBeInTheDocument();
    await user.clear(threshold);
    await user.type(threshold, String(Math.ceil(passing * 10) / 10 + 0.1));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(score).getByText('Fail')).toBeInTheDocument());
    expect(within(score).getByRole('status')).toHaveTextContent(/Threshold saved: /);
    expect(await getSetting(db, `mqmPassThreshold:${DEMO_PROJECT_ID}`, 0)).toBeCloseTo(
      Math.ceil(passing * 10) / 10 + 0.1,
      5,
    );
  });

  it('counts only reviewed or annotated units when asked to', async () => {
    const db = await demoDb();
    await annotate(db, 1, 'major'); // "To pass to contents": 4 words
    await applyActions(
      db,
      { unitId: unit(0), documentId: DEMO_DOCUMENT_ID, lang: 'en' },
      [{ type: 'review' }],
      'dana',
      2000,
    );
    const first = (await listRenderings(db, DEMO_DOCUMENT_ID, 'en')).find((r) => r.unitId === unit(0))!;
    const words = await englishWords(db);
    const { user, score } = await renderDashboard(db);
    await user.selectOptions(
      within(score).getByRole('combobox', { name: 'Words evaluated' }),
      'Reviewed or annotated units only',
    );
    const evaluated = 4 + countWords(first.text);
    expect(within(score).getByText(`Words evaluated: ${evaluated} of ${words}`)).toBeInTheDocument();
    expect(within(score).getByText((100 - (5 / evaluated) * 1000).toFixed(1))).toBeInTheDocument();
  });

  it('shows post-editing effort and time spent from revisions, per language', async () => {
    const db = await demoDb();
    const target = (index: number, lang = 'en') => ({
      unitId: unit(index),
      documentId: DEMO_DOCUMENT_ID,
      lang,
    });
    const t0 = 1_000_000;
    await applyActions(
      db,
      target(1),
      [{ type: 'edit', text: 'Go to contents' }, { type: 'approve' }],
      'aigerim',
      t0,
    );
    await applyActions(db, target(0), [{ type: 'approve' }], 'aigerim', t0 + 2 * MIN);
    await applyActions(db, target(2), [{ type: 'review' }], 'aigerim', t0 + 60 * MIN);
    await applyActions(db, target(1, 'kk'), [{ type: 'edit', text: 'Мазмұнына өту' }], 'dana', t0);
    const en = await listRenderings(db, DEMO_DOCUMENT_ID, 'en');
    const length = (index: number) => en.find((r) => r.unitId === unit(index))!.text.length;
    const { user } = await renderDashboard(db);
    const effort = screen.getByRole('region', { name: 'Post-editing effort' });
    // 6 edits over 19 characters in the one changed unit; two unchanged units were approved or reviewed as they were.
    const overall = ((6 / (19 + length(0) + length(2))) * 100).toFixed(1);
    expect(within(effort).getByText(`Characters changed: ${overall}%`)).toBeInTheDocument();
    expect(
      within(effort).getByText('Units post-edited: 3; changed: 1; mean per unit: 10.5%'),
    ).toBeInTheDocument();
    expect(
      within(effort).getByRole('img', { name: 'Units by share of characters changed' }),
    ).toBeInTheDocument();
    const bins = within(effort).getByRole('list');
    expect(within(bins).getByText('unchanged: units 2')).toBeInTheDocument();
    expect(within(bins).getByText('30–40 %: units 1')).toBeInTheDocument();
    const time = screen.getByRole('region', { name: 'Time spent' });
    expect(within(time).getByText('7 min')).toBeInTheDocument();
    expect(within(time).getByText('aigerim: 7 min, changes: 4')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Progress by state' })).toHaveTextContent('Approved: 2');

    await user.click(screen.getByRole('radio', { name: 'Kazakh' }));
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Progress by state' })).toHaveTextContent('Edited: 1'),
    );
    expect(screen.getByRole('region', { name: 'Post-editing effort' })).toHaveTextContent(
      'No post-edited units with a machine translation in this language.',
    );
    expect(screen.getByRole('region', { name: 'Time spent' })).toHaveTextContent('dana: 0 min, changes: 1');
  });

  it('exports the QA report as CSV and HTML with annotations, open issues and the score', async () => {
    const db = await demoDb();
    await annotate(db, 1, 'major');
    const saved: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((blob: Blob) => (saved.push(blob), 'blob:report')),
      revokeObjectURL: vi.fn(),
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = await renderDashboard(db);
    const report = screen.getByRole('region', { name: 'QA report' });
    await user.click(within(report).getByRole('button', { name: 'Export CSV report' }));
    await waitFor(
      () =>
        expect(within(report).getByRole('status')).toHaveTextContent(
          /^Saved municipal-police-kazakhstan\.en\.en\.qa-report\.csv: open QA issues \d+, annotations 1$/,
        ),
      { timeout: 10_000 },
    );
    expect(click).toHaveBeenCalledTimes(1);
    const csv = await saved[0]!.text();
    // A UTF-8 byte order mark first (Blob.text() decodes it away), so spreadsheets read the Cyrillic right.
    expect([...new Uint8Array(await saved[0]!.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.startsWith('kind,unit,lang,severity,category,description')).toBe(true);
    expect(csv).toContain('\r\nissue,2,en,major,accuracy/mistranslation,');
    expect(csv).toContain('annotation,2,en,major,accuracy/overly-literal,Overly literal,To,,aigerim,');
    expect(csv).toMatch(/\r\nscore,,en,pass,mqm,MQM score \d+\.\d \(pass threshold 95\)/);
    await act(async () => {
      await user.click(within(report).getByRole('button', { name: 'Export HTML report' }));
    });
    await waitFor(() => expect(saved).toHaveLength(2), { timeout: 10_000 });
    const html = await saved[1]!.text();
    expect(html).toContain('<h1>QA report</h1>');
    expect(html).toContain('<mark>To</mark>');
    expect(html).toContain('Annotated errors: 1');
  });

  it('speaks Russian', async () => {
    const db = await demoDb();
    const { score } = await renderDashboard(db, 'ru');
    expect(within(score).getByText('Пройдено')).toBeInTheDocument();
    expect(within(score).getByText('100,0')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Казахский' })).toBeInTheDocument();
  });
});
