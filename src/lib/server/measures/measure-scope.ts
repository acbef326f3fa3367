import type { Actor } from '../accounts/authorization.js';
import { recordAudit, type AuditAction } from '../accounts/audit.service.js';
import type { Kysely, Transaction } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { getSetting, setSetting } from '../db/settings.repository.js';
import {
	authorizeOnMeasure,
	canOnMeasure,
	type MeasureAction,
	type MeasureScope
} from './measure-access.js';
import { MeasureNotFoundError } from './measures.errors.js';
import {
	findMeasureRow,
	findPartners,
	updateMeasureRow,
	type MeasureRow
} from './measures.repository.js';
import { DEFAULT_STALE_MONTHS } from './progress.js';
import { staleMonthsSchema } from './measures.schema.js';

/** What every measure service needs first: the row, who may act on it, and the audit. */

export type MeasureActor = Actor & { id: number };

export async function measureScope(db: Db, row: MeasureRow): Promise<MeasureScope> {
	const partners = await findPartners(db, [row.id]);
	return {
		districtId: row.districtId,
		organisationIds: [
			...(row.leadOrganisationId !== null ? [row.leadOrganisationId] : []),
			...partners.map((partner) => partner.id)
		]
	};
}

/**
 * The measure if the actor may `action` on it. Who may not even read it learns nothing: for
 * them it does not exist.
 */
export async function measureFor(
	db: Db,
	actor: Actor,
	measureId: number,
	action: MeasureAction
): Promise<{ row: MeasureRow; scope: MeasureScope }> {
	const row = await findMeasureRow(db, measureId);
	if (!row) throw new MeasureNotFoundError(measureId);
	const scope = await measureScope(db, row);
	if (!canOnMeasure(actor, 'read', scope)) throw new MeasureNotFoundError(measureId);
	authorizeOnMeasure(actor, action, scope);
	return { row, scope };
}

/** The district as a whole, for creating measures and keeping its lists. */
export const districtScope = (actor: Actor): MeasureScope => ({
	districtId: actor.districtId,
	organisationIds: []
});

/** Any change to a measure or its parts counts as an update for the traffic light. */
async function touchMeasure(db: Db, measureId: number, now: Date): Promise<void> {
	await updateMeasureRow(db, measureId, { updatedAt: now.toISOString() });
}

export interface MeasureAuditEntry {
	action: AuditAction;
	entity: string;
	entityId: number;
	before?: unknown;
	after?: unknown;
}

export async function audit(
	db: Db,
	actor: MeasureActor,
	entry: MeasureAuditEntry,
	now: Date
): Promise<void> {
	await recordAudit(db, { districtId: actor.districtId, userId: actor.id, ...entry }, now);
}

/**
 * One change to a measure, in one transaction: the write, the measure's last change (the traffic
 * light's clock) and its audit entry. `write` returns the entry, or null when nothing changed.
 */
export async function changeMeasure(
	db: Kysely<DB>,
	actor: MeasureActor,
	measureId: number,
	now: Date,
	write: (trx: Transaction<DB>) => Promise<MeasureAuditEntry | null>
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const entry = await write(trx);
		if (!entry) return;
		await touchMeasure(trx, measureId, now);
		await audit(trx, actor, entry, now);
	});
}

const staleKey = (districtId: number) => `measures.stale_months.${districtId}`;

/** Months without an update after which a measure under way turns amber, per district. */
export async function staleMonthsOf(db: Db, districtId: number): Promise<number> {
	const stored = Number(await getSetting(db, staleKey(districtId)));
	return staleMonthsSchema.safeParse(stored).success ? stored : DEFAULT_STALE_MONTHS;
}

export async function storeStaleMonths(db: Db, districtId: number, months: number): Promise<void> {
	await setSetting(db, staleKey(districtId), String(months));
}
