import { isStaff, type Actor } from '../accounts/authorization.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';

/**
 * Who may do what in networks, meetings and tasks (issue 4), decided here
 * so every page, export and feed asks the same question. Coordinators and administrators run
 * the networks; partner editors take part in the networks their organisation belongs to; viewers
 * (the district's leadership) follow networks and the board but see no one's contact data.
 */
export type NetworkAction =
	/** See a network, its meetings, released minutes and its tasks. */
	| 'read'
	/** Create and change networks, members, meetings, minutes, tasks and contacts. */
	| 'manage'
	/** Change a task's status or note. */
	| 'edit_task';

export interface NetworkScope {
	districtId: number;
	/** Organisations that are current members of the network (empty outside a network). */
	memberOrganisationIds: readonly number[];
	/** For edit_task: the organisation that owns the task, if any. */
	taskOwnerOrganisationId?: number | null;
}

export function canInNetwork(actor: Actor, action: NetworkAction, scope: NetworkScope): boolean {
	if (actor.districtId !== scope.districtId) return false;
	if (isStaff(actor)) return true;
	if (actor.role === 'viewer') return action === 'read';
	const member = scope.memberOrganisationIds.some((id) => actor.organisationIds.includes(id));
	if (action === 'read') return member;
	if (action === 'edit_task')
		return (
			member &&
			scope.taskOwnerOrganisationId != null &&
			actor.organisationIds.includes(scope.taskOwnerOrganisationId)
		);
	return false;
}

export function authorizeInNetwork(actor: Actor, action: NetworkAction, scope: NetworkScope): void {
	if (!canInNetwork(actor, action, scope))
		throw new ForbiddenError(action === 'manage' ? 'edit' : 'read', actor.role);
}
