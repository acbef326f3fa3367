import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import { listAudit } from '../../src/lib/server/accounts/audit.service.js';
import { saveGoalTexts } from '../../src/lib/server/measures/goals.service.js';
import { linkMeasureOffer } from '../../src/lib/server/measures/measure-parts.service.js';
import {
	measureTranslations,
	saveMeasureTranslations
} from '../../src/lib/server/measures/measure-translations.service.js';
import { MeasureValidationError } from '../../src/lib/server/measures/measures.errors.js';
import type { MeasureInput } from '../../src/lib/server/measures/measures.schema.js';
import {
	createMeasure,
	updateMeasure,
	type MeasureActor
} from '../../src/lib/server/measures/measures.service.js';
import { publicMeasures } from '../../src/lib/server/measures/public-measures.service.js';
import { createTestGoals } from '../factories/goal.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const people = {} as Record<'coordinator' | 'partner' | 'elsewhere', MeasureActor>;
const ids = {} as Record<
	'vhs' | 'goal' | 'cafe' | 'internal' | 'mentors' | 'flensburg' | 'offer' | 'draftOffer',
	number
>;

const measure = (overrides: Partial<MeasureInput> = {}): MeasureInput => ({
	title: 'Sprachcafé für Frauen',
	description: 'Wöchentliches Sprachcafé mit Kinderbetreuung.',
	actionFields: ['language', 'women'],
	goalIds: [ids.goal],
	leadOrganisationId: ids.vhs,
	partnerOrganisationIds: [],
	responsibleContactId: null,
	startsOn: '2026-01-01',
	endsOn: '2027-06-30',
	progressMode: 'manual',
	isPublic: true,
	links: [],
	decisionId: null,
	...overrides
});
const running = { status: 'running' as const, statusOn: '2026-01-01', reason: '' };
const arabic = {
	title: 'مقهى اللغة للنساء',
	description: 'مقهى لغة أسبوعي مع رعاية للأطفال.',
	statusReason: ''
};

describeEachDialect(
	'the public "Was wir tun" page',
	({ database }) => {
		it("shows the district's public measures per action field under the guiding goal", async () => {
			const view = (await publicMeasures(database().db, 'schleswig-flensburg', 'de', NOW))!;

			expect(view.district).toEqual({ slug: 'schleswig-flensburg', name: expect.any(String) });
			expect(view.concept).toEqual({ title: 'Wir sind Vielfalt' });
			// Both districts have public measures, so the page offers to switch.
			expect(view.districts.map((district) => district.slug)).toEqual([
				'schleswig-flensburg',
				'flensburg'
			]);
			expect(
				view.fields.map((field) => [
					field.actionField,
					field.guidingGoal?.text ?? null,
					field.measures.map((m) => m.title.text)
				])
			).toEqual([
				['language', 'Deutsch lernen für alle', ['Patenschaften', 'Sprachcafé für Frauen']],
				['women', null, ['Sprachcafé für Frauen']]
			]);
			const cafe = view.fields[0]!.measures.find((m) => m.id === ids.cafe)!;
			expect(cafe).toMatchObject({
				status: 'running',
				statusOn: '2026-01-01',
				progress: null,
				startsOn: '2026-01-01',
				endsOn: '2027-06-30',
				leadOrganisationName: 'Volkshochschule Kappeln',
				statusNote: null
			});
			// A draft offer is not public yet: only the published one is linked.
			expect(cafe.offers.map((offer) => [offer.id, offer.title.text])).toEqual([
				[ids.offer, 'Sprachcafé']
			]);
			const mentors = view.fields[0]!.measures.find((m) => m.id === ids.mentors)!;
			expect(mentors.status).toBe('stopped');
			expect(mentors.statusNote?.text).toBe('Zu wenige Ehrenamtliche.');
		});

		it('shows another district only by its own slug, and the first district otherwise', async () => {
			const db = database().db;
			const flensburg = (await publicMeasures(db, 'flensburg', 'de', NOW))!;
			expect(flensburg.fields.flatMap((field) => field.measures.map((m) => m.id))).toEqual([
				ids.flensburg
			]);
			expect(flensburg.concept).toBeNull();
			const fallback = (await publicMeasures(db, 'nirgendwo', 'de', NOW))!;
			expect(fallback.district.slug).toBe('schleswig-flensburg');
		});

		it('shows translations in the language asked for and German marked as fallback', async () => {
			const db = database().db;
			await saveMeasureTranslations(
				db,
				people.coordinator,
				ids.cafe,
				{ translations: { ar: arabic } },
				NOW
			);
			const view = (await publicMeasures(db, null, 'ar', NOW))!;
			const language = view.fields[0]!;
			expect(language.guidingGoal).toMatchObject({
				text: 'تعلم الألمانية للجميع',
				lang: 'ar',
				fallback: false
			});
			const cafe = language.measures.find((m) => m.id === ids.cafe)!;
			expect(cafe.title).toMatchObject({ text: arabic.title, lang: 'ar', fallback: false });
			expect(cafe.description).toMatchObject({ text: arabic.description, fallback: false });
			const mentors = language.measures.find((m) => m.id === ids.mentors)!;
			expect(mentors.title).toMatchObject({ text: 'Patenschaften', lang: 'de', fallback: true });
			expect(mentors.statusNote).toMatchObject({
				text: 'Zu wenige Ehrenamtliche.',
				fallback: true,
				status: 'missing'
			});
			expect(cafe.offers[0]!.title).toMatchObject({ text: 'Sprachcafé', fallback: true });

			// A changed German title leaves the translation shown, but marked outdated.
			await updateMeasure(
				db,
				people.coordinator,
				ids.cafe,
				measure({ title: 'Sprachcafé für Mütter' }),
				NOW
			);
			const after = (await publicMeasures(db, null, 'ar', NOW))!.fields[0]!.measures.find(
				(m) => m.id === ids.cafe
			)!;
			expect(after.title).toMatchObject({ text: arabic.title, status: 'outdated' });
			expect(after.description.status).toBe('reviewed');
		});

		it('keeps the states of the translations for the office, and a confirmation clears one', async () => {
			const db = database().db;
			await saveMeasureTranslations(
				db,
				people.coordinator,
				ids.cafe,
				{ translations: { ar: arabic } },
				NOW
			);
			await updateMeasure(
				db,
				people.coordinator,
				ids.cafe,
				measure({ title: 'Sprachcafé für Mütter' }),
				NOW
			);
			const before = await measureTranslations(db, people.coordinator, ids.cafe);
			expect(before.states).toMatchObject({ ar: 'outdated', en: 'missing' });
			expect(before.translations.ar.title).toEqual({ value: arabic.title, status: 'outdated' });
			expect(before.mayEdit).toBe(true);

			await saveMeasureTranslations(
				db,
				people.coordinator,
				ids.cafe,
				{ translations: { ar: arabic }, confirmed: ['ar.title'] },
				NOW
			);
			const after = await measureTranslations(db, people.coordinator, ids.cafe);
			expect(after.states.ar).toBe('reviewed');
			// The partner reads the states but may not edit them.
			expect((await measureTranslations(db, people.partner, ids.cafe)).mayEdit).toBe(false);
			const audit = await listAudit(db, { ...people.coordinator, role: 'administrator' });
			expect(
				audit.filter((entry) => entry.action === 'measure.translate').map((e) => e.entityId)
			).toEqual([ids.cafe, ids.cafe]);
		});

		it('refuses translations from partners, of measures that are not public, and too long', async () => {
			const db = database().db;
			await expect(
				saveMeasureTranslations(db, people.partner, ids.cafe, { translations: { ar: arabic } })
			).rejects.toBeInstanceOf(ForbiddenError);
			const issues = async (measureId: number, title: string) => {
				const failure = await saveMeasureTranslations(db, people.coordinator, measureId, {
					translations: { ar: { ...arabic, title } }
				}).catch((error: unknown) => error);
				expect(failure).toBeInstanceOf(MeasureValidationError);
				return (failure as MeasureValidationError).issues;
			};
			expect(await issues(ids.internal, 'داخلي')).toEqual([
				{ path: 'isPublic', code: 'not_public' }
			]);
			expect(await issues(ids.cafe, 'x'.repeat(201))).toEqual([
				{ path: 'translations.ar.title', code: 'too_big' }
			]);
			// Nothing was saved half.
			expect(
				(await measureTranslations(db, people.coordinator, ids.cafe)).translations.ar.title.status
			).toBe('missing');
		});
	},
	async (database) => {
		const db = database.db;
		const world = await districtWithPartners(db);
		const flensburg = world.places.districts.flensburg;
		ids.vhs = world.vhs;
		people.coordinator = await world.staff('coordinator');
		people.partner = await world.staff('partner_editor', [ids.vhs]);
		people.elsewhere = await world.staff('coordinator', [], flensburg);
		ids.goal = (
			await createTestGoals(db, world.districtId, [
				{ actionField: 'language', text: 'Deutsch lernen für alle' }
			])
		)[0]!;
		await saveGoalTexts(
			db,
			people.coordinator,
			ids.goal,
			{ text: 'Deutsch lernen für alle', translations: { ar: 'تعلم الألمانية للجميع' } },
			NOW
		);
		ids.cafe = await createMeasure(db, people.coordinator, measure(), running, NOW);
		ids.internal = await createMeasure(
			db,
			people.coordinator,
			measure({ title: 'Interne Planung', actionFields: ['language'], isPublic: false }),
			running,
			NOW
		);
		ids.mentors = await createMeasure(
			db,
			people.coordinator,
			measure({ title: 'Patenschaften', actionFields: ['language'], progressMode: 'milestones' }),
			{ status: 'stopped', statusOn: '2026-10-01', reason: 'Zu wenige Ehrenamtliche.' },
			NOW
		);
		const other = await createOrganisation(db, { districtId: flensburg, name: 'Anderswo e. V.' });
		ids.flensburg = await createMeasure(
			db,
			people.elsewhere,
			measure({
				title: 'Nachbarschaftsfest',
				actionFields: ['associations'],
				goalIds: [],
				leadOrganisationId: other
			}),
			running,
			NOW
		);
		ids.offer = await createOffer(db, { organisationId: ids.vhs, title: 'Sprachcafé' }, NOW);
		ids.draftOffer = await createOffer(
			db,
			{ organisationId: ids.vhs, title: 'Sprachcafé II', status: 'draft' },
			NOW
		);
		for (const offer of [ids.offer, ids.draftOffer])
			await linkMeasureOffer(db, people.coordinator, ids.cafe, offer, true, NOW);
	},
	{ isolation: 'test' }
);
