import type { Kysely } from 'kysely';
import defaultContent from '../../../../content/opening/default-instrument.json';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { authorizeOnOpening, type OpeningEditor } from './opening-access.js';
import { auditOpening } from './opening-audit.js';
import {
	instrumentContentSchema,
	parseOpeningInput,
	type InstrumentContent
} from './opening.schema.js';
import {
	findInstrumentRows,
	findLatestInstrumentRow,
	instrumentInUse,
	insertInstrumentRow,
	updateInstrumentRow,
	type InstrumentRow
} from './opening.repository.js';

/** The instrument KITZ ships (content/opening/default-instrument.json), checked once on start. */
export const DEFAULT_INSTRUMENT: InstrumentContent = instrumentContentSchema.parse(defaultContent);

export interface Instrument {
	/** Null while the district still uses the default, not stored yet. */
	id: number | null;
	version: number;
	content: InstrumentContent;
	/** Answered with already: changing it writes the next version. */
	inUse: boolean;
}

const contentOf = (row: InstrumentRow): InstrumentContent =>
	instrumentContentSchema.parse(JSON.parse(row.content));

/** The district's newest instrument version, or the default as version 1 before one is stored. */
export async function currentInstrument(db: Db, actor: Actor): Promise<Instrument> {
	authorizeOnOpening(actor, 'district', actor.districtId);
	return latestOf(db, actor.districtId);
}

async function latestOf(db: Db, districtId: number): Promise<Instrument> {
	const row = await findLatestInstrumentRow(db, districtId);
	if (!row) return { id: null, version: 1, content: DEFAULT_INSTRUMENT, inUse: false };
	return {
		id: row.id,
		version: row.version,
		content: contentOf(row),
		inUse: await instrumentInUse(db, row.id)
	};
}

/** The versions rounds were answered with, by id. */
export async function instrumentVersions(
	db: Db,
	ids: readonly number[]
): Promise<Map<number, { version: number; content: InstrumentContent }>> {
	const rows = await findInstrumentRows(db, [...new Set(ids)]);
	return new Map(rows.map((row) => [row.id, { version: row.version, content: contentOf(row) }]));
}

/** The version a new round is answered with: the newest, the default stored first if need be. */
export async function instrumentForNewRound(
	trx: Db,
	actor: OpeningEditor,
	districtId: number,
	now: Date
): Promise<number> {
	const latest = await latestOf(trx, districtId);
	return latest.id ?? storeVersion(trx, actor, districtId, 1, DEFAULT_INSTRUMENT, now);
}

async function storeVersion(
	trx: Db,
	actor: OpeningEditor,
	districtId: number,
	version: number,
	content: InstrumentContent,
	now: Date
): Promise<number> {
	const at = now.toISOString();
	const id = await insertInstrumentRow(trx, {
		districtId,
		version,
		content: JSON.stringify(content),
		createdBy: actor.id,
		createdAt: at,
		updatedAt: at
	});
	await auditOpening(
		trx,
		actor,
		districtId,
		{
			action: 'opening.instrument.version',
			entity: 'opening_instrument',
			entityId: id,
			after: { version }
		},
		now
	);
	return id;
}

/**
 * Saves the edited instrument. A version no round has used yet is changed in place; a version
 * in use stays as it was answered and the edit becomes the next version. Returns the version.
 */
export async function saveInstrument(
	db: Kysely<DB>,
	actor: OpeningEditor,
	input: InstrumentContent,
	now = new Date()
): Promise<number> {
	authorizeOnOpening(actor, 'manage', actor.districtId);
	const content = parseOpeningInput(instrumentContentSchema, input);
	return inTransaction(db, async (trx) => {
		const latest = await latestOf(trx, actor.districtId);
		if (latest.id === null || latest.inUse) {
			const version = latest.id === null ? 1 : latest.version + 1;
			await storeVersion(trx, actor, actor.districtId, version, content, now);
			return version;
		}
		await updateInstrumentRow(trx, latest.id, {
			content: JSON.stringify(content),
			updatedAt: now.toISOString()
		});
		await auditOpening(
			trx,
			actor,
			actor.districtId,
			{
				action: 'opening.instrument.update',
				entity: 'opening_instrument',
				entityId: latest.id,
				before: latest.content,
				after: content
			},
			now
		);
		return latest.version;
	});
}
