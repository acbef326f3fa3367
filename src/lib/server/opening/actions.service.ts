import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { createMeasure } from '../measures/measures.service.js';
import { insertCheckedTask } from '../minutes/tasks.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { authorizeOnOpening, type OpeningEditor } from './opening-access.js';
import { auditOpening } from './opening-audit.js';
import {
	ActionNotFoundError,
	OpeningValidationError,
	RoundNotFoundError
} from './opening.errors.js';
import { findActionRow, insertActionRow, updateActionRow } from './actions.repository.js';
import { findRoundRow } from './opening.repository.js';
import { actionInputSchema, parseOpeningInput, type ActionInput } from './opening.schema.js';
import { districtOrganisationName, unitInScope } from './units.service.js';

/**
 * Improvement actions of a round: what, who (in words or an organisation of the district) and by
 * when. Whoever may fill in the round adds them; a coordinator turns one into a measure (status
 * "idea") or a task on the planning board, and the action keeps the link to it.
 */
export async function addAction(
	db: Kysely<DB>,
	actor: OpeningEditor,
	roundId: number,
	input: ActionInput,
	now = new Date()
): Promise<number> {
	const round = await findRoundRow(db, roundId);
	if (!round) throw new RoundNotFoundError(roundId);
	const unit = await unitInScope(db, actor, round.unitId);
	const action = parseOpeningInput(actionInputSchema, input);
	if (action.organisationId !== null)
		await districtOrganisationName(db, unit.districtId, action.organisationId, 'organisationId');
	return inTransaction(db, async (trx) => {
		const at = now.toISOString();
		const id = await insertActionRow(trx, { roundId, ...action, createdAt: at, updatedAt: at });
		await auditOpening(
			trx,
			actor,
			unit.districtId,
			{ action: 'opening.action.create', entity: 'opening_action', entityId: id, after: action },
			now
		);
		return id;
	});
}

async function actionForCoordinator(db: Kysely<DB>, actor: OpeningEditor, actionId: number) {
	const action = await findActionRow(db, actionId);
	if (!action) throw new ActionNotFoundError(actionId);
	const round = (await findRoundRow(db, action.roundId))!;
	const unit = await unitInScope(db, actor, round.unitId);
	authorizeOnOpening(actor, 'manage', unit.districtId);
	return { action, round, unit };
}

/** The action as a new measure in the "idea" status, led by the action's organisation if any. */
export async function actionToMeasure(
	db: Kysely<DB>,
	actor: OpeningEditor,
	actionId: number,
	now = new Date()
): Promise<number> {
	const { action, round, unit } = await actionForCoordinator(db, actor, actionId);
	if (action.measureId !== null)
		throw new OpeningValidationError([{ path: 'action', code: 'already_measure' }]);
	return inTransaction(db, async (trx) => {
		const measureId = await createMeasure(
			trx,
			actor,
			{
				title: action.what,
				// German, as the source texts of measures are; it names where the idea came from.
				description: `Verbesserungsmaßnahme aus der Selbstbewertung zur interkulturellen Öffnung: ${unit.name}, Runde ${round.label}.`,
				actionFields: ['intercultural_opening'],
				goalIds: [],
				leadOrganisationId: action.organisationId,
				partnerOrganisationIds: [],
				responsibleContactId: null,
				startsOn: null,
				endsOn: action.dueOn,
				progressMode: 'milestones',
				isPublic: false,
				links: [],
				decisionId: null
			},
			{ status: 'idea', statusOn: berlinToday(now), reason: '' },
			now
		);
		await updateActionRow(trx, actionId, { measureId, updatedAt: now.toISOString() });
		await auditOpening(
			trx,
			actor,
			unit.districtId,
			{
				action: 'opening.action.measure',
				entity: 'opening_action',
				entityId: actionId,
				after: { measureId }
			},
			now
		);
		return measureId;
	});
}

/** The action as an open task on the planning board; it needs an organisation and a due day. */
export async function actionToTask(
	db: Kysely<DB>,
	actor: OpeningEditor,
	actionId: number,
	now = new Date()
): Promise<number> {
	const { action, unit } = await actionForCoordinator(db, actor, actionId);
	const issues = [
		...(action.taskId !== null ? [{ path: 'action', code: 'already_task' }] : []),
		...(action.organisationId === null ? [{ path: 'action', code: 'task_owner' }] : []),
		...(action.dueOn === null ? [{ path: 'action', code: 'task_due' }] : [])
	];
	if (issues.length) throw new OpeningValidationError(issues);
	return inTransaction(db, async (trx) => {
		const taskId = await insertCheckedTask(
			trx,
			actor,
			'task',
			{
				title: action.what,
				description: `${unit.name}: Selbstbewertung zur interkulturellen Öffnung`,
				owner: { organisationId: action.organisationId! },
				dueOn: action.dueOn!,
				status: 'open',
				agendaItemId: null,
				actionField: 'intercultural_opening',
				networkId: null,
				offer: null
			},
			{ districtId: unit.districtId, networkId: null, meetingId: null, agendaItemIds: [] },
			now
		);
		await updateActionRow(trx, actionId, { taskId, updatedAt: now.toISOString() });
		await auditOpening(
			trx,
			actor,
			unit.districtId,
			{
				action: 'opening.action.task',
				entity: 'opening_action',
				entityId: actionId,
				after: { taskId }
			},
			now
		);
		return taskId;
	});
}
