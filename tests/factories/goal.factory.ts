import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';

/**
 * A concept version with one guiding goal per action field given, for the measures tests.
 * Inserted directly until the concept context's services land (issue 10, in parallel).
 */
export async function createTestGoals(
	db: Kysely<DB>,
	districtId: number,
	goals: { actionField: string; text: string }[]
): Promise<number[]> {
	const at = new Date().toISOString();
	const version = await db
		.insertInto('conceptVersions')
		.values({
			districtId,
			title: 'Wir sind Vielfalt',
			adoptedOn: '2025-03-01',
			periodFrom: 2025,
			periodTo: 2029,
			documentUrl: null,
			createdAt: at,
			updatedAt: at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const ids: number[] = [];
	for (const [position, goal] of goals.entries()) {
		const row = await db
			.insertInto('goals')
			.values({
				conceptVersionId: version.id,
				actionField: goal.actionField,
				parentId: null,
				position,
				text: goal.text,
				createdAt: at,
				updatedAt: at
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		ids.push(row.id);
	}
	return ids;
}
