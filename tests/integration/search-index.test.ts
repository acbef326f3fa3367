import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely, type KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { DB } from '../../src/lib/server/db/schema.js';
import { setSetting } from '../../src/lib/server/db/settings.repository.js';
import {
	OFFERS_VERSION_SETTING,
	type OfferInput,
	type OfferRelations
} from '../../src/lib/server/offers/offers.schema.js';
import {
	approveOffer,
	archiveOffer,
	saveOfferDraft,
	submitOffer
} from '../../src/lib/server/offers/workflow.service.js';
import { fullTextTokens } from '../../src/lib/server/search/full-text-tokens.js';
import { readSnapshot, writeSnapshot } from '../../src/lib/server/search/index-snapshot.js';
import {
	configureOfferIndex,
	freshOfferIndex,
	offerIndex
} from '../../src/lib/server/search/offer-index.js';
import { findOffersVersion } from '../../src/lib/server/offers/offers.service.js';
import { parseSearchParams } from '../../src/lib/server/search/search.schema.js';
import { searchOffers } from '../../src/lib/server/search/search.service.js';
import { factoryEditor } from '../factories/account.factory.js';
import { createOffer, offerInput } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

/** The same database as another process sees it: its own index state (a restart). */
const passThrough: KyselyPlugin = {
	transformQuery: ({ node }) => node,
	transformResult: async ({ result }) => result
};
const restarted = (db: Kysely<DB>) => db.withPlugin(passThrough);

async function idsFound(db: Kysely<DB>, query: string): Promise<number[]> {
	const { filters } = parseSearchParams(new URLSearchParams({ q: query }));
	return (await searchOffers(db, filters, 'de')).items.map((item) => item.id);
}

/** A café offer to change and a workshop beside it; the café's district editor. */
async function offers(db: Kysely<DB>) {
	const places = await createDistrictsAndPlaces(db);
	const districtId = places.districts.schleswigFlensburg;
	const organisationId = await createOrganisation(db, { districtId, name: 'Treffpunkt e.V.' });
	const cafe = await createOffer(db, { organisationId, title: 'Sprachcafé am Hafen' });
	const workshop = await createOffer(db, { organisationId, title: 'Fahrradwerkstatt' });
	return { cafe, workshop, editor: await factoryEditor(db, districtId) };
}

/** Takes the offer out of the published ones without a new offers version, as no app code does. */
async function unpublishBehindTheIndex(db: Kysely<DB>, id: number) {
	await db.updateTable('offers').set({ status: 'archived' }).where('id', '=', id).execute();
}

describeEachDialect(
	'the search index across offer changes and restarts',
	({ database }) => {
		let folder: string;
		let file: string;
		beforeEach(() => {
			folder = mkdtempSync(join(tmpdir(), 'kitz-index-'));
			file = join(folder, 'search-index.bin');
		});

		/** The offers indexed with a snapshot written, then the café unpublished behind the index. */
		async function snapshotThenUnpublish(db: Kysely<DB>) {
			configureOfferIndex(db, { snapshotFile: file });
			const created = await offers(db);
			await freshOfferIndex(db);
			await vi.waitFor(() => expect(existsSync(file)).toBe(true));
			await unpublishBehindTheIndex(db, created.cafe);
			return created;
		}
		afterEach(() => rmSync(folder, { recursive: true, force: true }));

		it('shows a card as it is now after a change the offers version does not count (an organisation renamed)', async () => {
			const db = database().db;
			await offers(db);
			const { filters } = parseSearchParams(new URLSearchParams({ q: 'Sprachcafé' }));
			const organisationOf = async () =>
				(await searchOffers(db, filters, 'de')).items.map((item) => item.organisationName);
			expect(await organisationOf()).toEqual(['Treffpunkt e.V.']);
			await db.updateTable('organisations').set({ name: 'Hafentreff e.V.' }).execute();
			expect(await organisationOf()).toEqual(['Hafentreff e.V.']);
		});

		it("shows a card's lists as the index it was found in holds them, before and after a rebuild", async () => {
			const db = database().db;
			configureOfferIndex(db, { staleFrom: 0 });
			const { cafe, editor } = await offers(db);
			const organisationId = (
				await db
					.selectFrom('offers')
					.select('organisationId')
					.where('id', '=', cafe)
					.executeTakeFirstOrThrow()
			).organisationId;
			const listsOf = async () => {
				const { filters } = parseSearchParams(new URLSearchParams({ q: 'Sprachcafé' }));
				const [card] = (await searchOffers(db, filters, 'de')).items;
				return card && pick(card);
			};
			const pick = ({ actionFields, targetGroups, languages, accessibility }: OfferRelations) => ({
				actionFields,
				targetGroups,
				languages,
				accessibility
			});
			const change = async (
				lists: Pick<OfferInput, 'actionFields' | 'targetGroups' | 'languages' | 'accessibility'>
			) => {
				const offer = offerInput({ organisationId, title: 'Sprachcafé am Hafen', ...lists });
				await saveOfferDraft(db, editor, cafe, { offer, translations: {} });
				await submitOffer(db, editor, cafe);
				await approveOffer(db, editor, cafe);
			};
			await change({
				actionFields: ['language', 'associations'],
				targetGroups: ['women'],
				languages: ['tr', 'ar', 'de'],
				accessibility: ['wheelchair', 'childcare']
			});
			await freshOfferIndex(db);
			const before = {
				actionFields: ['associations', 'language'],
				targetGroups: ['women'],
				languages: ['ar', 'de', 'tr'],
				accessibility: ['childcare', 'wheelchair']
			};
			expect(await listsOf()).toEqual(before);
			await change({
				actionFields: ['language'],
				targetGroups: [],
				languages: ['de'],
				accessibility: ['wheelchair']
			});
			// Found by the previous index while the new one is built: its lists are the previous ones.
			expect(await listsOf()).toEqual(before);
			await freshOfferIndex(db);
			expect(await listsOf()).toEqual({
				actionFields: ['language'],
				targetGroups: [],
				languages: ['de'],
				accessibility: ['wheelchair']
			});
		});

		it('shows a changed offer in searches once the index is rebuilt', async () => {
			const db = database().db;
			const { cafe, editor } = await offers(db);
			expect(await idsFound(db, 'Sprachcafé')).toEqual([cafe]);
			await archiveOffer(db, editor, cafe);
			expect(await idsFound(db, 'Sprachcafé')).toEqual([]);
		});

		it('answers from the previous index while the new one is built', async () => {
			const db = database().db;
			configureOfferIndex(db, { staleFrom: 0 });
			const { cafe, workshop, editor } = await offers(db);
			await freshOfferIndex(db);
			await archiveOffer(db, editor, cafe);
			// The search starts the build and answers at once from the index it has.
			expect(await idsFound(db, 'Sprachcafé')).toEqual([cafe]);
			const after = await freshOfferIndex(db);
			expect(after.version).toBe(await findOffersVersion(db));
			expect(after.positionOf(cafe)).toBeUndefined();
			expect(await idsFound(db, 'Sprachcafé')).toEqual([]);
			expect(await idsFound(db, 'Fahrradwerkstatt')).toEqual([workshop]);
		});

		it('reads the snapshot of the same offers version after a restart', async () => {
			const db = database().db;
			const { cafe, workshop } = await snapshotThenUnpublish(db);

			const again = restarted(db);
			configureOfferIndex(again, { snapshotFile: file });
			// Still there: the index came from the snapshot, not from the offers.
			expect((await offerIndex(again)).positionOf(cafe)).toBeDefined();
			expect(await idsFound(again, 'Fahrradwerkstatt')).toEqual([workshop]);
		});

		it('reads the sets of the frequent words after a restart instead of asking the full-text engine', async () => {
			const db = database().db;
			configureOfferIndex(db, { snapshotFile: file });
			await offers(db);
			// Every word of an offer counts as frequent here (threshold 1).
			const first = await freshOfferIndex(db);
			const before = fullTextTokens(db, first, 1);
			await before.ready;
			const words: string[] = [];
			first.fullTextVocabulary.forEach((_, word) => words.push(word));
			expect(words).toContain('werkstatt');
			// The engine forgets every offer: sets it computed now would all be empty.
			await sql`delete from offer_search`.execute(db);
			const again = restarted(db);
			configureOfferIndex(again, { snapshotFile: file });
			const after = fullTextTokens(again, await freshOfferIndex(again), 1);
			await after.ready;
			for (const word of words) {
				const found = (await after.match(word)).positions();
				expect(found.length).toBeGreaterThan(0);
				expect(found).toEqual((await before.match(word)).positions());
			}
		});

		it('builds anew over a snapshot of another offers version, and replaces it', async () => {
			const db = database().db;
			const { cafe } = await snapshotThenUnpublish(db);
			await setSetting(db, OFFERS_VERSION_SETTING, 'after-the-snapshot');

			const again = restarted(db);
			configureOfferIndex(again, { snapshotFile: file });
			expect((await offerIndex(again)).positionOf(cafe)).toBeUndefined();
			await vi.waitFor(async () =>
				expect(await readSnapshot(file, 'after-the-snapshot')).not.toBeNull()
			);
		});

		it('ignores a snapshot cut short, changed or of another kind, and builds instead', async () => {
			const db = database().db;
			const { cafe } = await snapshotThenUnpublish(db);
			const version = await findOffersVersion(db);
			const good = readFileSync(file);
			const flipped = Buffer.from(good);
			flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
			const damaged = [
				good.subarray(0, Math.floor(good.length / 2)),
				flipped,
				Buffer.from('not an index'),
				Buffer.alloc(0)
			];
			for (const bytes of damaged) {
				writeFileSync(file, bytes);
				const again = restarted(db);
				configureOfferIndex(again, { snapshotFile: file });
				expect((await offerIndex(again)).positionOf(cafe)).toBeUndefined();
				// The build writes a good snapshot again; the next damage goes over that one.
				await vi.waitFor(async () => expect(await readSnapshot(file, version)).not.toBeNull());
			}
		});

		it("ignores a snapshot whose words' offers do not fit, though its checksum holds", async () => {
			const db = database().db;
			await snapshotThenUnpublish(db);
			const version = await findOffersVersion(db);
			const good = (await readSnapshot(file, version))!;
			const { titleTokens } = good;
			// One more offer counted than packed; a first offer far beyond the last position.
			const counted = { ...titleTokens, counts: titleTokens.counts.map((n, at) => n + +!at) };
			const beyond = { ...titleTokens, packed: Uint8Array.from(titleTokens.packed) };
			beyond.packed[0] = 0x7f;
			expect(good.ids.length).toBeLessThan(0x7f);
			for (const damaged of [counted, beyond]) {
				await writeSnapshot(file, { ...good, titleTokens: damaged });
				expect(await readSnapshot(file, version)).toBeNull();
			}
		});

		it('removes what writes stopped halfway by a restart left, not what a running process writes', async () => {
			const gone = spawnSync(process.execPath, ['-e', '']).pid!;
			const abandoned = `${file}.${gone}.partial`;
			// Process 1 runs as long as the machine does.
			const underWay = `${file}.1.partial`;
			const frequentUnderWay = `${file}.frequent.${gone}.partial`;
			for (const partial of [abandoned, underWay, frequentUnderWay]) writeFileSync(partial, 'half');
			await snapshotThenUnpublish(database().db);
			expect(existsSync(abandoned)).toBe(false);
			expect(existsSync(underWay)).toBe(true);
			// Another file's: its own writer clears it.
			expect(existsSync(frequentUnderWay)).toBe(true);
		});
	},
	undefined,
	{ isolation: 'test' }
);
