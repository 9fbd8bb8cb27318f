import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalOnlyDocuments } from './LocalOnlyDocuments.tsx';
import { signInToServer } from '../../../sync/session.ts';
import {
  addMember,
  downloadContent,
  listMembers,
  listServerProjects,
  shareProject,
  type Member,
  type ServerProject,
  type TeamRole,
} from '../../../sync/teamApi.ts';
import type { AudarmaDb } from '../../../storage/db.ts';
import { storeShareDownload } from '../../../storage/sharedContent.ts';

const ROLES: readonly TeamRole[] = ['lead', 'reviewer', 'terminologist', 'viewer'];
const LANGS = ['en', 'kk', 'ru'] as const;

type Session = { readonly server: string; readonly user: string; readonly token: string };

/** Signing in to a team server and sharing the open project with members in roles. */
export function TeamPanel(props: {
  readonly project: { readonly id: string; readonly name: string };
  readonly onClose: () => void;
  /** Called once the project is on the server with this user a member: its changes are synced from then on. */
  readonly onSynced?: (server: string, user: string) => void | Promise<void>;
  readonly db?: AudarmaDb;
  /** Projects this browser holds: a shared project among them needs no download. */
  readonly localProjects?: readonly string[];
  /** A shared project was downloaded whole: open its first document. */
  readonly onDownloaded?: (projectId: string, documentId: string | undefined) => void;
  /** Documents of the open project the server would not take from this user: they stay in this browser. */
  readonly localOnly?: readonly { readonly id: string; readonly name: string }[];
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [server, setServer] = useState('http://127.0.0.1:4310');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [session, setSession] = useState<Session | null>(null);
  const [members, setMembers] = useState<readonly Member[] | null>(null);
  const [memberName, setMemberName] = useState('');
  const [role, setRole] = useState<TeamRole>('reviewer');
  const [langs, setLangs] = useState<readonly string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notMember, setNotMember] = useState(false);
  const [offered, setOffered] = useState<readonly ServerProject[]>([]);
  const [downloading, setDownloading] = useState<string | null>(null);

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const address = server.replace(/\/+$/, '');
    const answer = await signInToServer(address, name.trim(), password);
    setBusy(false);
    setPassword('');
    if (!answer.ok) return setError(t(`team.error.${answer.reason}`));
    setError(null);
    setSession({ server: address, user: answer.user, token: answer.token });
    // Projects shared with this user that this browser does not hold yet are offered for download.
    const projects = await listServerProjects(address, answer.token);
    if (projects.ok)
      setOffered(projects.value.filter((p) => p.content && !(props.localProjects ?? []).includes(p.id)));
    // Someone may have shared this project already: a member starts syncing at once.
    const found = await listMembers(address, answer.token, props.project.id);
    setNotMember(!found.ok);
    if (found.ok) {
      setMembers(found.value);
      await props.onSynced?.(address, answer.user);
    }
  };

  const share = async () => {
    if (!session) return;
    const answer = await shareProject(session.server, session.token, props.project);
    if (!answer.ok) return setError(t('team.error.refused', { code: answer.reason }));
    setError(null);
    setNotMember(false);
    setMembers(answer.value);
    await props.onSynced?.(session.server, session.user);
  };

  const download = async (project: ServerProject) => {
    if (!session || !props.db) return;
    setDownloading(project.id);
    const answer = await downloadContent(session.server, session.token, project.id);
    if (!answer.ok) {
      setDownloading(null);
      return setError(t('team.error.refused', { code: answer.reason }));
    }
    await storeShareDownload(props.db, answer.value, session.server, session.user);
    setDownloading(null);
    setOffered((current) => current.filter((p) => p.id !== project.id));
    props.onDownloaded?.(project.id, answer.value.documents[0]?.document.id);
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!session || memberName.trim() === '') return;
    const answer = await addMember(session.server, session.token, props.project.id, {
      user: memberName.trim(),
      role,
      langs: role === 'reviewer' ? langs : [],
    });
    if (!answer.ok) return setError(t('team.error.refused', { code: answer.reason }));
    setError(null);
    setMembers(answer.value);
    setMemberName('');
  };

  return (
    <div className="modal-backdrop">
      <section
        className="modal team-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onClose();
        }}
      >
        <h2 id={titleId}>{t('team.title')}</h2>
        <LocalOnlyDocuments documents={props.localOnly ?? []} />
        {error && (
          <p role="alert" className="notice error">
            {error}
          </p>
        )}
        {!session ? (
          <form onSubmit={(event) => void signIn(event)}>
            <label className="field">
              <span>{t('team.server')}</span>
              <input type="url" required value={server} onChange={(e) => setServer(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('team.userName')}</span>
              <input
                required
                autoComplete="username"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('team.password')}</span>
              <input
                type="password"
                required
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <button type="submit" disabled={busy}>
              {t('team.signIn')}
            </button>
          </form>
        ) : (
          <>
            <p>{t('team.signedInAs', { user: session.user, server: session.server })}</p>
            {offered.length > 0 && (
              <section aria-labelledby={`${titleId}-offered`}>
                <h3 id={`${titleId}-offered`}>{t('team.offered.title')}</h3>
                <ul className="team-offered">
                  {offered.map((project) => (
                    <li key={project.id}>
                      {project.name} ({t(`team.role.${project.role}`)}){' '}
                      <button
                        type="button"
                        disabled={downloading !== null}
                        aria-label={t('team.offered.download', { name: project.name })}
                        onClick={() => void download(project)}
                      >
                        {downloading === project.id ? t('team.offered.downloading') : t('team.offered.get')}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {notMember && <p className="notice">{t('team.notMember')}</p>}
            {members && <p>{t('team.syncing')}</p>}
            <button type="button" onClick={() => void share()}>
              {t('team.share')}
            </button>
            {members && (
              <>
                <table className="team-members">
                  <caption>{t('team.members')}</caption>
                  <tbody>
                    {members.map((m) => (
                      <tr key={m.user}>
                        <td>{m.user}</td>
                        <td>{t(`team.role.${m.role}`)}</td>
                        <td>{m.langs.join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <form onSubmit={(event) => void add(event)}>
                  <label className="field">
                    <span>{t('team.userName')}</span>
                    <input required value={memberName} onChange={(e) => setMemberName(e.target.value)} />
                  </label>
                  <label className="field">
                    <span>{t('team.roleLabel')}</span>
                    <select value={role} onChange={(e) => setRole(e.target.value as TeamRole)}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`team.role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {role === 'reviewer' && (
                    <fieldset>
                      <legend>{t('team.reviewLanguages')}</legend>
                      {LANGS.map((lang) => (
                        <label key={lang}>
                          <input
                            type="checkbox"
                            checked={langs.includes(lang)}
                            onChange={(e) =>
                              setLangs(e.target.checked ? [...langs, lang] : langs.filter((l) => l !== lang))
                            }
                          />
                          {t(`language.${lang}`)}
                        </label>
                      ))}
                    </fieldset>
                  )}
                  <button type="submit">{t('team.add')}</button>
                </form>
              </>
            )}
          </>
        )}
        <button type="button" onClick={props.onClose}>
          {t('team.close')}
        </button>
      </section>
    </div>
  );
}
