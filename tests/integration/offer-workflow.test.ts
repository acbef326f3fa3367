import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import { listAudit } from '../../src/lib/server/accounts/audit.service.js';
import { sourceHash } from '../../src/lib/server/translations/translations.service.js';
import type { OfferContent } from '../../src/lib/server/offers/offer-content.js';
import {
	listDeskOffers,
	offerHistory,
	offerOnDesk,
	reviewQueue
} from '../../src/lib/server/offers/offer-desk.service.js';
import { getPublishedOffer } from '../../src/lib/server/offers/offer-page.service.js';
import {
	OfferNotFoundError,
	OfferValidationError,
	WorkflowError
} from '../../src/lib/server/offers/offers.errors.js';
import {
	approveOffer,
	archiveOffer,
	createOfferDraft,
	deleteOffer,
	requestChanges,
	saveOfferDraft,
	submitOffer,
	type Editor
} from '../../src/lib/server/offers/workflow.service.js';
import { parseSearchParams } from '../../src/lib/server/search/search.schema.js';
import { searchOffers } from '../../src/lib/server/search/search.service.js';
import { createTestAccount } from '../factories/account.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const people = {} as Record<
	'partner' | 'otherPartner' | 'coordinator' | 'admin' | 'viewer',
	Editor
>;
let own = 0;
/** The e-mail of the last account made per role. */
const emailOf = {} as Record<string, string>;
let placeId = 0;

function content(title: string, arabicTitle?: string): OfferContent {
	return {
		offer: {
			organisationId: own,
			title,
			summary: 'Deutsch lernen in kleinen Gruppen.',
			description: 'Jeden Dienstag.',
			actionFields: ['language'],
			targetGroups: ['newcomers'],
			languages: ['de', 'ar'],
			languageLevel: 'none',
			cost: { kind: 'free' },
			access: 'walk_in',
			accessibility: [],
			location: { kind: 'address', street: 'Schulstraße 3', placeId },
			schedule: {
				kind: 'recurring',
				entries: [
					{ startsAt: '2026-12-01T09:00', endsAt: '2026-12-01T11:00', rrule: 'FREQ=WEEKLY' }
				]
			}
		},
		translations: arabicTitle
			? { ar: { title: { value: arabicTitle, basedOn: sourceHash(title), status: 'reviewed' } } }
			: {}
	};
}

// One database per dialect: each test adds its own offers and reads only what they caused, so
// the first counts the mails queued while it ran, not the whole outbox the other tests add to.
describeEachDialect(
	'offer review workflow',
	({ database }) => {
		const db = () => database().db;
		const portalTitle = async (offerId: number, locale: 'de' | 'ar' = 'de') => {
			const slug = (await offerOnDesk(db(), people.coordinator, offerId)).slug;
			try {
				return (await getPublishedOffer(db(), slug, locale, NOW)).title.text;
			} catch {
				return null;
			}
		};

		it('publishes only after approval and keeps the published version during review', async () => {
			const queuedBefore = await db().selectFrom('mailOutbox').select('id').execute();
			const id = await createOfferDraft(
				db(),
				people.partner,
				content('Sprachtreff', 'ملتقى اللغة'),
				NOW
			);
			expect(await portalTitle(id)).toBeNull();
			await submitOffer(db(), people.partner, id, { now: NOW });
			expect((await reviewQueue(db(), people.coordinator)).map((row) => row.id)).toContain(id);

			await requestChanges(db(), people.coordinator, id, 'Bitte die Uhrzeit ergänzen.', {
				now: NOW
			});
			const returned = await offerOnDesk(db(), people.partner, id);
			expect(returned.openState).toBe('changes_requested');
			expect(returned.reviewComment).toBe('Bitte die Uhrzeit ergänzen.');
			expect(returned.may.submit).toBe(true);

			await saveOfferDraft(
				db(),
				people.partner,
				id,
				content('Sprachtreff am Dienstag', 'ملتقى اللغة'),
				NOW
			);
			await submitOffer(db(), people.partner, id, { now: NOW });
			await approveOffer(db(), people.coordinator, id, { now: NOW });
			expect(await portalTitle(id)).toBe('Sprachtreff am Dienstag');
			expect(await portalTitle(id, 'ar')).toBe('ملتقى اللغة');

			// An edit of the published offer waits for review; the public sees the old text.
			await saveOfferDraft(
				db(),
				people.partner,
				id,
				content('Sprachtreff mit Kinderbetreuung'),
				NOW
			);
			await submitOffer(db(), people.partner, id, { now: NOW });
			expect(await portalTitle(id)).toBe('Sprachtreff am Dienstag');
			const { filters } = parseSearchParams(new URLSearchParams('q=kinderbetreuung'));
			expect((await searchOffers(db(), filters, 'de', { now: NOW })).total).toBe(0);
			await approveOffer(db(), people.coordinator, id, { now: NOW });
			expect(await portalTitle(id)).toBe('Sprachtreff mit Kinderbetreuung');
			expect((await searchOffers(db(), filters, 'de', { now: NOW })).total).toBe(1);
			// The approved edit dropped the Arabic title: the portal falls back to German.
			expect(await portalTitle(id, 'ar')).toBe('Sprachtreff mit Kinderbetreuung');

			const history = await offerHistory(db(), people.partner, id);
			expect(history.map((entry) => [entry.number, entry.state])).toEqual([
				[2, 'approved'],
				[1, 'approved']
			]);
			const titleChange = history[0]!.changes.find((change) => change.field === 'title');
			expect(titleChange).toMatchObject({ kind: 'text' });
			const parts = titleChange!.kind === 'text' ? titleChange!.parts : [];
			expect(parts.filter((part) => part.removed).map((part) => part.value.trim())).toContain(
				'am Dienstag'
			);
			expect(parts.filter((part) => part.added).map((part) => part.value.trim())).toContain(
				'mit Kinderbetreuung'
			);
			expect(history[0]!.changes.map((change) => change.field)).toContain('ar.title');

			// Coordinators heard of each submission, the partner of each review.
			const mail = (
				await db()
					.selectFrom('mailOutbox')
					.select(['id', 'toAddress', 'subject', 'textBody'])
					.execute()
			).filter((m) => !queuedBefore.some((before) => before.id === m.id));
			const about = (to: string | undefined, subject: string) =>
				mail.filter((m) => m.toAddress === to && m.subject.includes(subject));
			expect(about(emailOf.coordinator, 'Angebot zur Prüfung')).toHaveLength(3);
			const asked = about(emailOf.partner, 'Änderungen erbeten');
			expect(asked).toHaveLength(1);
			expect(asked[0]!.textBody).toContain('Bitte die Uhrzeit ergänzen.');
			expect(asked[0]!.textBody).toContain(`/de/office/offers/${id}`);
			expect(about(emailOf.partner, 'veröffentlicht')).toHaveLength(2);

			const audit = await listAudit(db(), people.admin);
			expect(audit.filter((entry) => entry.entityId === id).map((entry) => entry.action)).toEqual(
				expect.arrayContaining([
					'offer.create',
					'offer.submit',
					'offer.request_changes',
					'offer.edit',
					'offer.approve'
				])
			);
		});

		it('carries the level an offer leads to through review to the portal and the history', async () => {
			const course = (exit: 'B1' | 'B2'): OfferContent => {
				const base = content('Deutschkurs B1');
				return { ...base, offer: { ...base.offer, languageLevel: 'A2', languageLevelExit: exit } };
			};
			const id = await createOfferDraft(db(), people.partner, course('B1'), NOW);
			await submitOffer(db(), people.partner, id, { now: NOW });
			await approveOffer(db(), people.coordinator, id, { now: NOW });
			const slug = (await offerOnDesk(db(), people.coordinator, id)).slug;
			expect((await getPublishedOffer(db(), slug, 'de', NOW)).languageLevelExit).toBe('B1');

			await saveOfferDraft(db(), people.partner, id, course('B2'), NOW);
			await submitOffer(db(), people.partner, id, { now: NOW });
			expect((await getPublishedOffer(db(), slug, 'de', NOW)).languageLevelExit).toBe('B1');
			await approveOffer(db(), people.coordinator, id, { now: NOW });
			expect((await getPublishedOffer(db(), slug, 'de', NOW)).languageLevelExit).toBe('B2');
			const [latest] = await offerHistory(db(), people.partner, id);
			expect(latest!.changes).toEqual([
				{ field: 'languageLevelExit', kind: 'value', before: 'B1', after: 'B2' }
			]);
		});

		it('refuses steps out of order and reviews without a comment', async () => {
			const id = await createOfferDraft(db(), people.partner, content('Elterncafé'), NOW);
			await expect(approveOffer(db(), people.coordinator, id, { now: NOW })).rejects.toThrow(
				WorkflowError
			);
			await submitOffer(db(), people.partner, id, { now: NOW });
			await expect(submitOffer(db(), people.partner, id, { now: NOW })).rejects.toThrow(
				WorkflowError
			);
			expect(() => requestChanges(db(), people.coordinator, id, '   ', { now: NOW })).toThrow(
				WorkflowError
			);
			expect((await offerOnDesk(db(), people.partner, id)).openState).toBe('submitted');
		});

		it('lets roles act only as the policy allows', async () => {
			const id = await createOfferDraft(db(), people.partner, content('Lernwerkstatt'), NOW);
			await expect(
				saveOfferDraft(db(), people.otherPartner, id, content('Fremd'), NOW)
			).rejects.toThrow(ForbiddenError);
			await expect(offerOnDesk(db(), people.otherPartner, id)).rejects.toThrow(ForbiddenError);
			await submitOffer(db(), people.partner, id, { now: NOW });
			await expect(approveOffer(db(), people.partner, id, { now: NOW })).rejects.toThrow(
				ForbiddenError
			);
			await expect(approveOffer(db(), people.viewer, id, { now: NOW })).rejects.toThrow(
				ForbiddenError
			);
			await expect(
				createOfferDraft(db(), people.otherPartner, content('Fremdes Angebot'), NOW)
			).rejects.toThrow(ForbiddenError);
			expect((await listDeskOffers(db(), people.otherPartner)).map((row) => row.id)).not.toContain(
				id
			);
			await approveOffer(db(), people.coordinator, id, { now: NOW });
			await archiveOffer(db(), people.partner, id, NOW);
			expect(await portalTitle(id)).toBeNull();
			// An archived offer comes back through an approved change.
			await saveOfferDraft(db(), people.partner, id, content('Lernwerkstatt 2027'), NOW);
			await submitOffer(db(), people.partner, id, { now: NOW });
			await approveOffer(db(), people.coordinator, id, { now: NOW });
			expect(await portalTitle(id)).toBe('Lernwerkstatt 2027');
			// Only administrators delete, and then it is gone everywhere.
			await expect(deleteOffer(db(), people.coordinator, id, NOW)).rejects.toThrow(ForbiddenError);
			await deleteOffer(db(), people.admin, id, NOW);
			await expect(offerOnDesk(db(), people.admin, id)).rejects.toThrow(OfferNotFoundError);
			const { filters } = parseSearchParams(new URLSearchParams('q=lernwerkstatt'));
			expect((await searchOffers(db(), filters, 'de', { now: NOW })).total).toBe(0);
			const audit = await listAudit(db(), people.admin);
			expect(audit.filter((entry) => entry.entityId === id).map((entry) => entry.action)).toContain(
				'offer.delete'
			);
		});

		it('rejects invalid content and writes nothing', async () => {
			const before = (await listDeskOffers(db(), people.coordinator)).length;
			const bad = content('');
			await expect(createOfferDraft(db(), people.partner, bad, NOW)).rejects.toThrow(
				OfferValidationError
			);
			const tooLong = content('Kurs');
			tooLong.translations = {
				ar: { title: { value: 'x'.repeat(201), basedOn: '', status: 'reviewed' } }
			};
			await expect(createOfferDraft(db(), people.partner, tooLong, NOW)).rejects.toThrow(
				OfferValidationError
			);
			// The level an offer leads to lies above the one it asks for.
			const backwards = content('Kurs');
			backwards.offer = { ...backwards.offer, languageLevel: 'B1', languageLevelExit: 'A2' };
			await expect(createOfferDraft(db(), people.partner, backwards, NOW)).rejects.toMatchObject({
				issues: [expect.objectContaining({ path: 'languageLevelExit', code: 'custom' })]
			});
			expect((await listDeskOffers(db(), people.coordinator)).length).toBe(before);
		});
	},
	async (database) => {
		const places = await createDistrictsAndPlaces(database.db);
		const districtId = places.districts.schleswigFlensburg;
		placeId = await places.place('Kappeln');
		own = await createOrganisation(database.db, { districtId, name: 'Volkshochschule Kappeln' });
		const other = await createOrganisation(database.db, { districtId, name: 'Treffpunkt e.V.' });
		const account = async (role: Editor['role'], organisationIds: number[] = []) => {
			const { id, email } = await createTestAccount(database.db, {
				districtId,
				role,
				organisationIds
			});
			emailOf[role] = email;
			return { id, role, districtId, organisationIds };
		};
		people.otherPartner = await account('partner_editor', [other]);
		people.partner = await account('partner_editor', [own]);
		emailOf.partner = emailOf.partner_editor!;
		people.coordinator = await account('coordinator');
		people.admin = await account('administrator');
		people.viewer = await account('viewer');
	}
);
