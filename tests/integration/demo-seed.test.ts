import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DB } from '../../src/lib/server/db/schema.js';
import { seedDemo } from '../../src/lib/server/demo/demo.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import { describeEachDialect } from '../support/databases.js';

const CONTENT = resolve('content');
const NOW = new Date('2026-12-01T09:00:00Z');
const PASSWORD = 'demo-password-for-tests';
const SEEDED_TABLES = [
	'organisations',
	'offers',
	'translations',
	'pages',
	'contactPersons',
	'users',
	'contacts',
	'networks',
	'meetings'
] as const satisfies readonly (keyof DB)[];

let broken: string;

/** A copy of the content whose last demo file fails after everything before it was written. */
beforeAll(async () => {
	broken = await mkdtemp(join(tmpdir(), 'kitz-demo-'));
	await cp(join(CONTENT, 'demo'), join(broken, 'demo'), { recursive: true });
	const file = join(broken, 'demo', 'contacts.json');
	const content = JSON.parse(await readFile(file, 'utf8'));
	content.contacts.at(-1).consents.push({
		purpose: 'no-such-purpose',
		givenOn: '2026-01-01',
		source: 'written'
	});
	await writeFile(file, JSON.stringify(content));
});

afterAll(async () => {
	await rm(broken, { recursive: true, force: true });
});

describeEachDialect(
	'demo seeding',
	({ database }) => {
		const rowCounts = async () => {
			const db = database().db;
			const counts: Record<string, number> = {};
			for (const table of SEEDED_TABLES)
				counts[table] = Number(
					(
						await db
							.selectFrom(table)
							.select((eb) => eb.fn.countAll<number>().as('n'))
							.executeTakeFirstOrThrow()
					).n
				);
			return counts;
		};

		it('leaves nothing behind when it fails part-way, and seeds fully on the next start', async () => {
			const db = database().db;
			await expect(seedDemo(db, { contentDir: broken, password: PASSWORD }, NOW)).rejects.toThrow(
				/no-such-purpose/
			);
			expect(await rowCounts()).toEqual(
				Object.fromEntries(SEEDED_TABLES.map((table) => [table, 0]))
			);

			await seedDemo(db, { contentDir: CONTENT, password: PASSWORD }, NOW);
			const counts = await rowCounts();
			expect(counts.offers).toBe(197);
			expect(counts.users).toBe(5);
			expect(counts.contactPersons).toBeGreaterThan(0);
			expect(counts.contacts).toBeGreaterThan(0);
			expect(counts.networks).toBeGreaterThan(0);
		}, 120_000);
	},
	async ({ db }) => {
		await loadReferencePlaces(db, CONTENT);
	}
);
