import { useCallback, useEffect, useState } from 'react';
import type { AudarmaDb } from '../../storage/db.ts';
import { getSetting, setSetting } from '../../storage/settings.ts';
import { PROFILE_SETTING, isProfile, type Profile } from '../features/profile/profile.ts';
import { reportProblem } from './problems.ts';

export type ProfileState =
  | { readonly status: 'loading' }
  | { readonly status: 'missing'; readonly save: (profile: Profile) => Promise<void> }
  | {
      readonly status: 'ready';
      readonly profile: Profile;
      readonly save: (profile: Profile) => Promise<void>;
    };

/** The reviewer profile stored in settings; `missing` on first start. */
export function useProfile(db: AudarmaDb | undefined): ProfileState {
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    getSetting<unknown>(db, PROFILE_SETTING, null)
      .then((value) => {
        if (!cancelled) setProfile(isProfile(value) ? value : null);
      })
      .catch((error: unknown) => {
        // An effect that was left (another document, the app closed) has no one to tell.
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db]);
  const save = useCallback(
    async (next: Profile) => {
      if (!db) return;
      await setSetting(db, PROFILE_SETTING, next);
      setProfile(next);
    },
    [db],
  );
  if (profile === undefined) return { status: 'loading' };
  if (profile === null) return { status: 'missing', save };
  return { status: 'ready', profile, save };
}
