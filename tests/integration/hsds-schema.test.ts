import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { seedDemoContent } from '../../src/lib/server/demo/demo.seed.js';
import { loadExportOffers } from '../../src/lib/server/exchange/export.service.js';
import { hsdsServiceList } from '../../src/lib/server/exchange/hsds.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import { describeEachDialect } from '../support/databases.js';
import { hsdsServiceProblems, SCHEMA_TIMEOUT_MS } from '../support/hsds-schema.js';

const CONTENT = resolve('content');

describeEachDialect(
	'HSDS export against the HSDS 3.0 schema',
	({ database }) => {
		// Through the export's own loading and writing, for all offers, drafts and expired ones too.
		it(
			'writes every offer of the demo as a valid HSDS 3.0 service',
			async () => {
				const db = database().db;
				const ids = (await db.selectFrom('offers').select('id').orderBy('id').execute()).map(
					(row) => row.id
				);
				expect(ids).toHaveLength(197);
				const list = hsdsServiceList(await loadExportOffers(db, ids), {
					origin: 'https://kitz.example'
				});
				const problemsOf = hsdsServiceProblems();
				const invalid = list.contents.flatMap((service) =>
					problemsOf(service).map((problem) => `${service.name}: ${problem}`)
				);
				expect(invalid).toEqual([]);
			},
			SCHEMA_TIMEOUT_MS
		);
	},
	async ({ db }) => {
		await loadReferencePlaces(db, CONTENT);
		await db.transaction().execute((trx) => seedDemoContent(trx, CONTENT));
	}
);
