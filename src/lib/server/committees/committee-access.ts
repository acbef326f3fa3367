import { isStaff, type Actor } from '../accounts/authorization.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';

/**
 * Who sees what of the committee register (issue 12). Coordinators and administrators keep it:
 * committees, terms, members and figures. Viewers (district leadership) read the register and
 * the representation figures — suppressed, as in the yearly report they read — but no member's
 * name: they have no purpose for it. Partner editors read, without the figures, the committees
 * their organisation belongs to: the committee is their organisation's (an association's
 * board) or a person of their organisation is one of its members in any term; they see the
 * members' names and roles, as fellow members do, never contact data.
 */
export type CommitteeEditor = Actor & { id: number };

export interface CommitteeScope {
	districtId: number;
	organisationId: number | null;
	/** Whether a person of one of the actor's organisations is a member in some term. */
	hasMemberOfActor: boolean;
}

export function mayManageCommittees(actor: Actor, districtId: number): boolean {
	return actor.districtId === districtId && isStaff(actor);
}

export function maySeeCommittee(actor: Actor, committee: CommitteeScope): boolean {
	if (actor.districtId !== committee.districtId) return false;
	if (actor.role !== 'partner_editor') return true;
	return (
		committee.hasMemberOfActor ||
		(committee.organisationId !== null && actor.organisationIds.includes(committee.organisationId))
	);
}

export const maySeeMembers = (actor: Actor): boolean => actor.role !== 'viewer';
export const maySeeFigures = (actor: Actor): boolean => actor.role !== 'partner_editor';

export function authorizeManage(actor: Actor, districtId: number): void {
	if (!mayManageCommittees(actor, districtId)) throw new ForbiddenError('edit', actor.role);
}
