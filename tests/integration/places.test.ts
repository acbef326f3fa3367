import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Kysely, KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import type { DB } from '../../src/lib/server/db/schema.js';
import { insertDistrict } from '../../src/lib/server/places/places.repository.js';
import { importPlacesCsv } from '../../src/lib/server/places/places.import.js';
import { resolvePlace } from '../../src/lib/server/places/places.service.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import { parseSearchParams } from '../../src/lib/server/search/search.schema.js';
import { searchOffers } from '../../src/lib/server/search/search.service.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { describeEachDialect, freshDatabase } from '../support/databases.js';

const CONTENT = resolve('content');
const NOW = new Date('2026-12-01T09:00:00Z');

/** Everything the app knows about places, without ids: two databases must compare equal. */
async function placeSnapshot(db: Kysely<DB>) {
	const places = await db
		.selectFrom('places')
		.innerJoin('districts', 'districts.id', 'places.districtId')
		.leftJoin('placePostcodes', 'placePostcodes.placeId', 'places.id')
		.select([
			'districts.ags as district',
			'places.ags',
			'places.name',
			'places.amt',
			'places.lat',
			'places.lon',
			'places.population',
			'placePostcodes.postcode'
		])
		.execute();
	const byPlace = new Map<string, Record<string, unknown> & { postcodes: string[] }>();
	for (const { postcode, ...place } of places) {
		const key = `${place.ags} ${place.name}`;
		const entry = byPlace.get(key) ?? { ...place, postcodes: [] };
		if (postcode) entry.postcodes.push(postcode);
		byPlace.set(key, entry);
	}
	return [...byPlace.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([, place]) => ({ ...place, postcodes: place.postcodes.sort() }));
}

async function postcodesOf(db: Kysely<DB>, name: string): Promise<string[]> {
	const rows = await db
		.selectFrom('placePostcodes')
		.innerJoin('places', 'places.id', 'placePostcodes.placeId')
		.select('postcode')
		.where('places.name', '=', name)
		.orderBy('postcode')
		.execute();
	return rows.map((row) => row.postcode);
}

describeEachDialect(
	'reference places',
	({ database, dialect }) => {
		it('knows every municipality of the district, small ones included', async () => {
			const db = database().db;
			const expected = {
				Busdorf: '01059018',
				Husby: '01059127',
				Hüsby: '01059041',
				Böklund: '01059008',
				Idstedt: '01059042',
				Arnis: '01059002',
				Mittelangeln: '01059185',
				Stapel: '01059188',
				'24399': '01059002'
			};
			for (const [query, ags] of Object.entries(expected))
				expect((await resolvePlace(db, query))?.ags, query).toBe(ags);
			const municipalities = await readFile(resolve(CONTENT, 'places/municipalities.csv'), 'utf8');
			const keys = new Set(
				municipalities
					.split('\n')
					.slice(1)
					.filter(Boolean)
					.map((l) => l.slice(0, 8))
			);
			const known = await db.selectFrom('places').select('ags').distinct().execute();
			expect(keys.size).toBe(124); // 123 of the Kreis and Flensburg
			for (const key of keys) expect(known.map((row) => row.ags)).toContain(key);
		});

		it('takes a postcode that several municipalities share to the largest of them', async () => {
			// 24376 is Kappeln's, and also Grödersby's, Hasselberg's and Rabel's.
			expect((await resolvePlace(database().db, '24376'))?.name).toBe('Kappeln');
		});

		it('keeps Satrup as a place within Mittelangeln, each with its own postcodes', async () => {
			const db = database().db;
			expect(await postcodesOf(db, 'Satrup')).toEqual(['24986']);
			expect(await postcodesOf(db, 'Mittelangeln')).toEqual(['24873', '24986']);
			expect(await postcodesOf(db, 'Süderstapel')).toEqual(['25879']);
			expect(await postcodesOf(db, 'Jarplund-Weding')).toEqual(['24976']);
			expect((await resolvePlace(db, 'Satrup'))?.ags).toBe('01059185');
			const named = await db
				.selectFrom('places')
				.select(['name'])
				.where('ags', '=', '01059185')
				.orderBy('name')
				.execute();
			expect(named.map((row) => row.name)).toEqual(['Mittelangeln', 'Satrup']);
		});

		it('gives an existing installation the same places as a new one, and loads again without duplicates', async () => {
			const existing = await freshDatabase(dialect);
			try {
				// The places as installations before the fuller list had them.
				await insertDistrict(existing.db, {
					slug: 'schleswig-flensburg',
					name: 'Kreis Schleswig-Flensburg',
					kind: 'kreis',
					ags: '01059'
				});
				await insertDistrict(existing.db, {
					slug: 'flensburg',
					name: 'Flensburg',
					kind: 'kreisfreie_stadt',
					ags: '01001'
				});
				await importPlacesCsv(
					existing.db,
					await readFile(resolve(CONTENT, 'places/places-geonames.csv'), 'utf8'),
					'ags,amt,postcodes\n01059185,Amt Mittelangeln,24986 24873\n01059188,,25868 25879\n'
				);
				expect(await postcodesOf(existing.db, 'Satrup')).toEqual(['24873', '24986']);
				await loadReferencePlaces(existing.db, CONTENT);
				const fresh = await placeSnapshot(database().db);
				expect(await placeSnapshot(existing.db)).toEqual(fresh);
				await loadReferencePlaces(database().db, CONTENT);
				expect(await placeSnapshot(database().db)).toEqual(fresh);
			} finally {
				await existing.close();
			}
		});

		it('writes nothing when it loads the same lists again (at every start)', async () => {
			const writes: string[] = [];
			const recordWrites: KyselyPlugin = {
				transformQuery: ({ node }) => {
					if (node.kind !== 'SelectQueryNode' && node.kind !== 'RawNode') writes.push(node.kind);
					return node;
				},
				transformResult: async ({ result }) => result
			};
			// Two of the lists disagree about Glücksburg's population: loaded one after the other,
			// each wrote its own figure back.
			await loadReferencePlaces(database().db.withPlugin(recordWrites), CONTENT);
			expect(writes).toEqual([]);
			expect((await resolvePlace(database().db, 'Glücksburg'))?.population).toBe(6220);
		});

		it('reports rows it cannot place instead of guessing', async () => {
			const result = await importPlacesCsv(
				database().db,
				[
					'ags,name,lat,lon',
					'01058001,Irgendwo,54.3,9.7',
					'01059999,Ohne Punkt,,',
					'01059018,Busdorf,54.49111,9.54997'
				].join('\n')
			);
			expect(result).toEqual({
				imported: 1,
				unplaced: [
					{ line: 2, ags: '01058001', name: 'Irgendwo', reason: 'no district with key 01058' },
					{ line: 3, ags: '01059999', name: 'Ohne Punkt', reason: 'no coordinates' }
				]
			});
			expect(await resolvePlace(database().db, 'Irgendwo')).toBeUndefined();
		});

		it('applies the radius around a small municipality and explains an unknown one', async () => {
			const db = database().db;
			const districtId = (await db.selectFrom('districts').select('id').executeTakeFirstOrThrow())
				.id;
			const placeId = async (name: string) => (await resolvePlace(db, name))!.id;
			const organisationId = await createOrganisation(db, { districtId, name: 'Treffpunkt e.V.' });
			const schleswig = await createOffer(
				db,
				{ organisationId, placeId: await placeId('Schleswig'), actionFields: ['language'] },
				NOW
			);
			const kappeln = await createOffer(
				db,
				{ organisationId, placeId: await placeId('Kappeln'), actionFields: ['language'] },
				NOW
			);
			await createOffer(db, { organisationId, placeId: await placeId('Arnis') }, NOW);
			const search = (query: string) =>
				searchOffers(db, parseSearchParams(new URLSearchParams(query)).filters, 'de', { now: NOW });

			const busdorf = await search('near=Busdorf&radius=5&field=language');
			expect(busdorf.near?.place.name).toBe('Busdorf');
			expect(busdorf.items.map((item) => item.id)).toEqual([schleswig]);
			expect(busdorf.notices).toEqual([]);

			const unknown = await search('near=Xyzdorf&radius=5&field=language');
			expect(unknown.near).toBeNull();
			expect(unknown.items.map((item) => item.id).sort()).toEqual([schleswig, kappeln].sort());
			expect(unknown.notices.map((notice) => notice.key)).toEqual(['search.notice.unknownPlace']);
			expect(unknown.placeSuggestions).toContain('Busdorf');
			expect((await search('near=Flenzbórk')).placeSuggestions[0]).toBe('Flensburg');
			expect((await search('near=Schlesswegg')).placeSuggestions[0]).toBe('Schleswig');
		});
	},
	async (database) => {
		await loadReferencePlaces(database.db, CONTENT);
	}
);
