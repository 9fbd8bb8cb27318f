/** Who is reviewing: every revision, approval, rejection and comment is attributed to `name`. */
export type Profile = { readonly name: string; readonly languages: readonly string[] };

export const PROFILE_SETTING = 'profile';

export function isProfile(value: unknown): value is Profile {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.name === 'string' &&
    candidate.name.trim() !== '' &&
    Array.isArray(candidate.languages) &&
    candidate.languages.every((l) => typeof l === 'string')
  );
}
