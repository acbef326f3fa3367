import type { MessageKey } from '../../i18n/messages.js';
import type { Kysely } from 'kysely';
import { recordAudit } from '../accounts/audit.service.js';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { berlinNow, berlinToday } from '../../shared/time/berlin-clock.js';
import { renderMarkdown } from '../../shared/text/markdown.js';
import { MinutesReleasedError, MinutesValidationError } from './minutes.errors.js';
import {
	findAgendaItems,
	findAttendance,
	findDecisions,
	findMeetingWithNetwork,
	updateItemMinutes
} from './minutes.repository.js';
import { authorizeInNetwork, canInNetwork } from '../networks/network-access.js';
import { networkScope } from '../networks/networks.service.js';
import { MeetingNotFoundError } from '../meetings/meetings.errors.js';
import { findCarriedTasks, findTasksOfMeeting, type TaskRow } from './tasks.repository.js';
import type { TaskInput } from './tasks.schema.js';
import {
	insertCheckedTask,
	mayEditTask,
	toTaskSummary,
	type Editor,
	type TaskSummary
} from './tasks.service.js';

export const MAX_MINUTES_LENGTH = 50_000;

export interface Decision {
	id: number;
	agendaItemId: number | null;
	text: string;
}

export interface MinutesItem {
	id: number;
	position: number;
	title: string;
	presenter: string | null;
	/** Markdown as written. */
	minutes: string;
	/** The Markdown rendered by the restricted, script-free renderer. */
	minutesHtml: string;
	decisions: Decision[];
	tasks: MinutesTask[];
}

/** A task as the minutes show it, with whether the reader may change its status. */
export type MinutesTask = TaskSummary & { mayEdit: boolean };

/** A person on the attendance list; null name for someone erased ("former participant"). */
export interface Attendee {
	name: string | null;
}

export interface MinutesView {
	meeting: {
		id: number;
		title: string;
		startsAt: string;
		endsAt: string;
		location: string | null;
		onlineUrl: string | null;
		status: string;
		networkId: number;
		networkName: string;
		releasedAt: string | null;
		/** The release day in Europe/Berlin. */
		releasedOn: string | null;
	};
	attendance: Record<'present' | 'excused' | 'absent', Attendee[]>;
	items: MinutesItem[];
	/** Decisions and tasks of the meeting that belong to no agenda item. */
	general: { decisions: Decision[]; tasks: MinutesTask[] };
	/** Open tasks from earlier meetings of the network ("Offene Aufgaben aus früheren Sitzungen"). */
	carriedTasks: MinutesTask[];
	may: { manage: boolean };
	/** What release depends on: the meeting has begun; attendance recorded, else a confirmation. */
	release: { started: boolean; attendanceRecorded: boolean };
}

/** The meeting and the scope its rights depend on; unknown meetings and other districts alike 404. */
export async function meetingInScope(db: Db, actor: Actor, meetingId: number, now: Date) {
	const meeting = await findMeetingWithNetwork(db, meetingId);
	if (!meeting || meeting.districtId !== actor.districtId)
		throw new MeetingNotFoundError(meetingId);
	// The network's members today, as its page and its meetings count them.
	const scope = await networkScope(db, meeting.networkId, now);
	return { meeting, scope };
}

/**
 * The minutes of a meeting. Staff see them while they are written; members of the network and
 * viewers once they are released; anyone else gets "not found", so unreleased minutes stay hidden.
 */
export async function getMinutes(
	db: Db,
	actor: Actor,
	meetingId: number,
	now = new Date()
): Promise<MinutesView> {
	const { meeting, scope } = await meetingInScope(db, actor, meetingId, now);
	const manage = canInNetwork(actor, 'manage', scope);
	if (!canInNetwork(actor, 'read', scope) || (!meeting.minutesReleasedAt && !manage))
		throw new MeetingNotFoundError(meetingId);
	const today = berlinToday(now);
	const [items, decisions, attendance, tasks, carried] = await Promise.all([
		findAgendaItems(db, meetingId),
		findDecisions(db, meetingId),
		findAttendance(db, meetingId),
		findTasksOfMeeting(db, meetingId),
		findCarriedTasks(db, meeting.networkId, meeting)
	]);
	// The reader may change a task's status here as on the board: staff, or its organisation.
	const summarise = (row: TaskRow) => ({
		...toTaskSummary(row, today),
		mayEdit: mayEditTask(actor, row, scope.memberOrganisationIds)
	});
	const summaries = tasks.map(summarise);
	const itemIds = new Set(items.map((item) => item.id));
	const byAttendance = (value: string) =>
		attendance
			.filter((person) => person.attendance === value)
			.map((person) => ({ name: person.anonymisedAt ? null : person.name }));
	return {
		meeting: {
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt,
			endsAt: meeting.endsAt,
			location: meeting.location,
			onlineUrl: meeting.onlineUrl,
			status: meeting.status,
			networkId: meeting.networkId,
			networkName: meeting.networkName,
			releasedAt: meeting.minutesReleasedAt,
			releasedOn: meeting.minutesReleasedAt
				? berlinToday(new Date(meeting.minutesReleasedAt))
				: null
		},
		release: {
			started: berlinNow(now) >= meeting.startsAt,
			attendanceRecorded: attendance.some((person) => person.attendance !== null)
		},
		attendance: {
			present: byAttendance('present'),
			excused: byAttendance('excused'),
			absent: byAttendance('absent')
		},
		items: items.map((item) => ({
			...item,
			minutesHtml: renderMarkdown(item.minutes),
			decisions: decisions.filter((decision) => decision.agendaItemId === item.id),
			tasks: summaries.filter((task) => task.agendaItemId === item.id)
		})),
		general: {
			decisions: decisions.filter(
				(decision) => decision.agendaItemId === null || !itemIds.has(decision.agendaItemId)
			),
			tasks: summaries.filter(
				(task) => task.agendaItemId === null || !itemIds.has(task.agendaItemId)
			)
		},
		carriedTasks: carried.map(summarise),
		may: { manage }
	};
}

/** Opens a change of the minutes: staff only, and only until they are released. */
export async function editableMeeting(trx: Db, actor: Actor, meetingId: number, now: Date) {
	const { meeting, scope } = await meetingInScope(trx, actor, meetingId, now);
	authorizeInNetwork(actor, 'manage', scope);
	if (meeting.minutesReleasedAt) throw new MinutesReleasedError(meetingId);
	return meeting;
}

/** Saves the Markdown minutes of the given agenda items (item id → text). */
export async function saveMinutes(
	db: Kysely<DB>,
	actor: Editor,
	meetingId: number,
	minutesByItem: Map<number, string>,
	now = new Date()
): Promise<void> {
	const errors: Record<string, MessageKey> = {};
	for (const [itemId, text] of minutesByItem)
		if (text.length > MAX_MINUTES_LENGTH) errors[`item-${itemId}`] = 'office.minutes.error.tooLong';
	if (Object.keys(errors).length) throw new MinutesValidationError(errors);
	await db.transaction().execute(async (trx) => {
		const meeting = await editableMeeting(trx, actor, meetingId, now);
		const before = new Map((await findAgendaItems(trx, meetingId)).map((item) => [item.id, item]));
		for (const [itemId, text] of minutesByItem) {
			const item = before.get(itemId);
			if (!item || item.minutes === text) continue;
			await updateItemMinutes(trx, meetingId, itemId, text);
			await recordAudit(
				trx,
				{
					districtId: meeting.districtId,
					userId: actor.id,
					action: 'minutes.item_saved',
					entity: 'agenda_item',
					entityId: itemId,
					before: { minutes: item.minutes },
					after: { minutes: text }
				},
				now
			);
		}
	});
}

/** A follow-up task arising from the meeting (from one of its agenda items, or in general). */
export async function addFollowUpTask(
	db: Kysely<DB>,
	actor: Editor,
	meetingId: number,
	input: TaskInput,
	now = new Date()
): Promise<number> {
	// Joins a caller's transaction: a chain review links the task to its decision in the same one.
	return inTransaction(db, async (trx) => {
		const meeting = await editableMeeting(trx, actor, meetingId, now);
		const items = await findAgendaItems(trx, meetingId);
		return insertCheckedTask(
			trx,
			actor,
			'task',
			input,
			{
				districtId: meeting.districtId,
				networkId: meeting.networkId,
				meetingId,
				agendaItemIds: items.map((item) => item.id)
			},
			now
		);
	});
}
