import { ForbiddenError } from '../../accounts/accounts.errors.js';
import { isStaff, type Actor } from '../../accounts/authorization.js';

/**
 * The thesaurus serves every district's portal alike; its coordinators and administrators keep
 * it, in the back office. Viewers and partner editors neither see nor change it.
 */
export type ThesaurusEditor = Actor & { id: number };

export const mayEditThesaurus = (actor: Actor): boolean => isStaff(actor);

export function authorizeThesaurus(actor: Actor, action: 'read' | 'edit' = 'edit'): void {
	if (!mayEditThesaurus(actor)) throw new ForbiddenError(action, actor.role);
}
