import type { Kysely } from 'kysely';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { MinutesValidationError } from './minutes.errors.js';
import {
	deleteDecision,
	findAgendaItems,
	findDecisionOrigins,
	insertDecision
} from './minutes.repository.js';
import { editableMeeting } from './minutes.service.js';
import type { Editor } from './tasks.service.js';

export const MAX_DECISION_LENGTH = 2_000;

/** A decision on an agenda item of the meeting, or a general one (agendaItemId null). */
export async function addDecision(
	db: Kysely<DB>,
	actor: Editor,
	meetingId: number,
	decision: { agendaItemId: number | null; text: string },
	now = new Date()
): Promise<number> {
	const text = decision.text.trim();
	if (!text) throw new MinutesValidationError({ decisionText: 'office.minutes.error.decision' });
	if (text.length > MAX_DECISION_LENGTH)
		throw new MinutesValidationError({ decisionText: 'office.minutes.error.tooLong' });
	return inTransaction(db, async (trx) => {
		const meeting = await editableMeeting(trx, actor, meetingId, now);
		const items = await findAgendaItems(trx, meetingId);
		if (decision.agendaItemId !== null && !items.some((item) => item.id === decision.agendaItemId))
			throw new MinutesValidationError({ decisionItem: 'office.task.error.agendaItem' });
		const id = await insertDecision(trx, { meetingId, agendaItemId: decision.agendaItemId, text });
		await recordAudit(
			trx,
			{
				districtId: meeting.districtId,
				userId: actor.id,
				action: 'decision.created',
				entity: 'decision',
				entityId: id,
				after: { meetingId, agendaItemId: decision.agendaItemId, text }
			},
			now
		);
		return id;
	});
}

export async function removeDecision(
	db: Kysely<DB>,
	actor: Editor,
	meetingId: number,
	decisionId: number,
	now = new Date()
): Promise<void> {
	await inTransaction(db, async (trx) => {
		const meeting = await editableMeeting(trx, actor, meetingId, now);
		const removed = await deleteDecision(trx, meetingId, decisionId);
		if (!removed) return;
		await recordAudit(
			trx,
			{
				districtId: meeting.districtId,
				userId: actor.id,
				action: 'decision.deleted',
				entity: 'decision',
				entityId: decisionId,
				before: removed
			},
			now
		);
	});
}

/** Where a decision was taken: the meeting (title, start) and its network. */
export interface DecisionOrigin {
	id: number;
	text: string;
	meetingId: number;
	meetingTitle: string;
	meetingStartsAt: string;
	networkId: number;
	networkName: string;
}

/**
 * The decisions of the district among `decisionIds`, with where they were taken, for the
 * measures that came from them; decisions of other districts are left out.
 */
export async function decisionOrigins(
	db: Db,
	districtId: number,
	decisionIds: readonly number[]
): Promise<DecisionOrigin[]> {
	return findDecisionOrigins(db, districtId, [...new Set(decisionIds)]);
}
