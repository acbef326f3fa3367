import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import type { TasksTable } from '../../src/lib/server/minutes/minutes.table.js';
import { insertTask } from '../../src/lib/server/minutes/tasks.repository.js';

const stamp = () => new Date().toISOString();

/** An open task (or any kind, by override) through the minutes context's write path. */
export async function createTestTask(
	db: Kysely<DB>,
	task: Partial<Insertable<TasksTable>> & { districtId: number; title: string }
): Promise<number> {
	return insertTask(db, {
		networkId: null,
		meetingId: null,
		agendaItemId: null,
		kind: 'task',
		description: '',
		actionField: null,
		ownerContactId: null,
		ownerOrganisationId: null,
		dueOn: null,
		status: 'open',
		offerId: null,
		doneAt: null,
		remindedAt: null,
		createdAt: stamp(),
		updatedAt: stamp(),
		...task
	});
}
