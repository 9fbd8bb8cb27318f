// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { readFileSync } from 'node:fs';
import { createI18n } from '../../../src/i18n/i18n.ts';
import { openAudarmaDb, type AudarmaDb } from '../../../src/storage/db.ts';
import { ensureDemoProject } from '../../../src/storage/demo.ts';
import { listDocuments } from '../../../src/storage/documents.ts';
import { useWorkbench } from '../../../src/ui/app/useWorkbench.ts';
import { TransferView } from '../../../src/ui/features/transfer/TransferView.tsx';
import { DEMO_PROJECT_ID } from '../../../src/core/demo/project.ts';

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');
let counter = 0;

function Harness({ db, hidden = false }: { readonly db: AudarmaDb; readonly hidden?: boolean }) {
  const workbench = useWorkbench(db, 'tester');
  return workbench.status === 'ready' ? (
    <div hidden={hidden}>
      <TransferView workbench={workbench} />
    </div>
  ) : (
    <p>loading</p>
  );
}

type Download = { fileName: string; blob: Blob };
let downloads: Download[] = [];

beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) downloads.push({ fileName: this.download, blob });
  });
});
afterEach(() => vi.restoreAllMocks());

async function renderView(hidden = false) {
  const db = await openAudarmaDb(`transfer-ui-${Date.now()}-${counter++}`);
  await ensureDemoProject(db, demo, 'tester', 1000);
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n()}>
      <Harness db={db} hidden={hidden} />
    </I18nextProvider>,
  );
  await screen.findByRole('heading', { name: 'Export a document', hidden: true });
  return { db, user };
}

const status = () => screen.getAllByRole('status').find((s) => s.classList.contains('transfer-status'));

describe('Import & export view', () => {
  it('exports the English text as a .txt download with the right name and type', async () => {
    const { user } = await renderView();
    await user.click(screen.getByRole('radio', { name: 'Plain text' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'English');
    await user.click(screen.getByRole('button', { name: /^Export/ }));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    const [download] = downloads;
    expect(download?.fileName).toBe('municipal-police-kazakhstan.en.txt');
    expect(download?.blob.type).toBe('text/plain;charset=utf-8');
    const text = await download?.blob.text();
    expect(text?.startsWith('Municipal police in the Republic of Kazakhstan')).toBe(true);
    // The demo is an untouched machine translation: by default that is what the text holds, and it says so.
    expect(status()).toHaveTextContent(
      'Saved municipal-police-kazakhstan.en.txt: approved 0, machine translation 75, not approved 0, gaps marked […] 0.',
    );
  });

  it('exports approved text only when asked, every unapproved unit marked as a gap', async () => {
    const { user } = await renderView();
    await user.click(screen.getByRole('radio', { name: 'Plain text' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'English');
    expect(screen.getByRole('radio', { name: 'Approved, else the machine translation' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Approved only' }));
    await user.click(screen.getByRole('button', { name: /^Export/ }));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    const text = await downloads[0]?.blob.text();
    expect(text?.startsWith('[…]')).toBe(true);
    expect(text).not.toContain('Municipal police');
    expect(status()).toHaveTextContent(
      'approved 0, machine translation 0, not approved 0, gaps marked […] 75.',
    );
  });

  it('exports XLIFF 2.1 for Kazakh in Latin letters by keyboard shortcut', async () => {
    const { user } = await renderView();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Kazakh');
    await user.click(screen.getByRole('radio', { name: 'Latin (2021 alphabet)' }));
    await user.keyboard('{Control>}{Shift>}E{/Shift}{/Control}');
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    expect(downloads[0]?.fileName).toBe('municipal-police-kazakhstan.ru-kk-Latn.xlf');
    expect(downloads[0]?.blob.type).toBe('application/xliff+xml');
    expect(await downloads[0]?.blob.text()).toContain('trgLang="kk-Latn"');
  });

  it('shows the file and line of a broken XLIFF and writes nothing', async () => {
    const { db, user } = await renderView();
    const xml =
      '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru">\n<file id="f1">\n<unit id="u1"><segment><source>a</source></segment>\n</file>\n</xliff>\n';
    await user.upload(
      screen.getByLabelText(/File to import/),
      new File([xml], 'broken.xlf', { type: 'application/xliff+xml' }),
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(/^broken\.xlf, line 5: /);
    expect(screen.queryByRole('button', { name: /Add document/ })).not.toBeInTheDocument();
    expect(await listDocuments(db, DEMO_PROJECT_ID)).toHaveLength(1);
  });

  it('previews a text file, then adds it as a new document on confirmation', async () => {
    const { db, user } = await renderView();
    const text = 'Муниципальная полиция\n\nОна работает. Она нужна.\n';
    await user.upload(
      screen.getByLabelText(/File to import/),
      new File([text], 'police.ru.txt', { type: 'text/plain' }),
    );
    const preview = await screen.findByRole(
      'region',
      { name: 'Preview of police.ru.txt' },
      { timeout: 10_000 },
    );
    expect(within(preview).getByText('Units').nextElementSibling).toHaveTextContent('3');
    expect(within(preview).getByText('Languages').nextElementSibling).toHaveTextContent('Russian');
    expect(await listDocuments(db, DEMO_PROJECT_ID)).toHaveLength(1);
    const name = within(preview).getByRole('textbox', { name: 'Name of the new document' });
    await user.clear(name);
    await user.type(name, 'Police (ru)');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(status()).toHaveTextContent('Added “Police (ru)”: 3 units.'), {
      timeout: 10_000,
    });
    const documents = await listDocuments(db, DEMO_PROJECT_ID);
    expect(documents.map((d) => [d.name, d.unitCount])).toContainEqual(['Police (ru)', 3]);
    expect(screen.queryByRole('region', { name: /Preview/ })).not.toBeInTheDocument();
  });

  it('backs up with Ctrl+S and restores the backup as a second project', async () => {
    const { db, user } = await renderView();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    const backup = downloads[0];
    if (!backup) throw new Error('no backup');
    expect(backup.fileName).toMatch(
      /^municipal-police-in-the-republic-of-kazakhstan-\d{4}-\d{2}-\d{2}\.audarma\.json$/,
    );
    expect(backup.blob.type).toBe('application/json');
    const json = await backup.blob.text();
    await user.upload(screen.getByLabelText(/File to import/), new File([json], backup.fileName));
    const restore = await screen.findByRole(
      'region',
      { name: 'Backup of the project “Municipal police in the Republic of Kazakhstan”' },
      { timeout: 10_000 },
    );
    const keepBoth = await within(restore).findByRole('radio', { name: /Keep both/ });
    expect(keepBoth).toBeChecked();
    await user.click(within(restore).getByRole('button', { name: 'Restore' }));
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        'Restored “Municipal police in the Republic of Kazakhstan (restored copy)”.',
      ),
    );
    const projects = await db.getAll('projects');
    expect(projects).toHaveLength(2);
    const copy = projects.find((p) => p.id !== DEMO_PROJECT_ID);
    expect((await listDocuments(db, copy?.id ?? ''))[0]?.unitCount).toBe(
      (await listDocuments(db, DEMO_PROJECT_ID))[0]?.unitCount,
    );
  });

  it('leaves the shortcuts alone while its tab panel is hidden', async () => {
    await renderView(true);
    // fireEvent returns false when a handler called preventDefault, which the view does for its shortcuts.
    expect(fireEvent.keyDown(document, { key: 's', ctrlKey: true })).toBe(true);
    expect(fireEvent.keyDown(document, { key: 'E', ctrlKey: true, shiftKey: true })).toBe(true);
    expect(fireEvent.keyDown(document, { key: 'o', ctrlKey: true })).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(downloads).toEqual([]);
  });
});
