// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18nFor } from '../../src/i18n/i18n.ts';
import { ProblemBanner } from '../../src/ui/components/ProblemBanner.tsx';
import { reportProblem } from '../../src/ui/app/problems.ts';

describe('background failures', () => {
  it('are shown once each, translated, and can be dismissed', async () => {
    const i18n = await createI18nFor('en');
    render(
      <I18nextProvider i18n={i18n}>
        <ProblemBanner />
      </I18nextProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => {
      reportProblem(new Error('The worker stopped'));
      reportProblem(new Error('The worker stopped'));
      reportProblem(new DOMException('disk full', 'QuotaExceededError'));
    });
    const alert = screen.getByRole('alert');
    expect(alert.querySelectorAll('p')).toHaveLength(2);
    expect(alert).toHaveTextContent('The worker stopped');
    await userEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[0]!);
    expect(screen.getByRole('alert').querySelectorAll('p')).toHaveLength(1);
  });
});
