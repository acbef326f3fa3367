import type { Kysely } from 'kysely';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import { recordAudit, type AuditAction } from '../accounts/audit.service.js';
import { isStaff, type Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { slugify } from '../../shared/text/slugify.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { CallNotFoundError, CallValidationError, type CallIssue } from './calls.errors.js';
import {
	committeeChoices,
	findCallRow,
	findCommitteeForCall,
	findTermForCall,
	insertCallRow,
	listCallRows,
	slugsStartingWith,
	updateCallRow,
	type CallRow
} from './calls.repository.js';
import { callSchema, parseCallInput, type CallFields, type CallInput } from './calls.schema.js';
import type { CallStatus } from './calls.table.js';

/**
 * Calls for candidates (issue 12): a committee, optionally one of its terms, looks for people.
 * Coordinators and administrators of the district write them as drafts, open them for the
 * portal and close them; a call takes applications while open and until the end of its
 * deadline's day in Berlin. Partners and viewers see no calls in the office.
 */
export type CallEditor = Actor & { id: number };

export interface CallView {
	id: number;
	districtId: number;
	committee: { id: number; name: string; slug: string; isPublic: boolean };
	term: { id: number; startsOn: string; endsOn: string | null } | null;
	slug: string;
	title: string;
	text: string;
	seatsSought: number;
	eligibility: string;
	deadline: string;
	status: CallStatus;
	/** Open and the deadline not passed: the portal shows the form. */
	accepting: boolean;
	createdAt: string;
	updatedAt: string;
}

export function mayManageCalls(actor: Actor, districtId: number): boolean {
	return actor.districtId === districtId && isStaff(actor);
}

function authorize(actor: Actor, districtId: number, action: 'read' | 'edit') {
	if (!mayManageCalls(actor, districtId)) throw new ForbiddenError(action, actor.role);
}

export const isAccepting = (status: CallStatus, deadline: string, now: Date) =>
	status === 'open' && deadline >= berlinToday(now);

export function callView(row: CallRow, now: Date): CallView {
	return {
		id: row.id,
		districtId: row.districtId,
		committee: {
			id: row.committeeId,
			name: row.committeeName,
			slug: row.committeeSlug,
			isPublic: row.committeeIsPublic === 1
		},
		term:
			row.termId !== null && row.termStartsOn !== null
				? { id: row.termId, startsOn: row.termStartsOn, endsOn: row.termEndsOn }
				: null,
		slug: row.slug,
		title: row.title,
		text: row.text,
		seatsSought: row.seatsSought,
		eligibility: row.eligibility,
		deadline: row.deadline,
		status: row.status,
		accepting: isAccepting(row.status, row.deadline, now),
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
	};
}

/** A call of the actor's district, for staff. */
export async function loadCall(db: Db, actor: Actor, id: number, now = new Date()) {
	const row = await findCallRow(db, id);
	if (!row || row.districtId !== actor.districtId) throw new CallNotFoundError(id);
	authorize(actor, row.districtId, 'read');
	return callView(row, now);
}

export async function listCalls(db: Db, actor: Actor, now = new Date()): Promise<CallView[]> {
	authorize(actor, actor.districtId, 'read');
	return (await listCallRows(db, actor.districtId)).map((row) => callView(row, now));
}

/** The district's committees and their terms, to choose a call's from. */
export async function callFormOptions(db: Db, actor: Actor) {
	authorize(actor, actor.districtId, 'read');
	return { committees: await committeeChoices(db, actor.districtId) };
}

/** The input's rules beyond its shape: the committee and term exist here, seats fit. */
async function validate(
	db: Db,
	actor: Actor,
	input: CallInput,
	status: CallStatus,
	now: Date
): Promise<CallFields> {
	const fields = parseCallInput(callSchema, input);
	const issues: CallIssue[] = [];
	const committee = await findCommitteeForCall(db, fields.committeeId);
	if (!committee || committee.districtId !== actor.districtId)
		throw new CallValidationError([{ path: 'committeeId', code: 'unknown' }]);
	let seats = committee.seats;
	if (fields.termId !== null) {
		const term = await findTermForCall(db, fields.termId);
		if (!term || term.committeeId !== committee.id)
			issues.push({ path: 'termId', code: 'other_committee' });
		else seats = term.seats ?? seats;
	}
	if (fields.seatsSought > seats)
		issues.push({ path: 'seatsSought', code: 'more_than_seats', params: { seats } });
	if (status === 'open' && fields.deadline < berlinToday(now))
		issues.push({ path: 'deadline', code: 'deadline_past' });
	if (issues.length) throw new CallValidationError(issues);
	return fields;
}

async function freeSlug(db: Db, title: string): Promise<string> {
	const base = slugify(title);
	const taken = await slugsStartingWith(db, base);
	let slug = base;
	for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
	return slug;
}

async function audit(
	db: Db,
	actor: CallEditor,
	districtId: number,
	change: { action: AuditAction & `committee.call.${string}`; entityId: number } & {
		before?: unknown;
		after?: unknown;
	},
	now: Date
) {
	await recordAudit(db, { districtId, userId: actor.id, entity: 'committee_call', ...change }, now);
}

/** Creates a call as a draft; nothing reaches the portal until it is opened. */
export async function createCall(
	db: Kysely<DB>,
	actor: CallEditor,
	input: CallInput,
	now = new Date()
): Promise<number> {
	authorize(actor, actor.districtId, 'edit');
	const fields = await validate(db, actor, input, 'draft', now);
	return inTransaction(db, async (trx) => {
		const stamp = now.toISOString();
		const slug = await freeSlug(trx, fields.title);
		const id = await insertCallRow(trx, {
			...fields,
			slug,
			status: 'draft',
			createdAt: stamp,
			updatedAt: stamp
		});
		await audit(
			trx,
			actor,
			actor.districtId,
			{ action: 'committee.call.create', entityId: id, after: { ...fields, slug } },
			now
		);
		return id;
	});
}

const auditView = (call: CallView): CallFields => ({
	committeeId: call.committee.id,
	termId: call.term?.id ?? null,
	title: call.title,
	text: call.text,
	seatsSought: call.seatsSought,
	eligibility: call.eligibility,
	deadline: call.deadline
});

/** Changes a call's texts and figures; its slug and status stay. */
export async function updateCall(
	db: Kysely<DB>,
	actor: CallEditor,
	id: number,
	input: CallInput,
	now = new Date()
): Promise<void> {
	const call = await loadCall(db, actor, id, now);
	const fields = await validate(db, actor, input, call.status, now);
	await inTransaction(db, async (trx) => {
		await updateCallRow(trx, id, { ...fields, updatedAt: now.toISOString() });
		await audit(
			trx,
			actor,
			call.districtId,
			{ action: 'committee.call.edit', entityId: id, before: auditView(call), after: fields },
			now
		);
	});
}

/**
 * Opens a call for applications (from draft, or again after closing); refused while its
 * deadline has passed, which the page says so the coordinator moves it first.
 */
export async function openCall(
	db: Kysely<DB>,
	actor: CallEditor,
	id: number,
	now = new Date()
): Promise<void> {
	const call = await loadCall(db, actor, id, now);
	if (call.status === 'open') return;
	if (call.deadline < berlinToday(now))
		throw new CallValidationError([{ path: 'deadline', code: 'deadline_past' }]);
	await setStatus(db, actor, call, 'open', now);
}

/** Closes a call: the portal then says so and shows no form. */
export async function closeCall(
	db: Kysely<DB>,
	actor: CallEditor,
	id: number,
	now = new Date()
): Promise<void> {
	const call = await loadCall(db, actor, id, now);
	if (call.status === 'closed') return;
	await setStatus(db, actor, call, 'closed', now);
}

async function setStatus(
	db: Kysely<DB>,
	actor: CallEditor,
	call: CallView,
	status: 'open' | 'closed',
	now: Date
) {
	await inTransaction(db, async (trx) => {
		await updateCallRow(trx, call.id, { status, updatedAt: now.toISOString() });
		await audit(
			trx,
			actor,
			call.districtId,
			{
				action: status === 'open' ? 'committee.call.open' : 'committee.call.close',
				entityId: call.id,
				before: { status: call.status },
				after: { status }
			},
			now
		);
	});
}
