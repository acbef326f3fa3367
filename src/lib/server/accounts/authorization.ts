/**
 * Who may do what, decided in the domain so that every route, import and API call asks the
 * same question. Records belong to an organisation within a district; accounts to a district.
 */
import { ForbiddenError } from './accounts.errors.js';

export const ROLES = ['administrator', 'coordinator', 'partner_editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
	'read',
	'create',
	'edit',
	'submit',
	'approve',
	'archive',
	'delete',
	'import',
	'export',
	'manage_users',
	// Editing the district's own content pages (the KITZ page): staff work, never a partner's.
	'edit_pages'
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Actor {
	role: Role;
	districtId: number;
	/** The organisations a partner editor works for; empty for staff. */
	organisationIds: readonly number[];
}

export interface RecordScope {
	districtId: number;
	organisationId: number;
	/** Published records are public; a partner may read other organisations' published records. */
	published: boolean;
}

const STAFF_ACTIONS: Record<Exclude<Role, 'partner_editor'>, ReadonlySet<Action>> = {
	administrator: new Set(ACTIONS),
	// Coordinators run the review and invite partners; removing records is left to administrators.
	coordinator: new Set(ACTIONS.filter((action) => action !== 'delete')),
	viewer: new Set<Action>(['read', 'export'])
};

// Partners keep their own organisation's records; publishing is the coordinators' review.
const PARTNER_OWN_ACTIONS: ReadonlySet<Action> = new Set<Action>([
	'read',
	'create',
	'edit',
	'submit',
	'archive',
	'import',
	'export'
]);

export function can(actor: Actor, action: Action, record: RecordScope): boolean {
	if (actor.districtId !== record.districtId) return false;
	if (actor.role !== 'partner_editor') return STAFF_ACTIONS[actor.role].has(action);
	if (actor.organisationIds.includes(record.organisationId)) return PARTNER_OWN_ACTIONS.has(action);
	return action === 'read' && record.published;
}

/** Throws ForbiddenError unless the actor may act; services call this before any change. */
export function authorize(actor: Actor, action: Action, record: RecordScope): void {
	if (!can(actor, action, record)) throw new ForbiddenError(action, actor.role);
}

/** Administrators and coordinators: the district's staff, who run networks and the directory. */
export function isStaff(actor: Actor): boolean {
	return actor.role === 'administrator' || actor.role === 'coordinator';
}
