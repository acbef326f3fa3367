import { isStaff, type Actor } from '../accounts/authorization.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';

/**
 * Who may do what with support chains (issue 11). Coordinators and administrators build chains,
 * document the interfaces and hold reviews; partner editors read the chains of their district and
 * report friction at a transition for their organisation; viewers read. Every friction report is
 * for staff and viewers; a partner sees those of their own organisations.
 */
export type ChainAction = 'read' | 'manage' | 'report_friction';

export type ChainEditor = Actor & { id: number };

export function canOnChains(actor: Actor, action: ChainAction, districtId: number): boolean {
	if (actor.districtId !== districtId) return false;
	if (action === 'read') return true;
	if (action === 'report_friction') return isStaff(actor) || actor.role === 'partner_editor';
	return isStaff(actor);
}

export function authorizeOnChains(actor: Actor, action: ChainAction, districtId: number): void {
	if (!canOnChains(actor, action, districtId))
		throw new ForbiddenError(action === 'read' ? 'read' : 'edit', actor.role);
}

/** Whether the actor sees every friction report of a transition or only their organisations'. */
export const seesAllFriction = (actor: Actor): boolean => actor.role !== 'partner_editor';
