/** Signs in to a team server. Browsers keep the HttpOnly cookie it sets; Node clients use the returned token. */
export async function signInToServer(
  server: string,
  name: string,
  password: string,
  doFetch: typeof fetch = fetch,
): Promise<
  | { readonly ok: true; readonly user: string; readonly token: string }
  | {
      readonly ok: false;
      readonly reason: 'wrong-credentials' | 'too-many-attempts' | 'unreachable' | 'error';
    }
> {
  let res: Response;
  try {
    res = await doFetch(`${server}/api/session`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (res.status === 401) return { ok: false, reason: 'wrong-credentials' };
  if (res.status === 429) return { ok: false, reason: 'too-many-attempts' };
  if (!res.ok) return { ok: false, reason: 'error' };
  const body = (await res.json()) as { user: { name: string }; token: string };
  return { ok: true, user: body.user.name, token: body.token };
}
