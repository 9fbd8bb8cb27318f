// @vitest-environment jsdom
// The Team panel against a real server over a throwaway PostgreSQL cluster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { TeamPanel } from '../../../src/ui/features/team/TeamPanel.tsx';
import { SyncStatusBadge } from '../../../src/ui/features/team/SyncStatusBadge.tsx';
import { call, PASSWORD, startTestServer, type TestServer } from '../../server/testServer.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await server.addUser('aigul');
  await server.addUser('bolat');
}, 120_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

async function renderPanel(projectId: string) {
  const i18n = await createI18nFor('en');
  render(
    <I18nextProvider i18n={i18n}>
      <TeamPanel project={{ id: projectId, name: 'Police reform' }} onClose={() => undefined} />
    </I18nextProvider>,
  );
  return userEvent.setup();
}

async function signIn(user: ReturnType<typeof userEvent.setup>, password: string) {
  const address = screen.getByRole('textbox', { name: 'Server address' });
  await user.clear(address);
  await user.type(address, server.base);
  await user.type(screen.getByRole('textbox', { name: 'User name' }), 'aigul');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('TeamPanel', () => {
  it('signs in, shares the project and adds a Kazakh reviewer, which the server then enforces', async () => {
    const user = await renderPanel('team-panel-1');
    await signIn(user, PASSWORD);
    await user.click(await screen.findByRole('button', { name: 'Share project' }, { timeout: 10_000 }));
    const members = await screen.findByRole('table', { name: 'Members' });
    expect(
      within(members)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['aigulLead']);
    await user.type(screen.getByRole('textbox', { name: 'User name' }), 'bolat');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Reviewer');
    await user.click(screen.getByRole('checkbox', { name: 'Kazakh' }));
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByText('bolat');
    expect(
      within(members)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['aigulLead', 'bolatReviewerkk']);
    const token = await server.signIn('bolat');
    const listed = await call(server.base, 'GET', '/api/projects', token);
    expect(listed.body.projects).toEqual([
      // Nothing uploaded yet: the workbench's sync sends the documents once it runs.
      { id: 'team-panel-1', name: 'Police reform', role: 'reviewer', langs: ['kk'], content: false },
    ]);
  });

  it('says so when the password is wrong, and stays signed out', async () => {
    const user = await renderPanel('team-panel-2');
    await signIn(user, 'not the password');
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      'Wrong user name or password.',
    );
    expect(screen.queryByRole('button', { name: 'Share project' })).toBeNull();
  });
});

describe('SyncStatusBadge', () => {
  it.each([
    [{ kind: 'synced' } as const, 'Synced'],
    [{ kind: 'waiting', count: 3 } as const, '3 changes waiting'],
    [{ kind: 'offline', waiting: 1 } as const, 'Offline: 1 change waiting'],
    [{ kind: 'conflict', count: 2 } as const, '2 conflicts to look at'],
    [{ kind: 'not-allowed', count: 1 } as const, 'Not allowed: 1 change set aside'],
  ])('shows %o as "%s"', async (status, text) => {
    const i18n = await createI18nFor('en');
    render(
      <I18nextProvider i18n={i18n}>
        <SyncStatusBadge status={status} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent(new RegExp(`^${text}$`));
  });
});
