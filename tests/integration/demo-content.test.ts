import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { LOCALES } from '../../src/lib/i18n/locales.js';
import { listChains, loadChain } from '../../src/lib/server/chains/chains.service.js';
import { gapMatrix } from '../../src/lib/server/chains/coverage.service.js';
import { listFriction } from '../../src/lib/server/chains/friction.service.js';
import { getReview, listReviews } from '../../src/lib/server/chains/reviews.service.js';
import type { DB } from '../../src/lib/server/db/schema.js';
import { demoActor, seedDemo } from '../../src/lib/server/demo/demo.js';
import { seedDemoChains } from '../../src/lib/server/demo/demo.chains.js';
import { seedDemoContent } from '../../src/lib/server/demo/demo.seed.js';
import { getMeasure } from '../../src/lib/server/measures/measure-detail.service.js';
import { listMeasures } from '../../src/lib/server/measures/measures.service.js';
import { getMinutes } from '../../src/lib/server/minutes/minutes.service.js';
import { localizeMany } from '../../src/lib/server/translations/translations.service.js';
import { getPage } from '../../src/lib/server/pages/pages.service.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import { parseSearchParams } from '../../src/lib/server/search/search.schema.js';
import { searchOffers } from '../../src/lib/server/search/search.service.js';
import { berlinToday } from '../../src/lib/shared/time/berlin-clock.js';
import { addDays } from '../../src/lib/shared/time/wall-clock.js';
import { describeEachDialect } from '../support/databases.js';

const CONTENT = resolve('content');

const coordinatorOf = (db: Kysely<DB>) =>
	db.transaction().execute((trx) => demoActor(trx, 'coordinator'));

async function languageChain(db: Kysely<DB>) {
	const chains = await listChains(db, await coordinatorOf(db));
	return loadChain(db, chains.find((chain) => chain.title === 'Sprache bis Arbeit')!.id);
}

describeEachDialect(
	'demo content',
	({ database }) => {
		it('is rich enough to show the finder', async () => {
			const db = database().db;
			const count = async (query: Promise<{ n: number | string }>) => Number((await query).n);
			const offers = await count(
				db
					.selectFrom('offers')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			);
			const providers = await count(
				db
					.selectFrom('organisations')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			);
			const municipalities = await count(
				db
					.selectFrom('offers')
					.select((eb) => eb.fn.count<number>('placeId').distinct().as('n'))
					.executeTakeFirstOrThrow()
			);
			const translated = await count(
				db
					.selectFrom('translations')
					.select((eb) => eb.fn.count<number>('entityId').distinct().as('n'))
					.where('entity', '=', 'offer')
					.where('field', '=', 'title')
					.where('locale', 'in', ['en', 'uk', 'ar'])
					.executeTakeFirstOrThrow()
			);
			const recurring = await count(
				db
					.selectFrom('offerSchedules')
					.select((eb) => eb.fn.count<number>('offerId').distinct().as('n'))
					.where('rrule', 'is not', null)
					.executeTakeFirstOrThrow()
			);
			expect(offers).toBeGreaterThanOrEqual(150);
			expect(providers).toBeGreaterThanOrEqual(40);
			expect(municipalities).toBeGreaterThanOrEqual(25);
			expect(translated * 3).toBeGreaterThanOrEqual(offers);
			expect(recurring).toBeGreaterThanOrEqual(20);
			const fields = await db
				.selectFrom('offerActionFields')
				.select('actionField')
				.distinct()
				.execute();
			expect(fields).toHaveLength(9);
		});

		it('says which level its language courses lead to, for the support chains', async () => {
			const courses = await database()
				.db.selectFrom('offers')
				.select(['languageLevel', 'languageLevelExit'])
				.where('languageLevelExit', 'is not', null)
				.execute();
			const exits = new Set(courses.map((course) => course.languageLevelExit));
			expect(exits).toEqual(new Set(['A1', 'A2', 'B1', 'B2', 'C1']));
			expect(courses.filter((course) => course.languageLevelExit === 'B1').length).toBeGreaterThan(
				4
			);
		});

		it('finds German courses near Kappeln in Arabic, across both districts', async () => {
			const { filters } = parseSearchParams(
				new URLSearchParams({ q: 'دورة اللغة الألمانية', near: 'Kappeln', radius: '25' })
			);
			const result = await searchOffers(database().db, filters, 'ar');
			expect(result.total).toBeGreaterThan(2);
			expect(result.items[0]!.title.text).toContain('دورة اللغة الألمانية');
			const border = await searchOffers(
				database().db,
				parseSearchParams(new URLSearchParams({ near: 'Harrislee', radius: '10' })).filters,
				'de'
			);
			expect(new Set(border.items.map((item) => item.districtName))).toEqual(
				new Set(['Flensburg', 'Kreis Schleswig-Flensburg'])
			);
		});

		it('shows on the KITZ page only what the office publishes: two persons and the address', async () => {
			const page = await getPage(database().db, 'kitz', 'fa');
			expect(page?.title.lang).toBe('fa');
			expect(page?.contacts.map((contact) => contact.name)).toEqual([
				'Dagmar Kistner',
				'Joanna Wilkonska-Malla'
			]);
			// The district publishes no personal phone, room or e-mail for them.
			for (const contact of page?.contacts ?? [])
				expect(contact).toMatchObject({ phone: null, email: null, room: null, languages: [] });
			expect(page?.contacts[0]?.role.lang).toBe('fa');
			expect(page?.office).toEqual({
				name: 'Kreis Schleswig-Flensburg, Regionale Integration',
				street: 'Flensburger Straße 7',
				postcode: '24837',
				placeName: 'Schleswig',
				email: null,
				phone: null,
				website: null
			});
			// No invented phone numbers, rooms or office hours in the text of any language.
			for (const locale of LOCALES) {
				const text = await getPage(database().db, 'kitz', locale);
				for (const field of [text!.title, text!.summary, text!.body])
					expect(field.text).not.toMatch(
						/\d{3,}[ /-]?\d{2,}|Raum \d|\d{1,2}(:\d\d)? ?(bis|–|-) ?\d{1,2}/
					);
			}
		});

		it('holds three support chains; the language chain is public, with seven stages in step order', async () => {
			const db = database().db;
			const chains = await listChains(db, await coordinatorOf(db));
			expect(chains.map((chain) => [chain.title, chain.isPublic])).toEqual([
				['Ankommen und Wohnen', true],
				['Sprache bis Arbeit', true],
				['Teilhabe von Frauen', false]
			]);
			const language = await languageChain(db);
			expect(language.stages.map((stage) => [stage.step, stage.title])).toEqual([
				[1, 'Beratung und Einstufung'],
				[2, 'Deutsch üben im Sprachcafé'],
				[3, 'Integrationskurs'],
				[4, 'Deutsch für den Beruf (B2)'],
				[4, 'Ausbildung mit Begleitung'],
				[5, 'Anerkennung des Berufsabschlusses'],
				[6, 'Arbeit finden']
			]);
			expect(language.stages.filter((stage) => stage.isOptional)).toHaveLength(2);
		});

		it('documents every hand-over of the language chain, in all three states', async () => {
			const language = await languageChain(database().db);
			expect(language.transitions).toHaveLength(9);
			expect(language.transitions.every((t) => t.fromOrganisationName !== null)).toBe(true);
			expect(new Set(language.transitions.map((t) => t.state))).toEqual(
				new Set(['works', 'friction', 'missing'])
			);
			const intake = language.transitions.find(
				(t) => t.fromTitle === 'Beratung und Einstufung' && t.toTitle === 'Integrationskurs'
			);
			expect(intake).toMatchObject({
				state: 'friction',
				waitingWeeks: 8,
				fromOrganisationName: 'Volkshochschule Kappeln',
				toContact: 'Kursorganisation Integrationskurse – Marlene Jöns'
			});
			expect(intake?.reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(intake?.referral).toContain('Einstufungstest');
		});

		it('holds the partners’ friction reports at the language chain’s hand-overs', async () => {
			const db = database().db;
			const language = await languageChain(db);
			const coordinator = await coordinatorOf(db);
			const reports = (
				await Promise.all(language.transitions.map((t) => listFriction(db, coordinator, t.id)))
			).flat();
			expect(reports.map((report) => report.organisationName).sort()).toEqual([
				'Bildungswerk Angeln-Schlei gGmbH',
				'Jobcenter Schleswig-Flensburg',
				'Sprachcafé-Initiative Tarp e.V.'
			]);
			expect(reports.every((report) => report.createdAt < new Date().toISOString())).toBe(true);
		});

		it('shows the language chain and its stages in Arabic, translated from the current German', async () => {
			const db = database().db;
			const language = await languageChain(db);
			const chain = await localizeMany(
				db,
				'chain',
				[{ id: language.id, fields: { publicTitle: language.publicTitle } }],
				'ar'
			);
			expect(chain.get(language.id)?.publicTitle).toMatchObject({
				text: 'طريقكم إلى دورة اللغة الألمانية وإلى العمل',
				lang: 'ar',
				status: 'reviewed'
			});
			const stages = await localizeMany(
				db,
				'chain_stage',
				language.stages.map((stage) => ({
					id: stage.id,
					fields: { title: stage.title, achieves: stage.achieves }
				})),
				'ar'
			);
			for (const fields of stages.values())
				for (const text of [fields.title, fields.achieves])
					expect(text).toMatchObject({ lang: 'ar', fallback: false, status: 'reviewed' });
		});

		it('leaves Erfde without an integration course within reach, while Schleswig and Kappeln have one', async () => {
			const db = database().db;
			const language = await languageChain(db);
			const matrix = await gapMatrix(db, await coordinatorOf(db), { chainId: language.id }, 'de');
			const column = matrix.chains[0]!.stages.findIndex(
				(stage) => stage.title === 'Integrationskurs'
			);
			const covered = (name: string) =>
				matrix.rows.find((row) => row.municipality.name === name)?.cells[column]?.covered;
			expect(covered('Erfde')).toBe(false);
			expect(covered('Schleswig')).toBe(true);
			expect(covered('Kappeln')).toBe(true);
			expect(matrix.chains[0]!.stages[column]!.gaps.municipalities).toBeGreaterThan(0);
		});

		it('holds the language chain’s past review in the spring meeting, its three decisions in the minutes', async () => {
			const db = database().db;
			const coordinator = await coordinatorOf(db);
			const language = await languageChain(db);
			const reviews = await listReviews(db, coordinator, language.id);
			expect(reviews).toHaveLength(1);
			expect(reviews[0]).toMatchObject({
				networkName: 'Netzwerk Sprache Schleswig-Flensburg',
				meetingTitle: 'Netzwerktreffen Frühjahr',
				findingCount: 7,
				decisionCount: 3
			});
			expect(reviews[0]!.meetingStartsAt.slice(0, 10)).toBe(addDays(berlinToday(), -335));
			const review = await getReview(db, coordinator, reviews[0]!.id);
			expect(review.findings.map((finding) => [finding.subject, finding.state])).toEqual([
				['Integrationskurs', null],
				['Deutsch für den Beruf (B2)', null],
				['Deutsch üben im Sprachcafé', null],
				['Beratung und Einstufung → Integrationskurs', 'friction'],
				['Beratung und Einstufung → Deutsch üben im Sprachcafé', 'missing'],
				['Integrationskurs → Deutsch für den Beruf (B2)', 'friction'],
				['Deutsch für den Beruf (B2) → Anerkennung des Berufsabschlusses', 'missing']
			]);

			const [card, planning, mobility] = review.decisions;
			expect(card?.task).toMatchObject({
				ownerName: 'Sprachcafé-Initiative Tarp e.V.',
				status: 'done',
				meetingId: review.meetingId
			});
			expect(planning?.task).toBeNull();
			expect(mobility?.task).toBeNull();
			const minutes = await getMinutes(db, coordinator, review.meetingId);
			expect(minutes.general.decisions.map((decision) => decision.id)).toEqual(
				expect.arrayContaining(review.decisions.map((decision) => decision.id))
			);

			// The planned measure shows the review's decision as where it was decided.
			const measures = await listMeasures(db, coordinator);
			const courses = measures.find((m) => m.title === 'Bedarfsplanung Berufssprachkurse 2027')!;
			expect(planning?.measures.map((m) => m.measureId)).toEqual([courses.id]);
			const detail = await getMeasure(db, coordinator, courses.id);
			expect(detail.decision).toMatchObject({
				id: planning!.id,
				meetingTitle: 'Netzwerktreffen Frühjahr'
			});
			// The idea the review proposed, decided there too.
			const idea = measures.find((m) => m.title.startsWith('Mobil zum Deutschkurs'))!;
			expect(idea).toMatchObject({
				status: 'idea',
				leadOrganisationName: 'Kreis Schleswig-Flensburg, Regionale Integration'
			});
			expect(mobility?.measures.map((m) => m.measureId)).toEqual([idea.id]);
			expect((await getMeasure(db, coordinator, idea.id)).decision?.id).toBe(mobility!.id);
		});

		it('keeps the hand-overs as documented after the review', async () => {
			const language = await languageChain(database().db);
			const handOver = (from: string, to: string) =>
				language.transitions.find((t) => t.fromTitle === from && t.toTitle === to);
			const daysAgo = (days: number) => addDays(berlinToday(), -days);
			// The review found no hand-over to the language cafés; the card made one since.
			expect(handOver('Beratung und Einstufung', 'Deutsch üben im Sprachcafé')).toMatchObject({
				state: 'works',
				reviewedOn: daysAgo(40)
			});
			expect(handOver('Beratung und Einstufung', 'Integrationskurs')).toMatchObject({
				state: 'friction',
				reviewedOn: daysAgo(60)
			});
			expect(
				handOver('Deutsch für den Beruf (B2)', 'Anerkennung des Berufsabschlusses')
			).toMatchObject({ state: 'missing', reviewedOn: daysAgo(335) });
		});

		it('is seeded once: a second run adds nothing', async () => {
			const db = database().db;
			const again = await db.transaction().execute((trx) => seedDemoContent(trx, CONTENT));
			expect(again.size).toBe(0);
			await db
				.transaction()
				.execute(async (trx) =>
					seedDemoChains(trx, CONTENT, await demoActor(trx, 'coordinator'), new Map())
				);
			expect(await listChains(db, await coordinatorOf(db))).toHaveLength(3);
		});
	},
	async (database) => {
		await loadReferencePlaces(database.db, CONTENT);
		await seedDemo(database.db, { contentDir: CONTENT, password: 'demo-password-for-tests' });
	}
);
