import type { Db } from '../db/schema.js';

/**
 * Open tasks (open or in progress) of a district filed under an action field: by their own
 * field, or, where they name none, by a field of the network they belong to.
 */
export function findOpenTasksOfField(
	db: Db,
	districtId: number,
	actionField: string
): Promise<{ id: number; dueOn: string | null; status: string }[]> {
	return db
		.selectFrom('tasks')
		.select(['tasks.id', 'tasks.dueOn', 'tasks.status'])
		.where('tasks.districtId', '=', districtId)
		.where('tasks.status', 'in', ['open', 'in_progress'])
		.where((eb) =>
			eb.or([
				eb('tasks.actionField', '=', actionField),
				eb.and([
					eb('tasks.actionField', 'is', null),
					eb.exists(
						eb
							.selectFrom('networkActionFields')
							.select('networkActionFields.networkId')
							.whereRef('networkActionFields.networkId', '=', 'tasks.networkId')
							.where('networkActionFields.actionField', '=', actionField)
					)
				])
			])
		)
		.orderBy('tasks.id')
		.execute();
}
