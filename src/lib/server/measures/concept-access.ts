import { isStaff, type Actor } from '../accounts/authorization.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';

/**
 * Who may do what with the integration concept: the district's coordinators and administrators
 * keep it; viewers (the district's leadership) and partners read it, as it is the frame their
 * measures work in.
 */
export type ConceptEditor = Actor & { id: number };

export function canEditConcept(actor: Actor, districtId = actor.districtId): boolean {
	return actor.districtId === districtId && isStaff(actor);
}

export function authorizeConceptRead(actor: Actor, districtId: number): void {
	if (actor.districtId !== districtId) throw new ForbiddenError('read', actor.role);
}

export function authorizeConceptEdit(actor: Actor, districtId: number): void {
	if (!canEditConcept(actor, districtId)) throw new ForbiddenError('edit', actor.role);
}
