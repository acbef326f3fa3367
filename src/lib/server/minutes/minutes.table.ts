import type { Generated } from 'kysely';

/** Tables of the minutes context (migration 0006). Wall-clock times are Europe/Berlin. */

export interface DecisionsTable {
	id: Generated<number>;
	meetingId: number;
	agendaItemId: number | null;
	position: number;
	text: string;
}

export const TASK_KINDS = ['task', 'planned_offer'] as const;

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;

export interface TasksTable {
	id: Generated<number>;
	districtId: number;
	networkId: number | null;
	meetingId: number | null;
	agendaItemId: number | null;
	kind: (typeof TASK_KINDS)[number];
	title: string;
	description: Generated<string>;
	actionField: string | null;
	ownerContactId: number | null;
	ownerOrganisationId: number | null;
	dueOn: string | null;
	status: (typeof TASK_STATUSES)[number];
	offerId: number | null;
	createdAt: string;
	updatedAt: string;
	doneAt: string | null;
	remindedAt: string | null;
}
