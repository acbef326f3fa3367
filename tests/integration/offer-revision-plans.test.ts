import { CompiledQuery } from 'kysely';
import { expect, it } from 'vitest';
import { publishedWithoutBaseQuery } from '../../src/lib/server/offers/revisions.repository.js';
import { describeEachDialect } from '../support/databases.js';

// The start-up check runs on every restart; a plan that reads all approved revisions per offer
// made a restart at 100,000 offers on SQLite read for hours. The speed itself is in `npm run bench`.
describeEachDialect(
	'query plan of the start-up check for base revisions',
	({ database, dialect }) => {
		it('looks up revisions by offer, never all approved revisions per offer', async () => {
			const { db } = database();
			const query = publishedWithoutBaseQuery(db).compile();
			const explain = dialect === 'sqlite' ? 'explain query plan' : 'explain';
			const { rows } = await db.executeQuery<Record<string, string>>(
				CompiledQuery.raw(`${explain} ${query.sql}`, [...query.parameters])
			);
			const plan = rows.map((row) => (dialect === 'sqlite' ? row.detail : row['QUERY PLAN']));
			if (dialect === 'sqlite') {
				const revisionSteps = plan.filter((step) => step?.includes('offer_revisions'));
				expect(revisionSteps).not.toEqual([]);
				for (const step of revisionSteps) expect(step).toMatch(/offer_id=\?/);
			} else {
				// PostgreSQL turns NOT EXISTS into one anti join over both tables, not a subplan per offer.
				expect(plan.join('\n')).toMatch(/Anti Join/);
				expect(plan.join('\n')).not.toMatch(/SubPlan/);
			}
		});
	}
);
