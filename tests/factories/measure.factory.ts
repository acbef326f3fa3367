import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import { getMeasure } from '../../src/lib/server/measures/measure-detail.service.js';
import { createMeasure } from '../../src/lib/server/measures/measures.service.js';
import type { MeasureInput } from '../../src/lib/server/measures/measures.schema.js';
import { factoryEditor } from './account.factory.js';

/**
 * A running measure as the product makes one: through the measures service as the district's
 * administrator (references checked, audited). Language unless action fields are given.
 */
export async function createTestMeasure(
	db: Kysely<DB>,
	measure: Partial<MeasureInput> & { districtId: number; title: string },
	now = new Date()
): Promise<number> {
	const { districtId, ...fields } = measure;
	const editor = await factoryEditor(db, districtId);
	return createMeasure(
		db,
		editor,
		{
			description: '',
			actionFields: ['language'],
			goalIds: [],
			leadOrganisationId: null,
			partnerOrganisationIds: [],
			responsibleContactId: null,
			startsOn: null,
			endsOn: null,
			progressMode: 'milestones',
			isPublic: false,
			links: [],
			decisionId: null,
			...fields
		},
		{ status: 'running', statusOn: now.toISOString().slice(0, 10), reason: '' },
		now
	);
}

/** The goals a measure serves, as its page shows them. */
export async function goalsOfMeasure(
	db: Kysely<DB>,
	districtId: number,
	measureId: number
): Promise<number[]> {
	const editor = await factoryEditor(db, districtId);
	const measure = await getMeasure(db, editor, measureId);
	return measure.goals.map((goal) => goal.id).sort((a, b) => a - b);
}
