// @vitest-environment jsdom
// The conflicts dialog lists changes the server refused for the reviewer's role, each until it is dismissed.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { ConflictDialog } from '../../../src/ui/features/team/ConflictDialog.tsx';
import type { Refused } from '../../../src/sync/syncState.ts';

const refused: Refused[] = [
  {
    change: {
      id: 'c1',
      kind: 'comment',
      base: null,
      op: 'add',
      commentId: 'cmt1',
      documentId: 'doc',
      unitId: 'u7',
      lang: 'en',
      text: 'Is this the agreed term?',
    },
    code: 'forbidden',
    at: 1,
  },
  {
    change: { id: 'c2', kind: 'settings', base: null, value: { disabled: ['spelling'] } },
    code: 'forbidden',
    at: 2,
  },
];

describe('ConflictDialog', () => {
  it('shows each refused change as not allowed, with its text, and dismisses the one chosen', async () => {
    const i18n = await createI18nFor('en');
    const dismissed: string[] = [];
    render(
      <I18nextProvider i18n={i18n}>
        <ConflictDialog
          conflicts={[]}
          refused={refused}
          unitNumber={(unitId) => (unitId === 'u7' ? 7 : undefined)}
          onTakeTheirs={() => undefined}
          onKeepMine={() => undefined}
          onForgetRefused={(r) => dismissed.push(r.change.id)}
          onClose={() => undefined}
        />
      </I18nextProvider>,
    );
    const comment = screen.getByRole('listitem', { name: 'not allowed: comment on unit 7' });
    expect(comment).toHaveTextContent('Is this the agreed term?');
    expect(
      screen.getByRole('listitem', { name: 'not allowed: check settings of the project' }),
    ).toBeVisible();
    const settings = screen.getByRole('listitem', { name: 'not allowed: check settings of the project' });
    await userEvent.setup().click(within(settings).getByRole('button', { name: 'Dismiss' }));
    expect(dismissed).toEqual(['c2']);
  });
});
