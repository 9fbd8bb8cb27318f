// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { serialiseTbx, parseTbx } from '../../../src/core/formats/tbx.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import { listEntries } from '../../../src/storage/terms.ts';
import { listEntryHistory } from '../../../src/storage/glossary.ts';
import { DEMO_PROJECT_ID } from '../../../src/core/demo/project.ts';
import { englishColumn, entryRows, renderGlossary } from './harness.tsx';

const notice = () => screen.getByRole('status', { name: 'Glossary messages' });
const fileInput = () => screen.getByLabelText('Import TBX or CSV');

/** A TBX file from the core writer: one new concept, one that shares "Akim" with the demo glossary. */
const tbx = serialiseTbx([
  {
    id: entryId('c-deputy'),
    projectId: projectId('elsewhere'),
    terms: [
      { lang: 'en', text: 'Deputy', status: 'approved' },
      { lang: 'ru', text: 'депутат', status: 'approved' },
    ],
    createdAt: 0,
    updatedAt: 0,
  },
  {
    id: entryId('c-akim'),
    projectId: projectId('elsewhere'),
    terms: [
      { lang: 'en', text: 'Akim', status: 'approved' },
      { lang: 'kk-Latn', text: 'Äkım', status: 'proposed' },
    ],
    note: 'Romanised as in the 2021 alphabet.',
    createdAt: 0,
    updatedAt: 0,
  },
]);

afterEach(() => vi.restoreAllMocks());

describe('glossary import and export', () => {
  it('refuses a bad CSV naming the file and line, and imports nothing', async () => {
    const { user, grid, db } = await renderGlossary();
    const csv = 'en,ru,status\nDeputy,депутат,approved\nRegion,область,maybe\n';
    await user.upload(fileInput(), new File([csv], 'bad.csv', { type: 'text/csv' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'bad.csv — Line 3: unknown status “maybe” (use approved, proposed or forbidden). Nothing was imported.',
    );
    expect(screen.queryByRole('region', { name: 'Import preview' })).not.toBeInTheDocument();
    expect(entryRows(grid)).toHaveLength(7);
    expect(await listEntries(db, DEMO_PROJECT_ID)).toHaveLength(7);
  });

  it('refuses a TBX that is not well-formed, with its line', async () => {
    const { user } = await renderGlossary();
    const broken = tbx.replace('<term>Deputy</term>', '<term>Deputy</trem>');
    const line = broken.split('\n').findIndex((l) => l.includes('</trem>')) + 1;
    await user.upload(fileInput(), new File([broken], 'broken.tbx'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `broken.tbx — Line ${line}: not well-formed XML: unexpected close tag. Nothing was imported.`,
    );
  });

  it('previews a TBX import with its duplicates, then merges them in one write', async () => {
    const { user, grid, db } = await renderGlossary();
    await user.upload(fileInput(), new File([tbx], 'terms.tbx'));
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(preview).toHaveTextContent('terms.tbx: 2 entries — new: 1, already in the glossary: 1.');
    expect(within(preview).getByRole('list', { name: 'Entries already in the glossary' })).toHaveTextContent(
      'Akim · Äkım — matches Akim · аким · әкім',
    );
    expect(entryRows(grid)).toHaveLength(7);
    expect(within(preview).getByRole('radio', { name: /^Merge/ })).toBeChecked();
    await user.click(within(preview).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(entryRows(grid)).toHaveLength(8));
    expect(notice()).toHaveTextContent('terms.tbx imported — added: 1, merged: 1, skipped: 0.');
    expect(englishColumn(grid)).toContain('Deputy');
    const akim = entryRows(grid).find((r) =>
      r.querySelector('td[lang="en"]')?.textContent?.startsWith('Akim'),
    )!;
    const latin = akim.querySelector('td[lang="kk-Latn"]')!;
    expect(latin).toHaveTextContent('Äkım');
    expect(within(latin as HTMLElement).queryByText('transliterated')).not.toBeInTheDocument();
    const stored = (await listEntries(db, DEMO_PROJECT_ID)).find((e) =>
      e.terms.some((t) => t.text === 'Akim'),
    )!;
    expect(stored.note).toBe('Romanised as in the 2021 alphabet.');
    expect((await listEntryHistory(db, stored.id)).map((h) => [h.change, h.after, h.reason])).toEqual([
      ['term', 'Äkım', 'terms.tbx'],
      ['note', 'Romanised as in the 2021 alphabet.', 'terms.tbx'],
    ]);
  });

  it('skips duplicates when asked', async () => {
    const { user, grid, db } = await renderGlossary();
    await user.upload(fileInput(), new File([tbx], 'terms.tbx'));
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    await user.click(within(preview).getByRole('radio', { name: 'Skip them' }));
    await user.click(within(preview).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(entryRows(grid)).toHaveLength(8));
    expect(notice()).toHaveTextContent('added: 1, merged: 0, skipped: 1');
    const stored = (await listEntries(db, DEMO_PROJECT_ID)).find((e) =>
      e.terms.some((t) => t.text === 'Akim'),
    )!;
    expect(stored.terms.map((t) => t.lang)).toEqual(['en', 'ru', 'kk']);
  });

  it('exports the glossary as TBX that reads back the same entries', async () => {
    const { user } = await renderGlossary();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:glossary';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Export TBX' }));
    expect(blobs).toHaveLength(1);
    const parsed = parseTbx(await blobs[0]!.text(), DEMO_PROJECT_ID, 0);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.map((e) => e.terms.find((t) => t.lang === 'en')?.text).sort()).toEqual([
      'Akim',
      'Akimat',
      'LPS',
      'Local police service',
      'MIA',
      'Maslikhat',
      'Ministry of Internal Affairs',
    ]);
    expect(notice()).toHaveTextContent('Exported entries: 7.');
  });
});
