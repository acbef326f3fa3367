import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import { DEFAULT_INSTRUMENT } from '../../src/lib/server/opening/instrument.service.js';
import type { Answer, InstrumentContent } from '../../src/lib/server/opening/opening.schema.js';
import { saveAnswers, startRound } from '../../src/lib/server/opening/rounds.service.js';
import { createUnit } from '../../src/lib/server/opening/units.service.js';
import { factoryEditor } from './account.factory.js';

/** An administration unit, or an organisation's unit when `organisationId` is given. */
export async function createTestUnit(
	db: Kysely<DB>,
	unit: { districtId: number; name?: string; organisationId?: number },
	now = new Date()
): Promise<number> {
	const editor = await factoryEditor(db, unit.districtId);
	return createUnit(
		db,
		editor,
		unit.organisationId
			? { kind: 'organisation', name: unit.name ?? '', organisationId: unit.organisationId }
			: {
					kind: 'administration',
					name: unit.name ?? 'Fachdienst Ausländerangelegenheiten',
					organisationId: null
				},
		now
	);
}

/**
 * Answers for every item of an instrument: a dimension's level by its key (`na` for "not
 * applicable" throughout), `fallback` for the dimensions not named.
 */
export function answersFor(
	levels: Record<string, number | 'na'>,
	fallback: number | 'na' = 2,
	content: InstrumentContent = DEFAULT_INSTRUMENT
): Answer[] {
	return content.dimensions.flatMap((dimension) =>
		dimension.items.map((item) => {
			const level = levels[dimension.key] ?? fallback;
			return {
				itemKey: item.key,
				level: level === 'na' ? null : level,
				notApplicable: level === 'na',
				comment: ''
			};
		})
	);
}

/** A round started and submitted by the district's administrator through the services. */
export async function submitTestRound(
	db: Kysely<DB>,
	round: { districtId: number; unitId: number; label: string; answers: Answer[] },
	now = new Date()
): Promise<number> {
	const editor = await factoryEditor(db, round.districtId);
	const id = await startRound(db, editor, round.unitId, { label: round.label }, now);
	await saveAnswers(db, editor, id, round.answers, true, now);
	return id;
}
