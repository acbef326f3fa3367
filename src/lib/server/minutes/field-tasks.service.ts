import type { Db } from '../db/schema.js';
import { findOpenTasksOfField } from './field-tasks.repository.js';
import { isOverdue } from './tasks.service.js';

/** Open tasks of an action field and how many of them are overdue on `today` (Berlin). */
export async function openTasksOfField(
	db: Db,
	districtId: number,
	actionField: string,
	today: string
): Promise<{ open: number; overdue: number }> {
	const tasks = await findOpenTasksOfField(db, districtId, actionField);
	return {
		open: tasks.length,
		overdue: tasks.filter((task) => isOverdue(task, today)).length
	};
}
