// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { readFileSync } from 'node:fs';
import { createI18n } from '../../../src/i18n/i18n.ts';
import { openAudarmaDb, type AudarmaDb } from '../../../src/storage/db.ts';
import { ensureDemoProject } from '../../../src/storage/demo.ts';
import { classifyStorageError } from '../../../src/storage/errors.ts';
import { readProjectBundle } from '../../../src/storage/backup.ts';
import { serialiseBundle } from '../../../src/core/formats/backup.ts';
import { useWorkbench } from '../../../src/ui/app/useWorkbench.ts';
import { TransferView } from '../../../src/ui/features/transfer/TransferView.tsx';
import { DEMO_PROJECT_ID } from '../../../src/core/demo/project.ts';

const fullDisk = () =>
  classifyStorageError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
const failing = vi.hoisted(() => ({ import: false, restore: false }));

vi.mock('../../../src/storage/importDocumentRows.ts', async (original) => {
  const real = await original<typeof import('../../../src/storage/importDocumentRows.ts')>();
  return {
    ...real,
    importDocumentRows: (...args: Parameters<typeof real.importDocumentRows>) =>
      failing.import ? Promise.reject(fullDisk()) : real.importDocumentRows(...args),
  };
});
vi.mock('../../../src/storage/backup.ts', async (original) => {
  const real = await original<typeof import('../../../src/storage/backup.ts')>();
  return {
    ...real,
    restoreProjectBundle: (...args: Parameters<typeof real.restoreProjectBundle>) =>
      failing.restore ? Promise.reject(fullDisk()) : real.restoreProjectBundle(...args),
  };
});

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');
let counter = 0;

function Harness({ db }: { readonly db: AudarmaDb }) {
  const workbench = useWorkbench(db, 'tester');
  return workbench.status === 'ready' ? <TransferView workbench={workbench} /> : <p>loading</p>;
}

async function renderView() {
  const db = await openAudarmaDb(`transfer-failures-${Date.now()}-${counter++}`);
  await ensureDemoProject(db, demo, 'tester', 1000);
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n()}>
      <Harness db={db} />
    </I18nextProvider>,
  );
  await screen.findByRole('heading', { name: 'Export a document' });
  return { db, user };
}

const status = () => screen.getAllByRole('status').find((s) => s.classList.contains('transfer-status'));
const QUOTA =
  /^The browser has no more room for Audarma's data\. Free some space or export and remove a project\./;

beforeEach(() => {
  failing.import = false;
  failing.restore = false;
});

describe('import and restore on a full disk', () => {
  it('an import says the disk is full, in the words approve and the glossary use', async () => {
    const { user } = await renderView();
    failing.import = true;
    await user.upload(
      screen.getByLabelText(/File to import/),
      new File(['Один.\n\nДва.\n'], 'two.ru.txt', { type: 'text/plain' }),
    );
    const preview = await screen.findByRole('region', { name: 'Preview of two.ru.txt' }, { timeout: 10_000 });
    await user.click(within(preview).getByRole('button', { name: /Add document/ }));
    await waitFor(() => expect(status()).toHaveTextContent(QUOTA));
    expect(status()?.textContent).not.toMatch(/^Failed/);
    expect(screen.queryByRole('progressbar', { name: /Import/ })).not.toBeInTheDocument();
  });

  it('a restore says the disk is full, and leaves no progress bar behind', async () => {
    const { db, user } = await renderView();
    const json = serialiseBundle(await readProjectBundle(db, DEMO_PROJECT_ID, 1));
    failing.restore = true;
    await user.upload(screen.getByLabelText(/File to import/), new File([json], 'backup.audarma.json'));
    const restore = await screen.findByRole(
      'region',
      { name: /^Backup of the project/ },
      { timeout: 10_000 },
    );
    await within(restore).findByRole('radio', { name: /Keep both/ });
    await user.click(within(restore).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(status()).toHaveTextContent(QUOTA));
    expect(within(restore).queryByRole('progressbar')).not.toBeInTheDocument();
  });
});

/** A file that says it is `size` bytes long and fails the test if anything reads it. */
function hugeFile(name: string, size: number): { file: File; read: ReturnType<typeof vi.fn> } {
  const file = new File(['<xliff/>'], name);
  const read = vi.fn(() => Promise.reject(new Error('the file was read')));
  Object.defineProperty(file, 'size', { value: size });
  Object.assign(file, { arrayBuffer: read, text: read, stream: read, slice: read });
  return { file, read };
}

describe('a file past the size limit', () => {
  it('is refused by its size, with its name and the limit, before a byte is read', async () => {
    const { user } = await renderView();
    const { file, read } = hugeFile('huge.xlf', 200 * 1024 * 1024);
    await user.upload(screen.getByLabelText(/File to import/), file);
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        'huge.xlf is too large to open (200 MB; the largest file Audarma reads is 64 MB). Split it into smaller files.',
      ),
    );
    expect(read).not.toHaveBeenCalled();
    expect(screen.queryByRole('progressbar', { name: /Import/ })).not.toBeInTheDocument();
  });

  it('a file of exactly the limit is read', async () => {
    const { user } = await renderView();
    const { file, read } = hugeFile('edge.xlf', 64 * 1024 * 1024);
    await user.upload(screen.getByLabelText(/File to import/), file);
    await waitFor(() => expect(read).toHaveBeenCalled());
  });
});
