import type { MessageKey } from '../../i18n/messages.js';
import type { Kysely } from 'kysely';
import { recordAudit } from '../accounts/audit.service.js';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { MinutesValidationError, TaskNotFoundError } from './minutes.errors.js';
import { authorizeInNetwork, canInNetwork } from '../networks/network-access.js';
import { networkScope } from '../networks/networks.service.js';
import type { TasksTable } from './minutes.table.js';
import {
	findDistrictOrganisations,
	findNetworkOwners,
	findOfferRef
} from './task-owners.repository.js';
import {
	findTask,
	findTasksByIds,
	insertTask,
	updateTaskStatus,
	type TaskRow
} from './tasks.repository.js';
import { ownerKey, type TaskInput, type TaskStatus } from './tasks.schema.js';

export type Editor = Actor & { id: number };

export interface TaskSummary {
	id: number;
	kind: TasksTable['kind'];
	title: string;
	description: string;
	actionField: string | null;
	networkId: number | null;
	networkName: string | null;
	meetingId: number | null;
	meetingTitle: string | null;
	meetingStartsAt: string | null;
	agendaItemId: number | null;
	/** `organisation:ID` or `contact:ID`, or null when the owner was removed. */
	ownerKey: string | null;
	/** Null for a person who was erased: shown as "former participant". */
	ownerName: string | null;
	dueOn: string | null;
	status: TaskStatus;
	offerId: number | null;
	/** Due before today (Europe/Berlin) and neither done nor cancelled. */
	overdue: boolean;
}

export function isOverdue(task: { dueOn: string | null; status: string }, today: string): boolean {
	return (
		!!task.dueOn && task.dueOn < today && (task.status === 'open' || task.status === 'in_progress')
	);
}

export function toTaskSummary(row: TaskRow, today: string): TaskSummary {
	const owner = row.ownerOrganisationId
		? { key: `organisation:${row.ownerOrganisationId}`, name: row.ownerOrganisationName }
		: row.ownerContactId
			? {
					key: `contact:${row.ownerContactId}`,
					name: row.ownerContactAnonymisedAt ? null : row.ownerContactName
				}
			: { key: null, name: null };
	return {
		id: row.id,
		kind: row.kind,
		title: row.title,
		description: row.description,
		actionField: row.actionField,
		networkId: row.networkId,
		networkName: row.networkName,
		meetingId: row.meetingId,
		meetingTitle: row.meetingTitle,
		meetingStartsAt: row.meetingStartsAt,
		agendaItemId: row.agendaItemId,
		ownerKey: owner.key,
		ownerName: owner.name,
		dueOn: row.dueOn,
		status: row.status,
		offerId: row.offerId,
		overdue: isOverdue(row, today)
	};
}

/** The organisation a task belongs to: its owner, or the organisation of the person owning it. */
export const owningOrganisation = (row: TaskRow) =>
	row.ownerOrganisationId ?? row.ownerContactOrganisationId ?? null;

export async function taskScope(db: Db, row: TaskRow, now: Date) {
	return {
		districtId: row.districtId,
		memberOrganisationIds: row.networkId
			? (await networkScope(db, row.networkId, now)).memberOrganisationIds
			: [],
		taskOwnerOrganisationId: owningOrganisation(row)
	};
}

export interface OwnerOption {
	key: string;
	name: string;
}

/** Owners a task may be given: in a network its members and their people, else any organisation. */
export async function ownerOptions(
	db: Db,
	districtId: number,
	networkId: number | null,
	now = new Date()
): Promise<OwnerOption[]> {
	if (!networkId)
		return (await findDistrictOrganisations(db, districtId)).map((organisation) => ({
			key: ownerKey({ organisationId: organisation.id }),
			name: organisation.name
		}));
	const owners = await findNetworkOwners(db, networkId, berlinToday(now));
	const options = [
		...owners.organisations.map((o) => ({ key: ownerKey({ organisationId: o.id }), name: o.name })),
		...owners.contacts.map((c) => ({ key: ownerKey({ contactId: c.id }), name: c.name }))
	];
	return [...new Map(options.map((option) => [option.key, option])).values()].sort((a, b) =>
		a.name.localeCompare(b.name, 'de')
	);
}

export interface TaskOrigin {
	districtId: number;
	networkId: number | null;
	meetingId: number | null;
	/** Agenda items of the meeting the task may come from. */
	agendaItemIds: readonly number[];
	/** Planned offers may be owned by any organisation of the district, members or not. */
	anyOrganisation?: boolean;
}

/**
 * Stores a follow-up task or planned offer after checking its owner and references; the caller
 * has authorised the change and passes its transaction.
 */
export async function insertCheckedTask(
	trx: Db,
	actor: Editor,
	kind: TasksTable['kind'],
	input: TaskInput,
	origin: TaskOrigin,
	now: Date
): Promise<number> {
	const errors: Record<string, MessageKey> = {};
	const owners = await ownerOptions(
		trx,
		origin.districtId,
		origin.anyOrganisation ? null : origin.networkId,
		now
	);
	if (!owners.some((owner) => owner.key === ownerKey(input.owner)))
		errors.owner = 'office.task.error.owner';
	if (input.agendaItemId !== null && !origin.agendaItemIds.includes(input.agendaItemId))
		errors.agendaItemId = 'office.task.error.agendaItem';
	const offer = input.offer ? await findOfferRef(trx, origin.districtId, input.offer) : null;
	if (input.offer && !offer) errors.offer = 'office.task.error.offer';
	if (Object.keys(errors).length) throw new MinutesValidationError(errors);
	const at = now.toISOString();
	const values = {
		districtId: origin.districtId,
		networkId: origin.networkId,
		meetingId: origin.meetingId,
		agendaItemId: input.agendaItemId,
		kind,
		title: input.title,
		description: input.description,
		actionField: input.actionField,
		ownerOrganisationId: 'organisationId' in input.owner ? input.owner.organisationId : null,
		ownerContactId: 'contactId' in input.owner ? input.owner.contactId : null,
		dueOn: input.dueOn,
		status: input.status,
		offerId: offer?.id ?? null,
		createdAt: at,
		updatedAt: at,
		doneAt: input.status === 'done' ? at : null
	};
	const id = await insertTask(trx, values);
	await recordAudit(
		trx,
		{
			districtId: origin.districtId,
			userId: actor.id,
			action: kind === 'task' ? 'task.created' : 'planned_offer.created',
			entity: 'task',
			entityId: id,
			after: values
		},
		now
	);
	return id;
}

/** A planned integration offer, from the board or a network; staff only. */
export async function createPlannedOffer(
	db: Kysely<DB>,
	actor: Editor,
	input: TaskInput,
	now = new Date()
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		// Before networkScope, which answers a network it does not know with "not found".
		if (input.networkId && !(await networkInDistrict(trx, input.networkId, actor.districtId)))
			throw new MinutesValidationError({ networkId: 'office.task.error.network' });
		const memberOrganisationIds = input.networkId
			? (await networkScope(trx, input.networkId, now)).memberOrganisationIds
			: [];
		authorizeInNetwork(actor, 'manage', { districtId: actor.districtId, memberOrganisationIds });
		return insertCheckedTask(
			trx,
			actor,
			'planned_offer',
			{ ...input, agendaItemId: null },
			{
				districtId: actor.districtId,
				networkId: input.networkId,
				meetingId: null,
				agendaItemIds: [],
				anyOrganisation: true
			},
			now
		);
	});
}

async function networkInDistrict(db: Db, networkId: number, districtId: number) {
	const row = await db
		.selectFrom('networks')
		.select('id')
		.where('id', '=', networkId)
		.where('districtId', '=', districtId)
		.executeTakeFirst();
	return !!row;
}

/** Staff change any task's status; a partner the tasks owned by their organisation. */
export async function changeTaskStatus(
	db: Kysely<DB>,
	actor: Editor,
	taskId: number,
	status: TaskStatus,
	now = new Date()
): Promise<void> {
	// Joins a caller's transaction: the demo marks its past tasks done in its one.
	await inTransaction(db, async (trx) => {
		const row = await findTask(trx, taskId);
		if (!row) throw new TaskNotFoundError(taskId);
		const scope = await taskScope(trx, row, now);
		// Who may not even read the task learns nothing about it.
		if (!canInNetwork(actor, 'read', scope)) throw new TaskNotFoundError(taskId);
		authorizeInNetwork(actor, 'edit_task', scope);
		if (row.status === status) return;
		const at = now.toISOString();
		await updateTaskStatus(trx, taskId, {
			status,
			doneAt: status === 'done' ? at : null,
			updatedAt: at
		});
		await recordAudit(
			trx,
			{
				districtId: row.districtId,
				userId: actor.id,
				action: 'task.status_changed',
				entity: 'task',
				entityId: taskId,
				before: { status: row.status },
				after: { status }
			},
			now
		);
	});
}

/** Whether the actor may change the task's status: the board shows the form only then. */
export function mayEditTask(
	actor: Actor,
	row: TaskRow,
	memberOrganisationIds: readonly number[]
): boolean {
	return canInNetwork(actor, 'edit_task', {
		districtId: row.districtId,
		memberOrganisationIds,
		taskOwnerOrganisationId: owningOrganisation(row)
	});
}

/** The district's tasks among `taskIds` as lists show them, e.g. a measure's follow-up work. */
export async function tasksByIds(
	db: Db,
	districtId: number,
	taskIds: readonly number[],
	now = new Date()
): Promise<TaskSummary[]> {
	const today = berlinToday(now);
	return (await findTasksByIds(db, taskIds))
		.filter((row) => row.districtId === districtId)
		.map((row) => toTaskSummary(row, today));
}
