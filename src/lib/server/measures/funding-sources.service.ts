import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { authorizeOnMeasure } from './measure-access.js';
import { audit, districtScope, type MeasureActor } from './measure-scope.js';
import { FundingSourceNotFoundError, MeasureValidationError } from './measures.errors.js';
import {
	findFundingSourceByName,
	findFundingSourceRow,
	insertFundingSources,
	listFundingSourceRows,
	updateFundingSourceRow
} from './funding-sources.repository.js';
import { fundingSourceInputSchema, parseOrThrow } from './measures.schema.js';

/**
 * The funding sources budgets are planned against, an editable list per district. A district
 * starts with the usual five, created the first time its list is read (no migration writes
 * district data); the names are the district's German data, not interface text.
 */
export const DEFAULT_FUNDING_SOURCES = [
	'Landesmittel Integration',
	'Kreishaushalt',
	'Bundesprogramm',
	'EU-Fonds',
	'Eigenmittel'
] as const;

export interface FundingSource {
	id: number;
	name: string;
	archived: boolean;
}

/**
 * The district's funding sources in order; on the first read the defaults are created. Staff and
 * viewers read it (viewers see budgets); `withArchived` also lists those no longer offered.
 */
export async function listFundingSources(
	db: Kysely<DB>,
	actor: MeasureActor,
	options: { withArchived?: boolean } = {},
	now = new Date()
): Promise<FundingSource[]> {
	authorizeOnMeasure(actor, 'read_budget', districtScope(actor));
	let rows = await listFundingSourceRows(db, actor.districtId);
	if (!rows.length) {
		await inTransaction(db, async (trx) => {
			// A second request that raced this one already created them.
			if ((await listFundingSourceRows(trx, actor.districtId)).length) return;
			const at = now.toISOString();
			await insertFundingSources(trx, actor.districtId, DEFAULT_FUNDING_SOURCES, 1, at);
			await audit(
				trx,
				actor,
				{
					action: 'funding_source.defaults',
					entity: 'district',
					entityId: actor.districtId,
					after: DEFAULT_FUNDING_SOURCES
				},
				now
			);
		});
		rows = await listFundingSourceRows(db, actor.districtId);
	}
	return rows
		.filter((row) => options.withArchived || !row.archivedAt)
		.map((row) => ({ id: row.id, name: row.name, archived: row.archivedAt !== null }));
}

async function checkName(db: Db, actor: Actor, name: string, except?: number): Promise<string> {
	const parsed = parseOrThrow(fundingSourceInputSchema, { name });
	const same = await findFundingSourceByName(db, actor.districtId, parsed.name);
	if (same && same.id !== except)
		throw new MeasureValidationError([{ path: 'name', code: 'duplicate' }]);
	return parsed.name;
}

export async function addFundingSource(
	db: Kysely<DB>,
	actor: MeasureActor,
	name: string,
	now = new Date()
): Promise<number> {
	authorizeOnMeasure(actor, 'manage', districtScope(actor));
	const checked = await checkName(db, actor, name);
	return inTransaction(db, async (trx) => {
		const rows = await listFundingSourceRows(trx, actor.districtId);
		const last = rows.reduce((max, row) => Math.max(max, row.position), 0);
		const [id] = await insertFundingSources(
			trx,
			actor.districtId,
			[checked],
			last + 1,
			now.toISOString()
		);
		await audit(
			trx,
			actor,
			{
				action: 'funding_source.create',
				entity: 'funding_source',
				entityId: id!,
				after: { name: checked }
			},
			now
		);
		return id!;
	});
}

async function ownSource(db: Db, actor: Actor, fundingSourceId: number) {
	authorizeOnMeasure(actor, 'manage', districtScope(actor));
	const row = await findFundingSourceRow(db, fundingSourceId);
	if (row?.districtId !== actor.districtId) throw new FundingSourceNotFoundError(fundingSourceId);
	return row;
}

export async function renameFundingSource(
	db: Kysely<DB>,
	actor: MeasureActor,
	fundingSourceId: number,
	name: string,
	now = new Date()
): Promise<void> {
	const row = await ownSource(db, actor, fundingSourceId);
	const checked = await checkName(db, actor, name, fundingSourceId);
	await inTransaction(db, async (trx) => {
		await updateFundingSourceRow(trx, fundingSourceId, { name: checked });
		await audit(
			trx,
			actor,
			{
				action: 'funding_source.rename',
				entity: 'funding_source',
				entityId: fundingSourceId,
				before: { name: row.name },
				after: { name: checked }
			},
			now
		);
	});
}

/** An archived source is no longer offered for new budget lines; the lines it has stay. */
export async function archiveFundingSource(
	db: Kysely<DB>,
	actor: MeasureActor,
	fundingSourceId: number,
	archived: boolean,
	now = new Date()
): Promise<void> {
	await ownSource(db, actor, fundingSourceId);
	await inTransaction(db, async (trx) => {
		await updateFundingSourceRow(trx, fundingSourceId, {
			archivedAt: archived ? now.toISOString() : null
		});
		await audit(
			trx,
			actor,
			{
				action: archived ? 'funding_source.archive' : 'funding_source.restore',
				entity: 'funding_source',
				entityId: fundingSourceId
			},
			now
		);
	});
}
