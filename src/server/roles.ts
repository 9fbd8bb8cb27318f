/** What each role may write. Checked on the server for every change; a client's own check is only a courtesy. */
export type Role = 'lead' | 'reviewer' | 'terminologist' | 'viewer';
export const ROLES: readonly Role[] = ['lead', 'reviewer', 'terminologist', 'viewer'];

export type Membership = { readonly role: Role; readonly langs: readonly string[] };

export type WriteRequest =
  | { readonly kind: 'rendering'; readonly lang: string }
  | { readonly kind: 'term'; readonly lang: string; readonly status: string }
  | { readonly kind: 'members' };

/**
 * Leads may do anything in their project. A reviewer writes renderings of the languages given to them and may
 * propose terms in those languages, but approving or forbidding a term is the terminologist's (or lead's) call.
 * A viewer writes nothing.
 */
export function mayWrite(member: Membership, request: WriteRequest): boolean {
  switch (member.role) {
    case 'lead':
      return true;
    case 'viewer':
      return false;
    case 'terminologist':
      return request.kind === 'term';
    case 'reviewer':
      if (request.kind === 'rendering') return member.langs.includes(request.lang);
      if (request.kind === 'term')
        return request.status === 'proposed' && member.langs.includes(request.lang);
      return false;
  }
}
