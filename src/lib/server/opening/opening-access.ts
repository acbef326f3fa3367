import { isStaff, type Actor } from '../accounts/authorization.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';

/**
 * Who may do what in the intercultural opening (issue 12). Coordinators and administrators do
 * everything: the instrument, the units, filling in for units without accounts, reopening,
 * turning actions into measures or tasks. Partner editors see and fill in only the units of their
 * own organisations. Viewers read the district view (aggregates only) and export it.
 */
export type OpeningAction = 'district' | 'manage';

export type OpeningEditor = Actor & { id: number };

export function canOnOpening(actor: Actor, action: OpeningAction, districtId: number): boolean {
	if (actor.districtId !== districtId) return false;
	if (action === 'district') return actor.role !== 'partner_editor';
	return isStaff(actor);
}

export function authorizeOnOpening(actor: Actor, action: OpeningAction, districtId: number): void {
	if (!canOnOpening(actor, action, districtId))
		throw new ForbiddenError(action === 'district' ? 'read' : 'edit', actor.role);
}

/** A unit's rounds and actions: staff of the district, or the partners of its organisation. */
export function canOnUnit(
	actor: Actor,
	unit: { districtId: number; organisationId: number | null }
): boolean {
	if (actor.districtId !== unit.districtId) return false;
	if (isStaff(actor)) return true;
	return (
		actor.role === 'partner_editor' &&
		unit.organisationId !== null &&
		actor.organisationIds.includes(unit.organisationId)
	);
}

export function authorizeOnUnit(
	actor: Actor,
	unit: { districtId: number; organisationId: number | null }
): void {
	if (!canOnUnit(actor, unit)) throw new ForbiddenError('edit', actor.role);
}
