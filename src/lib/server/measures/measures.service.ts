import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { listContacts } from '../directory/contacts.service.js';
import { decisionOrigins } from '../minutes/decisions.service.js';
import {
	findOrganisationDistrict,
	listOrganisationNames
} from '../organisations/organisations.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { findDistrictGoals } from './concept.repository.js';
import { authorizeOnMeasure, canOnMeasure, seesAllMeasures } from './measure-access.js';
import {
	audit,
	districtScope,
	measureFor,
	staleMonthsOf,
	storeStaleMonths,
	changeMeasure,
	type MeasureActor
} from './measure-scope.js';
import { summarise, type MeasureSummary } from './measure-views.js';
import { MeasureValidationError, type MeasureIssue } from './measures.errors.js';
import {
	findActionFields,
	findContact,
	findGoalLinks,
	findPartners,
	insertMeasure,
	insertUpdate,
	listMeasureRows,
	replaceLinks,
	replaceMeasureLinks,
	updateMeasureRow
} from './measures.repository.js';
import { findLinks, findMilestones } from './measure-parts.repository.js';
import {
	measureInputSchema,
	parseOrThrow,
	staleMonthsSchema,
	statusInputSchema,
	updateInputSchema,
	type MeasureInput,
	type StatusInput,
	type UpdateInput
} from './measures.schema.js';
import type { MeasureStatus } from './measures.table.js';
import type { Light } from './progress.js';

export type { MeasureActor } from './measure-scope.js';
export type { MeasureSummary } from './measure-views.js';

export interface MeasureFilters {
	actionField?: string;
	status?: MeasureStatus;
	light?: Light;
}

/** The measures the actor may see (staff and viewers all, partners their own), filtered. */
export async function listMeasures(
	db: Db,
	actor: Actor,
	filters: MeasureFilters = {},
	now = new Date()
): Promise<MeasureSummary[]> {
	const rows = await listMeasureRows(
		db,
		actor.districtId,
		seesAllMeasures(actor) ? undefined : actor.organisationIds
	);
	const summaries = await summarise(db, rows, await staleMonthsOf(db, actor.districtId), now);
	return summaries.filter(
		(measure) =>
			(!filters.actionField || measure.actionFields.includes(filters.actionField)) &&
			(!filters.status || measure.status === filters.status) &&
			(!filters.light || measure.light === filters.light)
	);
}

export const mayCreateMeasure = (actor: Actor): boolean =>
	canOnMeasure(actor, 'manage', districtScope(actor));

/** What the measure form offers to choose from; staff only. */
export async function measureFormOptions(db: Db, actor: Actor) {
	authorizeOnMeasure(actor, 'manage', districtScope(actor));
	return {
		organisations: await listOrganisationNames(db, actor.districtId),
		contacts: (
			await listContacts(db, actor, {
				q: '',
				organisationId: null,
				actionField: null,
				language: null,
				consent: null
			})
		).map((contact) => ({ id: contact.id, name: contact.name })),
		goals: await findDistrictGoals(db, actor.districtId)
	};
}

/** The references of a measure must all be the district's own; each wrong one names its input. */
async function checkReferences(db: Db, actor: Actor, measure: MeasureInput): Promise<void> {
	const issues: MeasureIssue[] = [];
	const organisations = [measure.leadOrganisationId, ...measure.partnerOrganisationIds];
	for (const [index, id] of organisations.entries())
		if (id !== null && (await findOrganisationDistrict(db, id)) !== actor.districtId)
			issues.push({
				path: index === 0 ? 'leadOrganisationId' : 'partnerOrganisationIds',
				code: 'unknown'
			});
	if (measure.responsibleContactId !== null) {
		const contact = await findContact(db, measure.responsibleContactId);
		if (contact?.districtId !== actor.districtId || contact.anonymisedAt)
			issues.push({ path: 'responsibleContactId', code: 'unknown' });
	}
	const goals = new Set((await findDistrictGoals(db, actor.districtId)).map((goal) => goal.id));
	if (measure.goalIds.some((id) => !goals.has(id)))
		issues.push({ path: 'goalIds', code: 'unknown' });
	if (
		measure.decisionId !== null &&
		!(await decisionOrigins(db, actor.districtId, [measure.decisionId])).length
	)
		issues.push({ path: 'decisionId', code: 'unknown' });
	if (issues.length) throw new MeasureValidationError(issues);
}

const linksOf = (measure: MeasureInput) => ({
	actionFields: measure.actionFields,
	goalIds: [...new Set(measure.goalIds)],
	partnerIds: [...new Set(measure.partnerOrganisationIds)]
});

const columnsOf = (measure: MeasureInput) => ({
	title: measure.title,
	description: measure.description,
	leadOrganisationId: measure.leadOrganisationId,
	responsibleContactId: measure.responsibleContactId,
	startsOn: measure.startsOn,
	endsOn: measure.endsOn,
	progressMode: measure.progressMode,
	isPublic: measure.isPublic ? 1 : 0
});

/** A new measure with its first status; from a decision when `decisionId` is set. */
export async function createMeasure(
	db: Kysely<DB>,
	actor: MeasureActor,
	input: MeasureInput,
	statusInput: StatusInput,
	now = new Date()
): Promise<number> {
	authorizeOnMeasure(actor, 'manage', districtScope(actor));
	const measure = parseOrThrow(measureInputSchema, input);
	const status = parseOrThrow(statusInputSchema, statusInput);
	await checkReferences(db, actor, measure);
	return db.transaction().execute(async (trx) => {
		const at = now.toISOString();
		const id = await insertMeasure(trx, {
			districtId: actor.districtId,
			...columnsOf(measure),
			status: status.status,
			statusOn: status.statusOn,
			statusReason: status.reason,
			decisionId: measure.decisionId,
			createdAt: at,
			updatedAt: at
		});
		await replaceMeasureLinks(trx, id, linksOf(measure));
		await replaceLinks(trx, id, measure.links);
		await insertUpdate(trx, {
			measureId: id,
			recordedAt: at,
			recordedBy: actor.id,
			status: status.status,
			progress: null,
			note: status.reason
		});
		await audit(
			trx,
			actor,
			{
				action: 'measure.create',
				entity: 'measure',
				entityId: id,
				after: { ...measure, ...status }
			},
			now
		);
		return id;
	});
}

/** Changes what a measure is; its status has its own step (`changeStatus`). */
export async function updateMeasure(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	input: MeasureInput,
	now = new Date()
): Promise<void> {
	const { row } = await measureFor(db, actor, measureId, 'manage');
	const measure = parseOrThrow(measureInputSchema, { ...input, decisionId: row.decisionId });
	await checkReferences(db, actor, measure);
	const endsOn = measure.endsOn;
	if (
		endsOn &&
		(await findMilestones(db, [measureId])).some((milestone) => milestone.dueOn > endsOn)
	)
		throw new MeasureValidationError([{ path: 'endsOn', code: 'milestone_after_end' }]);
	await db.transaction().execute(async (trx) => {
		const before = {
			...row,
			actionFields: (await findActionFields(trx, [measureId])).map((field) => field.actionField),
			goalIds: (await findGoalLinks(trx, [measureId])).map((goal) => goal.id),
			partnerOrganisationIds: (await findPartners(trx, [measureId])).map((partner) => partner.id),
			links: await findLinks(trx, measureId)
		};
		await updateMeasureRow(trx, measureId, { ...columnsOf(measure), updatedAt: now.toISOString() });
		await replaceMeasureLinks(trx, measureId, linksOf(measure));
		await replaceLinks(trx, measureId, measure.links);
		await audit(
			trx,
			actor,
			{ action: 'measure.update', entity: 'measure', entityId: measureId, before, after: measure },
			now
		);
	});
}

/** A new status with the day it took effect and why; kept in the measure's history. */
export async function changeStatus(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	input: StatusInput,
	now = new Date()
): Promise<void> {
	const { row } = await measureFor(db, actor, measureId, 'manage');
	const status = parseOrThrow(statusInputSchema, input);
	await db.transaction().execute(async (trx) => {
		await updateMeasureRow(trx, measureId, {
			status: status.status,
			statusOn: status.statusOn,
			statusReason: status.reason,
			updatedAt: now.toISOString()
		});
		await insertUpdate(trx, {
			measureId,
			recordedAt: now.toISOString(),
			recordedBy: actor.id,
			status: status.status,
			progress: null,
			note: status.reason
		});
		await audit(
			trx,
			actor,
			{
				action: 'measure.status',
				entity: 'measure',
				entityId: measureId,
				before: { status: row.status, statusOn: row.statusOn, reason: row.statusReason },
				after: status
			},
			now
		);
	});
}

/** A status note, with progress in percent where the measure's progress is entered by hand. */
export async function recordUpdate(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	input: UpdateInput,
	now = new Date()
): Promise<void> {
	const { row } = await measureFor(db, actor, measureId, 'update');
	const update = parseOrThrow(updateInputSchema, input);
	if (update.progress !== null && row.progressMode !== 'manual')
		throw new MeasureValidationError([{ path: 'progress', code: 'from_milestones' }]);
	await changeMeasure(db, actor, measureId, now, async (trx) => {
		await insertUpdate(trx, {
			measureId,
			recordedAt: now.toISOString(),
			recordedBy: actor.id,
			status: null,
			progress: update.progress,
			note: update.note
		});
		return { action: 'measure.note', entity: 'measure', entityId: measureId, after: update };
	});
}

/** How many months without an update turn a measure under way amber, in the actor's district. */
export async function staleMonths(db: Db, actor: Actor): Promise<number> {
	return staleMonthsOf(db, actor.districtId);
}

export async function setStaleMonths(
	db: Kysely<DB>,
	actor: MeasureActor,
	months: number,
	now = new Date()
): Promise<void> {
	authorizeOnMeasure(actor, 'manage', districtScope(actor));
	const parsed = staleMonthsSchema.safeParse(months);
	if (!parsed.success) throw new MeasureValidationError([{ path: 'staleMonths', code: 'months' }]);
	await db.transaction().execute(async (trx) => {
		const before = await staleMonthsOf(trx, actor.districtId);
		await storeStaleMonths(trx, actor.districtId, parsed.data);
		await audit(
			trx,
			actor,
			{
				action: 'measure.settings',
				entity: 'district',
				entityId: actor.districtId,
				before: { staleMonths: before },
				after: { staleMonths: parsed.data }
			},
			now
		);
	});
}

/** Today in Europe/Berlin, the default day of a status change in the forms. */
export const todayForForms = (now = new Date()): string => berlinToday(now);
