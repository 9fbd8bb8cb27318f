import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import { useDatabase, type DemoText } from './useDatabase.ts';
import { useWorkbench } from './useWorkbench.ts';
import { Workspace } from './Workspace.tsx';
import { InterruptedNotice } from './InterruptedNotice.tsx';
import { UpdateNotice } from './UpdateNotice.tsx';
import type { AppUpdate } from './appUpdate.ts';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { ProblemBanner } from '../components/ProblemBanner.tsx';
import { useProfile } from './useProfile.ts';
import { useTeamSync } from '../features/team/useTeamSync.ts';
import { useTabChannel } from './useTabChannel.ts';
import { switchLanguage, type UiLanguage } from '../../i18n/i18n.ts';
import { commandFor } from '../keymap/keymap.ts';
import { inDialog, isTextEntry } from '../keymap/focusModel.ts';
import { reportProblem } from './problems.ts';
import { preloadWhenIdle } from '../components/preloadWhenIdle.ts';
import { Strings } from '../components/Strings.tsx';

// Dialogs load when first opened, keeping the first screen's JavaScript small.
const ProfileDialog = lazy(() =>
  import('../features/profile/ProfileDialog.tsx').then((m) => ({ default: m.ProfileDialog })),
);
const HelpOverlay = lazy(() =>
  import('../features/help/HelpOverlay.tsx').then((m) => ({ default: m.HelpOverlay })),
);
// Shown only while a project is shared through a team server, whose sync code is loaded then too.
const TeamStatus = lazy(() =>
  import('../features/team/TeamStatus.tsx').then((m) => ({ default: m.TeamStatus })),
);
const TeamPanel = lazy(() =>
  import('../features/team/TeamPanel.tsx').then((m) => ({ default: m.TeamPanel })),
);

preloadWhenIdle(
  () => import('../features/profile/ProfileDialog.tsx'),
  () => import('../features/help/HelpOverlay.tsx'),
  () => import('../features/team/TeamPanel.tsx'),
);

export const UI_LANGUAGE_KEY = 'audarma.uiLanguage';
/** Author of the revisions that bring machine translation in. */
const IMPORT_AUTHOR = 'MT';

type Props = {
  readonly i18n: i18n;
  readonly dbName: string;
  /** The demo article, or a loader for it: it is fetched only when the database is empty (a first start). */
  readonly demoText: DemoText;
  /** A new version waiting in the service worker (built app only). */
  readonly update?: AppUpdate;
};

function Shell({ dbName, demoText, update }: Omit<Props, 'i18n'>) {
  const { t, i18n } = useTranslation();
  // The dialogs' strings are fetched with their code, while the browser is idle.
  useEffect(() => preloadWhenIdle(() => i18n.loadNamespaces(['help', 'team'])), [i18n]);
  const database = useDatabase(dbName, demoText, IMPORT_AUTHOR);
  const db = database.status === 'open' ? database.db : undefined;
  const profile = useProfile(db);
  const author = profile.status === 'ready' ? profile.profile.name : '';
  // The document is read while the profile is still being looked up: the first screen waits for neither alone.
  const workbench = useWorkbench(db, author);
  const [editingProfile, setEditingProfile] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [teamOpen, setTeamOpen] = useState(false);
  const team = useTeamSync(db, workbench.status === 'ready' ? workbench.project.id : undefined, author);
  useTabChannel(dbName);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as Element | null;
      if (commandFor('app', event) === 'help' && !isTextEntry(target) && !inDialog(target)) {
        event.preventDefault();
        setHelpOpen((open) => !open);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const changeLanguage = useCallback(
    (language: UiLanguage) => {
      switchLanguage(i18n, language)
        .then(() => {
          document.documentElement.lang = language;
        })
        .catch(reportProblem);
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
  else if (profile.status === 'missing') body = <ProfileDialog onSave={(next) => void profile.save(next)} />;
  else if (database.status === 'opening' || profile.status === 'loading' || workbench.status === 'loading')
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
  else
    body = (
      <Workspace
        key={workbench.document.id}
        workbench={workbench}
        localOnly={team.view?.localOnly.map((d) => d.id)}
      />
    );

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <span className="brand-name">Audarma</span>
        </div>
        <div className="header-tools">
          {profile.status === 'ready' && (
            <button type="button" className="header-button" onClick={() => setEditingProfile(true)}>
              <span className="visually-hidden">{t('profile.editTitle')}: </span>
              {profile.profile.name}
            </button>
          )}
          {workbench.status === 'ready' && team.view && (
            <Suspense fallback={null}>
              <Strings ns={['team']}>
                <TeamStatus
                  view={team.view}
                  unitNumber={(unitId) => {
                    const index = workbench.units.findIndex((unit) => unit.id === unitId);
                    return index < 0 ? undefined : index + 1;
                  }}
                  onTakeTheirs={(conflict) => void team.takeTheirs(conflict).catch(reportProblem)}
                  onKeepMine={(conflict) => void team.keepMine(conflict).catch(reportProblem)}
                  onForgetRefused={(refused) => void team.forgetRefused(refused).catch(reportProblem)}
                />
              </Strings>
            </Suspense>
          )}
          {workbench.status === 'ready' && (
            <button type="button" className="header-button" onClick={() => setTeamOpen(true)}>
              {t('team.open')}
            </button>
          )}
          <button
            type="button"
            className="header-button"
            onClick={() => setHelpOpen(true)}
            aria-label={t('help.title')}
          >
            ?
          </button>
          <LanguageSwitcher onChange={changeLanguage} />
        </div>
      </header>
      <ProblemBanner />
      {update && <UpdateNotice update={update} />}
      {database.status === 'open' && (
        <InterruptedNotice db={database.db} interrupted={database.interrupted} />
      )}
      <Suspense
        fallback={
          <p className="notice" role="status">
            {t('app.loading')}
          </p>
        }
      >
        {body}
      </Suspense>
      <Suspense fallback={null}>
        {editingProfile && profile.status === 'ready' && (
          <ProfileDialog
            initial={profile.profile}
            onSave={(next) => {
              void profile.save(next);
              setEditingProfile(false);
            }}
            onCancel={() => setEditingProfile(false)}
          />
        )}
        {helpOpen && (
          <Strings ns={['help']}>
            <HelpOverlay onClose={() => setHelpOpen(false)} />
          </Strings>
        )}
        {teamOpen && workbench.status === 'ready' && (
          <Strings ns={['team']}>
            <TeamPanel
              project={{ id: workbench.project.id, name: workbench.project.name }}
              onClose={() => setTeamOpen(false)}
              onSynced={team.enable}
              db={workbench.db}
              localProjects={[...new Set(workbench.documents.map((choice) => choice.project.id))]}
              {...(team.view ? { localOnly: team.view.localOnly } : {})}
              onDownloaded={(_projectId, documentId) => {
                if (documentId) workbench.openDocument(documentId);
                setTeamOpen(false);
              }}
            />
          </Strings>
        )}
      </Suspense>
    </div>
  );
}

export function App({ i18n, dbName, demoText, update }: Props) {
  const [instance] = useState(i18n);
  return (
    <I18nextProvider i18n={instance}>
      <Shell dbName={dbName} demoText={demoText} {...(update ? { update } : {})} />
    </I18nextProvider>
  );
}
