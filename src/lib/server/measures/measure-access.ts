import { isStaff, type Actor } from '../accounts/authorization.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';

/**
 * Who may do what with measures (issue 10), decided here so every page and export asks the same
 * question. Coordinators and administrators run the measures; partner editors see and keep up to
 * date the measures their organisation leads or partners in (a status note, progress, reach, a
 * milestone done) but neither their budget nor their organisations; viewers (the district's
 * leadership) read everything.
 */
export type MeasureAction =
	/** See the measure with its milestones, reach, links, offers and tasks. */
	| 'read'
	/** See its budget per funding source. */
	| 'read_budget'
	/** A status note, progress entered by hand, reach, a milestone done. */
	| 'update'
	/** Everything else: create, edit, status, organisations, budget, milestones, links, tasks. */
	| 'manage';

export interface MeasureScope {
	districtId: number;
	/** The lead organisation and the partner organisations (empty for the district as a whole). */
	organisationIds: readonly number[];
}

export function canOnMeasure(actor: Actor, action: MeasureAction, scope: MeasureScope): boolean {
	if (actor.districtId !== scope.districtId) return false;
	if (isStaff(actor)) return true;
	if (actor.role === 'viewer') return action === 'read' || action === 'read_budget';
	const involved = scope.organisationIds.some((id) => actor.organisationIds.includes(id));
	return involved && (action === 'read' || action === 'update');
}

export function authorizeOnMeasure(actor: Actor, action: MeasureAction, scope: MeasureScope): void {
	if (!canOnMeasure(actor, action, scope))
		throw new ForbiddenError(
			action === 'read' || action === 'read_budget' ? 'read' : 'edit',
			actor.role
		);
}

/** Whether the actor sees every measure of the district (staff and viewers) or only their own. */
export const seesAllMeasures = (actor: Actor): boolean => actor.role !== 'partner_editor';
