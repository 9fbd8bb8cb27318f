// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { CellEditor, type EditorCommand } from '../../../src/ui/features/grid/CellEditor.tsx';
import { fromLabels } from '../../../src/core/text/codeTokens.ts';

async function editor(text: string, source: string, onCommand: (c: EditorCommand) => void = () => undefined) {
  const i18n = await createI18nFor('en');
  render(
    <I18nextProvider i18n={i18n}>
      <CellEditor
        label="English"
        text={fromLabels(text)}
        source={fromLabels(source)}
        revision={1}
        machineText={undefined}
        error={undefined}
        onCommand={onCommand}
      />
    </I18nextProvider>,
  );
  return screen.getByRole('textbox', { name: 'English' }) as HTMLTextAreaElement;
}

describe('CellEditor with inline codes', () => {
  it('shows codes as labels, lists the missing ones, and F9 puts the next one in at the caret', async () => {
    const box = await editor('Press ⟨1⟩Save⟨/1⟩', 'Нажмите ⟨1⟩Сохранить⟨/1⟩⟨2/⟩');
    expect(box.value).toBe('Press ⟨1⟩Save⟨/1⟩');
    const codes = screen.getByRole('group', { name: 'Codes' });
    expect(within(codes).getByRole('button', { name: '⟨2/⟩' })).toBeTruthy();
    const user = userEvent.setup();
    await user.click(box);
    box.setSelectionRange(box.value.length, box.value.length);
    await user.keyboard('{F9}');
    expect(box.value).toBe('Press ⟨1⟩Save⟨/1⟩⟨2/⟩');
    expect(within(codes).queryAllByRole('button')).toHaveLength(0);
  });

  it('Backspace next to a code removes it whole, and the text saved holds the codes, not the labels', async () => {
    const commands: EditorCommand[] = [];
    const box = await editor('Press ⟨1⟩Save⟨/1⟩ now⟨2/⟩', 'Нажмите ⟨1⟩Сохранить⟨/1⟩⟨2/⟩', (c) =>
      commands.push(c),
    );
    const user = userEvent.setup();
    await user.click(box);
    box.setSelectionRange(box.value.length, box.value.length);
    await user.keyboard('{Backspace}');
    expect(box.value).toBe('Press ⟨1⟩Save⟨/1⟩ now');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(commands).toEqual([
      { type: 'approve', text: fromLabels('Press ⟨1⟩Save⟨/1⟩ now'), baseRevision: 1 },
    ]);
  });

  it('shows no code list for a unit without codes', async () => {
    await editor('Plain', 'Просто');
    expect(screen.queryByRole('group', { name: 'Codes' })).toBeNull();
  });
});
