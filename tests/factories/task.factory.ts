import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import { addFollowUpTask } from '../../src/lib/server/minutes/minutes.service.js';
import type { TaskStatus } from '../../src/lib/server/minutes/tasks.schema.js';
import { factoryEditor } from './account.factory.js';
import { createTestMeeting } from './meeting.factory.js';

export interface TestTask {
	districtId: number;
	networkId: number;
	/** The meeting the task arose from; a new meeting of the network unless given. */
	meetingId?: number;
	agendaItemId?: number | null;
	title: string;
	description?: string;
	actionField?: string | null;
	/** An organisation or a person among the network's members and their people. */
	ownerOrganisationId?: number;
	ownerContactId?: number;
	dueOn: string;
	status?: TaskStatus;
	/** When the task was written down; now unless given. */
	now?: Date;
}

/**
 * A follow-up task as the product makes one: from a meeting's minutes, through the minutes
 * service as the district's administrator (owner checked, audited); open unless a status is given.
 */
export async function createTestTask(db: Kysely<DB>, task: TestTask): Promise<number> {
	const owner =
		task.ownerContactId !== undefined
			? { contactId: task.ownerContactId }
			: task.ownerOrganisationId !== undefined
				? { organisationId: task.ownerOrganisationId }
				: undefined;
	if (!owner) throw new Error(`task ${task.title} needs an owner`);
	const editor = await factoryEditor(db, task.districtId);
	const meetingId =
		task.meetingId ?? (await createTestMeeting(db, { networkId: task.networkId, agenda: [] })).id;
	return addFollowUpTask(
		db,
		editor,
		meetingId,
		{
			title: task.title,
			description: task.description ?? '',
			owner,
			dueOn: task.dueOn,
			status: task.status ?? 'open',
			agendaItemId: task.agendaItemId ?? null,
			actionField: task.actionField ?? null,
			networkId: task.networkId,
			offer: null
		},
		task.now
	);
}
