import type { Kysely } from 'kysely';
import { createTerm } from '../../src/lib/server/committees/committee-parts.service.js';
import type { CommitteeInput } from '../../src/lib/server/committees/committees.schema.js';
import { createCommittee } from '../../src/lib/server/committees/committees.service.js';
import type { DB } from '../../src/lib/server/db/schema.js';
import { factoryEditor } from './account.factory.js';

/**
 * The one way tests make a committee with its terms: through the committees' services, as the
 * district's administrator (validated and audited).
 */
export async function createTestCommittee(
	db: Kysely<DB>,
	districtId: number,
	overrides: Partial<CommitteeInput> & {
		terms?: { startsOn: string; endsOn: string | null; seats?: number | null }[];
	} = {},
	now = new Date()
): Promise<{ committeeId: number; termIds: number[] }> {
	const editor = await factoryEditor(db, districtId);
	const { terms = [], ...committee } = overrides;
	const committeeId = await createCommittee(
		db,
		editor,
		{
			name: 'Integrationsbeirat',
			type: 'integration_advisory_board',
			body: 'Kreistag',
			organisationId: null,
			seats: 12,
			meetingRhythm: 'viermal im Jahr',
			contactId: null,
			contactText: 'Geschäftsstelle, beirat@kreis.example',
			description: '',
			isPublic: true,
			...committee
		},
		now
	);
	const termIds: number[] = [];
	for (const term of terms)
		termIds.push(await createTerm(db, editor, committeeId, { seats: null, ...term }, now));
	return { committeeId, termIds };
}
