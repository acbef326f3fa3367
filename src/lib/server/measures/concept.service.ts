import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { parsePeriod } from '../../shared/time/period.js';
import {
	authorizeConceptEdit,
	authorizeConceptRead,
	type ConceptEditor
} from './concept-access.js';
import { ConceptNotFoundError, ConceptValidationError } from './concept.errors.js';
import {
	findConceptVersionRow,
	findValuePeriodsOfVersion,
	insertConceptVersion,
	listConceptVersionRows,
	updateConceptVersionRow,
	type ConceptVersionRow
} from './concept.repository.js';
import { conceptVersionSchema, parseOrThrow, type ConceptVersionInput } from './concept.schema.js';

/**
 * Versions of the district's integration concept ("Wir sind Vielfalt"): each adopted on a day
 * for a span of years. The current version is the one adopted last, on or before today; a
 * version adopted for a later day waits until then.
 */
export interface ConceptVersion {
	id: number;
	districtId: number;
	title: string;
	adoptedOn: string;
	periodFrom: number;
	periodTo: number;
	documentUrl: string | null;
	current: boolean;
}

const toVersion = (row: ConceptVersionRow, currentId: number | null): ConceptVersion => ({
	id: row.id,
	districtId: row.districtId,
	title: row.title,
	adoptedOn: row.adoptedOn,
	periodFrom: row.periodFrom,
	periodTo: row.periodTo,
	documentUrl: row.documentUrl,
	current: row.id === currentId
});

const currentOf = (rows: ConceptVersionRow[], today: string) =>
	rows.find((row) => row.adoptedOn <= today) ?? null;

/** The district's versions, newest adoption first, the current one marked. */
export async function listConceptVersions(
	db: Db,
	actor: Actor,
	now = new Date()
): Promise<ConceptVersion[]> {
	const rows = await listConceptVersionRows(db, actor.districtId);
	const current = currentOf(rows, berlinToday(now));
	return rows.map((row) => toVersion(row, current?.id ?? null));
}

/** The district's current concept version, or null while none is adopted. */
export async function currentConceptVersion(
	db: Db,
	districtId: number,
	now = new Date()
): Promise<ConceptVersion | null> {
	const current = currentOf(await listConceptVersionRows(db, districtId), berlinToday(now));
	return current ? toVersion(current, current.id) : null;
}

/** A version the actor may read; ConceptNotFoundError for another district's. */
export async function getConceptVersion(
	db: Db,
	actor: Actor,
	versionId: number,
	now = new Date()
): Promise<ConceptVersion> {
	const row = await findConceptVersionRow(db, versionId);
	if (!row || row.districtId !== actor.districtId)
		throw new ConceptNotFoundError('concept', versionId);
	authorizeConceptRead(actor, row.districtId);
	const current = await currentConceptVersion(db, row.districtId, now);
	return toVersion(row, current?.id ?? null);
}

export async function createConceptVersion(
	db: Kysely<DB>,
	actor: ConceptEditor,
	input: ConceptVersionInput,
	now = new Date()
): Promise<number> {
	authorizeConceptEdit(actor, actor.districtId);
	const version = parseOrThrow(conceptVersionSchema, input);
	return inTransaction(db, async (trx) => {
		const stamp = now.toISOString();
		const id = await insertConceptVersion(trx, {
			districtId: actor.districtId,
			...version,
			createdAt: stamp,
			updatedAt: stamp
		});
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'concept.version.create',
				entity: 'concept_version',
				entityId: id,
				after: version
			},
			now
		);
		return id;
	});
}

/** Changes a version; its years may not shrink past values already recorded. */
export async function updateConceptVersion(
	db: Kysely<DB>,
	actor: ConceptEditor,
	versionId: number,
	input: ConceptVersionInput,
	now = new Date()
): Promise<void> {
	const before = await getConceptVersion(db, actor, versionId, now);
	authorizeConceptEdit(actor, before.districtId);
	const version = parseOrThrow(conceptVersionSchema, input);
	await inTransaction(db, async (trx) => {
		const years = (await findValuePeriodsOfVersion(trx, versionId)).map(
			(period) => parsePeriod(period)!.year
		);
		if (years.some((year) => year < version.periodFrom))
			throw new ConceptValidationError([{ path: 'periodFrom', code: 'values_outside' }]);
		if (years.some((year) => year > version.periodTo))
			throw new ConceptValidationError([{ path: 'periodTo', code: 'values_outside' }]);
		await updateConceptVersionRow(trx, versionId, { ...version, updatedAt: now.toISOString() });
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'concept.version.update',
				entity: 'concept_version',
				entityId: versionId,
				before,
				after: version
			},
			now
		);
	});
}
