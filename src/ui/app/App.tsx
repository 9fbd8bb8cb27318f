import { useCallback, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import { useDatabase } from './useDatabase.ts';
import { useWorkbench } from './useWorkbench.ts';
import { Workspace } from './Workspace.tsx';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import type { UiLanguage } from '../../i18n/i18n.ts';

export const UI_LANGUAGE_KEY = 'audarma.uiLanguage';
const DEFAULT_AUTHOR = 'reviewer';

type Props = {
  readonly i18n: i18n;
  readonly dbName: string;
  readonly demoText: string;
};

function Shell({ dbName, demoText }: Omit<Props, 'i18n'>) {
  const { t, i18n } = useTranslation();
  const database = useDatabase(dbName, demoText, DEFAULT_AUTHOR);
  const workbench = useWorkbench(database.status === 'open' ? database.db : undefined, DEFAULT_AUTHOR);
  const changeLanguage = useCallback(
    (language: UiLanguage) => {
      void i18n.changeLanguage(language);
      document.documentElement.lang = language;
      try {
        localStorage.setItem(UI_LANGUAGE_KEY, language);
      } catch {
        // Private modes may refuse storage; the choice then lasts for this visit only.
      }
    },
    [i18n],
  );

  let body;
  if (database.status === 'blocked')
    body = (
      <p role="alert" className="notice">
        {t('storage.blocked')}
      </p>
    );
  else if (database.status === 'versionChange')
    body = (
      <p role="alert" className="notice">
        {t('storage.versionChange')}
      </p>
    );
  else if (database.status === 'failed')
    body = (
      <p role="alert" className="notice error">
        {t(`storage.failure.${database.failure}`, { message: database.message })}
      </p>
    );
  else if (database.status === 'opening' || workbench.status === 'loading')
    body = (
      <p className="notice" role="status">
        {t('app.loading')}
      </p>
    );
  else if (workbench.status === 'error')
    body = (
      <p role="alert" className="notice error">
        {t('storage.failure.other', { message: String(workbench.error) })}
      </p>
    );
  else if (workbench.status === 'empty') body = <p className="notice">{t('app.noDocument')}</p>;
  else body = <Workspace workbench={workbench} />;

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <span className="brand-name">Audarma</span>
        </div>
        <LanguageSwitcher onChange={changeLanguage} />
      </header>
      {body}
    </div>
  );
}

export function App({ i18n, dbName, demoText }: Props) {
  const [instance] = useState(i18n);
  return (
    <I18nextProvider i18n={instance}>
      <Shell dbName={dbName} demoText={demoText} />
    </I18nextProvider>
  );
}
