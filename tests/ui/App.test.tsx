// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { App } from '../../src/ui/app/App.tsx';
import { createI18nFor } from '../../src/i18n/i18n.ts';

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');
let counter = 0;

async function renderDemo(language: 'en' | 'ru' | 'kk' = 'en') {
  const user = userEvent.setup();
  const i18n = await createI18nFor(language);
  render(<App i18n={i18n} dbName={`ui-${Date.now()}-${counter++}`} demoText={demo} />);
  // First start: the reviewer profile is asked for before anything else.
  const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
  await user.type(within(dialog).getByRole('textbox'), 'Aigul');
  await user.click(within(dialog).getAllByRole('button').at(-1)!);
  const grid = await screen.findByRole('grid', {}, { timeout: 5000 });
  return { user, grid };
}

function rowOf(grid: HTMLElement, unitNumber: number): HTMLElement {
  const row = grid.querySelector<HTMLElement>(`[data-unit="${unitNumber - 1}"]`);
  if (!row) throw new Error(`row ${unitNumber} not rendered`);
  return row;
}

describe('workbench grid', () => {
  it('renders the demo document with its columns, units and states', async () => {
    const { grid } = await renderDemo();
    expect(
      screen.getByRole('heading', { name: 'Municipal police in the Republic of Kazakhstan' }),
    ).toBeInTheDocument();
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['#', 'Source', 'Machine translation', 'English', 'Kazakh']);
    expect(within(rowOf(grid, 2)).getAllByText('To pass to contents')).toHaveLength(2);
    expect(within(rowOf(grid, 2)).getByText('Machine')).toBeInTheDocument();
    expect(within(rowOf(grid, 2)).getByText('Not started')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'English: approved units' })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
  });

  it('says how many open issues the document checks found once they are done, on the line that showed their progress', async () => {
    await renderDemo();
    const done = await screen.findByText(/^Checked: \d+ open issues?$/, {}, { timeout: 15000 });
    expect(Number(done.textContent?.match(/\d+/)?.[0])).toBeGreaterThan(0);
    expect(screen.queryByText('Checking the document')).not.toBeInTheDocument();
  });

  it('edits and approves by keyboard: Enter opens, Ctrl+Enter approves and moves on, diff shows the change', async () => {
    const { user, grid } = await renderDemo();
    grid.focus();
    await user.keyboard('{ArrowDown}{Enter}');
    const editor = await screen.findByRole('textbox', { name: 'English' });
    expect(editor).toHaveValue('To pass to contents');
    await user.clear(editor);
    await user.type(editor, 'Go to contents');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(within(rowOf(grid, 2)).getByText('Approved')).toBeInTheDocument());
    // The editor moved to the next unit, still in the English column.
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'English' }) as HTMLTextAreaElement).value).toContain(
        "let's review an example",
      ),
    );
    const diff = within(rowOf(grid, 2)).getByLabelText('Changes against the machine translation');
    expect(diff.innerHTML).toBe('<del>To pass</del><ins>Go</ins><span> to contents</span>');
    expect(screen.getByRole('progressbar', { name: 'English: approved units' })).toHaveAttribute(
      'aria-valuenow',
      '1',
    );
  });

  it('writes a Kazakh rendering: Right arrow picks the column, Escape leaves without saving', async () => {
    const { user, grid } = await renderDemo();
    grid.focus();
    await user.keyboard('{ArrowRight}{Enter}');
    const editor = await screen.findByRole('textbox', { name: 'Kazakh' });
    await user.type(editor, 'болмайды');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Kazakh' })).not.toBeInTheDocument();
    expect(within(rowOf(grid, 1)).queryByText('болмайды')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    await user.type(
      await screen.findByRole('textbox', { name: 'Kazakh' }),
      'Қазақстан Республикасындағы муниципалдық полиция',
    );
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() =>
      expect(
        within(rowOf(grid, 1)).getByText('Қазақстан Республикасындағы муниципалдық полиция'),
      ).toBeInTheDocument(),
    );
    expect(within(rowOf(grid, 1)).getByText('Edited')).toBeInTheDocument();
  });

  it('refuses to approve an empty Kazakh rendering and says why', async () => {
    const { user, grid } = await renderDemo();
    grid.focus();
    await user.keyboard('{ArrowRight}{Enter}');
    await screen.findByRole('textbox', { name: 'Kazakh' });
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This is not possible for a rendering that is “Not started”.',
    );
  });

  it('rejects with a reason, and the history shows it', async () => {
    const { user, grid } = await renderDemo();
    await user.click(within(rowOf(grid, 2)).getByRole('gridcell', { name: 'English 2' }));
    await user.click(await screen.findByRole('button', { name: /Reject/ }));
    await user.type(
      screen.getByRole('textbox', { name: 'Reason for rejection' }),
      'calque of «перейти к содержанию»',
    );
    await user.click(screen.getByRole('button', { name: 'Reject with this reason' }));
    await waitFor(() => expect(within(rowOf(grid, 2)).getByText('Rejected')).toBeInTheDocument());
    const history = screen.getByRole('region', { name: 'History' });
    await waitFor(() =>
      expect(within(history).getByText('Note: calque of «перейти к содержанию»')).toBeInTheDocument(),
    );
    expect(within(history).getAllByRole('listitem')).toHaveLength(2);
    expect(within(history).getAllByText('Aigul').length).toBeGreaterThan(0);
  });

  it('restores an earlier revision as a new one', async () => {
    const { user, grid } = await renderDemo();
    await user.click(within(rowOf(grid, 2)).getByRole('gridcell', { name: 'English 2' }));
    const editor = await screen.findByRole('textbox', { name: 'English' });
    await user.clear(editor);
    await user.type(editor, 'Contents');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(within(rowOf(grid, 2)).getByText('Approved')).toBeInTheDocument());
    await user.keyboard('{Escape}');
    await user.click(within(rowOf(grid, 2)).getByRole('gridcell', { name: 'English 2' }));
    await user.keyboard('{Escape}');
    const history = screen.getByRole('region', { name: 'History' });
    await user.click(await within(history).findByRole('button', { name: 'Restore revision 1' }));
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(4));
    expect(within(history).getAllByRole('listitem')[0]).toHaveTextContent('Restored');
    await waitFor(() => expect(within(rowOf(grid, 2)).getByText('Edited')).toBeInTheDocument());
  });

  it('discusses a unit: post a comment, resolve the thread, filter by open threads', async () => {
    const { user, grid } = await renderDemo();
    grid.focus();
    await user.keyboard('{ArrowDown}c');
    const box = screen.getByRole('textbox', { name: 'New comment' });
    expect(box).toHaveFocus();
    await user.type(box, 'Should this be a link to the table of contents?');
    await user.keyboard('{Control>}{Enter}{/Control}');
    const panel = screen.getByRole('region', { name: 'Discussion' });
    expect(
      await within(panel).findByText('Should this be a link to the table of contents?'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Open discussions (1)' }));
    await waitFor(() => expect(screen.getByText('1 of 75 units')).toBeInTheDocument());
    await user.click(within(panel).getByRole('button', { name: 'Resolve thread' }));
    await waitFor(() => expect(screen.getByText('0 of 75 units')).toBeInTheDocument());
  });

  it('marks an MQM error on a span with category and severity', async () => {
    const { user, grid } = await renderDemo();
    grid.focus();
    await user.keyboard('{ArrowDown}');
    // Select "To pass" in the English cell of unit 2, as a reviewer would with the mouse, then press "a".
    const text = within(rowOf(grid, 2))
      .getByRole('gridcell', { name: 'English 2' })
      .querySelector('.cell-text');
    const node = document.createTreeWalker(text!, NodeFilter.SHOW_TEXT).nextNode()!;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, 7);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    grid.focus();
    await user.keyboard('a');
    const panel = screen.getByRole('region', { name: 'MQM errors' });
    expect(within(panel).getByText('Marked: “To pass”')).toBeInTheDocument();
    await user.selectOptions(
      within(panel).getByRole('combobox', { name: 'Category' }),
      'accuracy/overly-literal',
    );
    await user.click(within(panel).getByRole('radio', { name: /Major/ }));
    await user.click(within(panel).getByRole('button', { name: /Save error/ }));
    expect(await within(panel).findByText('To pass')).toBeInTheDocument();
    expect(within(panel).getByText('Major')).toBeInTheDocument();
  });

  it('approves in bulk what the filter shows, with confirmation, and undoes it', async () => {
    const { user } = await renderDemo();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Issues' }), 'none');
    const approve = await screen.findByRole('button', { name: /^Approve \d+ without issues/ });
    const count = Number(/Approve (\d+)/.exec(approve.textContent ?? '')?.[1]);
    expect(count).toBeGreaterThan(5);
    await user.click(approve);
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: `Yes, change ${count}` }),
    );
    const bar = screen.getByRole('progressbar', { name: 'English: approved units' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', String(count)));
    await user.click(screen.getByRole('button', { name: /Undo/ }));
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '0'));
  });

  it('finds and replaces across the document with a preview', async () => {
    const { user, grid } = await renderDemo();
    await user.click(screen.getByRole('button', { name: 'Find and replace' }));
    // The panel is loaded when first opened.
    await user.type(await screen.findByRole('textbox', { name: 'Find' }), 'Maslikhatami');
    await user.type(screen.getByRole('textbox', { name: 'Replace with' }), 'maslikhats');
    const preview = screen.getByRole('list', { name: 'Preview of the replacements' });
    expect(within(preview).getAllByRole('listitem')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Replace in 1 unit' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Yes, change 1' }));
    await waitFor(() => expect(within(rowOf(grid, 15)).getByText('Edited')).toBeInTheDocument());
    expect(
      within(rowOf(grid, 15)).getByRole('gridcell', { name: 'English 15' }).querySelector('ins')?.textContent,
    ).toBe('maslikhats');
  });

  it('highlights glossary terms and inserts their approved rendering into the editor with Alt+1', async () => {
    const { user, grid } = await renderDemo();
    const english = within(rowOf(grid, 10)).getByRole('gridcell', { name: 'English 10' });
    const term = [...english.querySelectorAll('mark.mark-term')].find((m) => m.textContent === 'LPS');
    expect(term?.getAttribute('title')).toContain('kk: ЖПҚ');
    await user.click(within(rowOf(grid, 10)).getByRole('gridcell', { name: 'Kazakh 10' }));
    const terms = screen.getByRole('group', { name: 'Glossary:' });
    expect(
      within(terms)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Alt+1 Жергілікті полиция қызметі', 'Alt+2 ЖПҚ']);
    await user.keyboard('{Alt>}2{/Alt}');
    expect(screen.getByRole('textbox', { name: 'Kazakh' })).toHaveValue('ЖПҚ');
  });

  it('re-checks an edited unit: the fixed calque is no longer flagged, other units keep theirs', async () => {
    const { user, grid } = await renderDemo();
    await user.click(within(rowOf(grid, 2)).getByRole('gridcell', { name: 'English 2' }));
    await user.keyboard('{Escape}');
    const panel = screen.getByRole('region', { name: 'Issues' });
    await user.click(
      await within(panel).findByRole('button', { name: /^Replace “.+” with “.+”$/ }, { timeout: 10000 }),
    );
    await waitFor(() => expect(within(rowOf(grid, 2)).getByText('Edited')).toBeInTheDocument());
    await waitFor(() => expect(within(panel).queryByText('false-friend')).not.toBeInTheDocument(), {
      timeout: 10000,
    });
    expect(
      within(rowOf(grid, 3)).getByRole('gridcell', { name: 'English 3' }).querySelector('mark'),
    ).not.toBeNull();
  });

  it('turns a check off in the check settings, and its issues go away', async () => {
    const { user, grid } = await renderDemo();
    await user.click(within(rowOf(grid, 2)).getByRole('gridcell', { name: 'English 2' }));
    await user.keyboard('{Escape}');
    const panel = screen.getByRole('region', { name: 'Issues' });
    expect(await within(panel).findByText('false-friend', {}, { timeout: 10000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Checks…' }));
    const dialog = await screen.findByRole('dialog', { name: 'QA checks' }, { timeout: 5000 });
    await user.click(within(dialog).getByRole('checkbox', { name: 'false-friend' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save and check again' }));
    await waitFor(() => expect(within(panel).queryByText('false-friend')).not.toBeInTheDocument(), {
      timeout: 10000,
    });
  });

  it('shows every shortcut in the help overlay on ?', async () => {
    const { user, grid } = await renderDemo();
    grid.focus();
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' }, { timeout: 5000 });
    expect(within(help).getByText('approve (saving any change) and go to the next unit')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
  });

  it('speaks Russian and Kazakh', async () => {
    await renderDemo('ru');
    expect(screen.getByRole('columnheader', { name: 'Машинный перевод' })).toBeInTheDocument();
  });
});
