/** What each role may write. Checked on the server for every change; a client's own check is only a courtesy. */
export type Role = 'lead' | 'reviewer' | 'terminologist' | 'viewer';
export const ROLES: readonly Role[] = ['lead', 'reviewer', 'terminologist', 'viewer'];

export type Membership = { readonly role: Role; readonly langs: readonly string[] };

export type WriteRequest =
  | { readonly kind: 'rendering'; readonly lang: string }
  | { readonly kind: 'term'; readonly lang: string; readonly status: string }
  /** A comment; `lang` is the language it is about, absent for the unit as a whole or a whole thread. */
  | { readonly kind: 'comment'; readonly lang: string | undefined }
  | { readonly kind: 'annotation'; readonly lang: string; readonly category: string | undefined }
  | { readonly kind: 'dismissal'; readonly lang: string }
  | { readonly kind: 'settings' }
  /** Documents and project languages uploaded whole. */
  | { readonly kind: 'documents' }
  /** Glossary entries uploaded whole (new entries; their terms' statuses travel as term changes). */
  | { readonly kind: 'glossary' }
  | { readonly kind: 'members' };

/**
 * Leads may do anything in their project. A reviewer writes renderings of the languages given to them, comments
 * on those languages (or on a unit as a whole, and resolves threads), marks MQM errors and dismisses QA issues in
 * them, and may propose terms in them; approving or forbidding a term is the terminologist's (or lead's) call.
 * A terminologist owns the glossary: terms, new entries, and terminology errors (MQM "terminology/…") in any
 * language, and may comment anywhere, as terms are discussed on the units they occur in. Check settings,
 * documents and members are the lead's. A viewer writes nothing.
 */
export function mayWrite(member: Membership, request: WriteRequest): boolean {
  switch (member.role) {
    case 'lead':
      return true;
    case 'viewer':
      return false;
    case 'terminologist':
      switch (request.kind) {
        case 'term':
        case 'glossary':
        case 'comment':
          return true;
        case 'annotation':
          return request.category?.startsWith('terminology') ?? false;
        default:
          return false;
      }
    case 'reviewer':
      switch (request.kind) {
        case 'rendering':
        case 'annotation':
        case 'dismissal':
          return member.langs.includes(request.lang);
        case 'comment':
          return request.lang === undefined || member.langs.includes(request.lang);
        case 'term':
          return request.status === 'proposed' && member.langs.includes(request.lang);
        default:
          return false;
      }
  }
}
