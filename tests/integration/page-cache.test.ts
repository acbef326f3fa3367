import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { PageCache, pageStamp } from '../../src/lib/server/http/page-cache.js';
import {
	approveOffer,
	archiveOffer,
	saveOfferDraft,
	submitOffer
} from '../../src/lib/server/offers/workflow.service.js';
import { factoryEditor } from '../factories/account.factory.js';
import { createOffer, offerInput } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

const NOW = new Date('2026-12-01T09:00:00Z');
/** Tables the portal never reads, so their writes keep the cached pages (migration 0021). */
const NOT_ON_PORTAL = [
	'account_tokens',
	'agenda_items',
	'audit_log',
	'calendar_feeds',
	'chain_friction_reports',
	'chain_review_decisions',
	'chain_review_findings',
	'chain_reviews',
	'committee_applications',
	'decisions',
	'job_leases',
	'mail_outbox',
	'meeting_invitees',
	'meetings',
	'network_action_fields',
	'network_members',
	'networks',
	'offer_verification_tokens',
	'opening_actions',
	'opening_instruments',
	'opening_ratings',
	'opening_rounds',
	'opening_units',
	'recovery_codes',
	'report_snapshots',
	'sessions',
	'tasks',
	'throttles',
	'user_organisations'
];
/** Bookkeeping of the database itself, and SQLite's full-text index (a virtual table). */
const OUTSIDE = /^(kysely_migration.*|content_version|sqlite_sequence|offer_search_.+)$/;

let organisationId = 0;
let districtId = 0;
let placeId = 0;

const page = (path: string) => new Request(`http://localhost${path}`);

describeEachDialect(
	'page cache and the content version',
	({ database, dialect }) => {
		const db = () => database().db;

		it('moves the stamp with each step of an offer through the services', async () => {
			const editor = await factoryEditor(db(), districtId);
			const stamps = [await pageStamp(db(), NOW)];
			const id = await createOffer(db(), { organisationId, placeId, title: 'Sprachtreff' }, NOW);
			stamps.push(await pageStamp(db(), NOW));
			await saveOfferDraft(
				db(),
				editor,
				id,
				{
					offer: offerInput({
						organisationId,
						placeId,
						title: 'Sprachtreff am Abend',
						summary: 'Deutsch sprechen.',
						description: 'Jeden Abend.',
						actionFields: ['language']
					}),
					translations: {}
				},
				NOW
			);
			await submitOffer(db(), editor, id, { now: NOW });
			await approveOffer(db(), editor, id, { now: NOW });
			stamps.push(await pageStamp(db(), NOW));
			await archiveOffer(db(), editor, id, NOW);
			stamps.push(await pageStamp(db(), NOW));
			expect(new Set(stamps).size).toBe(4);
		});

		it('renders a page again after a change another process wrote', async () => {
			const cache = new PageCache(1024 * 1024);
			let renders = 0;
			const render = async () => new Response(`page ${++renders}`, { status: 200 });
			const ask = async () =>
				cache.answer(page('/de'), 'de /de', await pageStamp(db(), NOW), render);
			expect((await ask()).headers.get('x-cache')).toBe('miss');
			const hit = await ask();
			expect([hit.headers.get('x-cache'), await hit.text(), renders]).toEqual(['hit', 'page 1', 1]);

			// Another connection (on SQLite in memory there is only this one) changes a place by hand.
			const other = dialect === 'postgres' ? openDatabase(database().url) : database();
			try {
				await sql`update places set name = ${'Kappeln an der Schlei'} where id = ${placeId}`.execute(
					other.db
				);
			} finally {
				if (other !== database()) await other.close();
			}
			const after = await ask();
			expect([after.headers.get('x-cache'), await after.text()]).toEqual(['miss', 'page 2']);
		});

		it('keeps the stamp within a minute and moves it with the minute and the day', async () => {
			const at = (iso: string) => pageStamp(db(), new Date(iso));
			expect(await at('2026-12-01T22:59:00Z')).toBe(await at('2026-12-01T22:59:59Z'));
			// 23:59 and 00:00 in Berlin: another day.
			expect(await at('2026-12-01T22:59:00Z')).not.toBe(await at('2026-12-01T23:00:00Z'));
		});

		it('counts writes to every table but those the portal never reads', async () => {
			const [tables, triggered] =
				dialect === 'postgres'
					? await Promise.all([
							sql<{ name: string }>`select table_name as name from information_schema.tables
								where table_schema = 'public'`.execute(db()),
							sql<{ name: string }>`select distinct c.relname as name from pg_trigger t
								join pg_class c on c.oid = t.tgrelid where t.tgname like '%content_version'`.execute(db())
						])
					: await Promise.all([
							sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
								db()
							),
							sql<{ name: string }>`select distinct tbl_name as name from sqlite_master
								where type = 'trigger' and name like '%content_version%'`.execute(db())
						]);
			const names = (result: { rows: { name: string }[] }) =>
				result.rows.map((row) => row.name).filter((name) => !OUTSIDE.test(name));
			// A new table belongs to one list or the other: the portal shows it, or never reads it.
			const untriggered = names(tables).filter((name) => !names(triggered).includes(name));
			expect(untriggered.filter((name) => name !== 'offer_search').sort()).toEqual(NOT_ON_PORTAL);
		});
	},
	async (database) => {
		const places = await createDistrictsAndPlaces(database.db);
		districtId = places.districts.schleswigFlensburg;
		placeId = await places.place('Kappeln');
		organisationId = await createOrganisation(database.db, {
			districtId,
			name: 'Volkshochschule Kappeln'
		});
	}
);
