import type { ActionRow } from './actions.repository.js';

/** An improvement action as pages show it, with the measure or task it became. */
export interface ActionView {
	id: number;
	roundId: number;
	what: string;
	/** Who does it: the organisation's name, or the words given. */
	who: string;
	organisationId: number | null;
	dueOn: string | null;
	measureId: number | null;
	taskId: number | null;
}

export const toActionView = (row: ActionRow): ActionView => ({
	id: row.id,
	roundId: row.roundId,
	what: row.what,
	who: row.organisationName ?? row.who,
	organisationId: row.organisationId,
	dueOn: row.dueOn,
	measureId: row.measureId,
	taskId: row.taskId
});
