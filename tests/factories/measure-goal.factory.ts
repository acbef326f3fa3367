import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';

/**
 * A measure serving goals, for the concept's tests (goal deletion). The measures service is being
 * written beside this branch, so the rows are written as migration 0010 defines them; once that
 * service has landed this factory goes through it. Named apart from the measures factory to merge.
 */
export async function createTestMeasure(
	db: Kysely<DB>,
	measure: { districtId: number; title: string; goalIds: number[] }
): Promise<number> {
	const stamp = new Date().toISOString();
	const { id } = await db
		.insertInto('measures')
		.values({
			districtId: measure.districtId,
			title: measure.title,
			status: 'running',
			statusOn: stamp.slice(0, 10),
			progressMode: 'milestones',
			isPublic: 0,
			leadOrganisationId: null,
			responsibleContactId: null,
			startsOn: null,
			endsOn: null,
			decisionId: null,
			createdAt: stamp,
			updatedAt: stamp
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const goalId of measure.goalIds)
		await db.insertInto('measureGoals').values({ measureId: id, goalId }).execute();
	return id;
}

/** The goals a measure serves, for asserting what became of them. */
export async function goalsOfMeasure(db: Kysely<DB>, measureId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('measureGoals')
		.select('goalId')
		.where('measureId', '=', measureId)
		.orderBy('goalId')
		.execute();
	return rows.map((row) => row.goalId);
}
