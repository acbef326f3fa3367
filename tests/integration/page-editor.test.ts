import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import { seedDemoPage } from '../../src/lib/server/demo/demo.seed.js';
import { removeContactPerson } from '../../src/lib/server/organisations/contact-persons.service.js';
import {
	moveContact,
	pageForEditing,
	saveContactRoles,
	savePageTexts
} from '../../src/lib/server/pages/page-editor.service.js';
import { PageValidationError } from '../../src/lib/server/pages/pages.errors.js';
import { getPage } from '../../src/lib/server/pages/pages.service.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestAccount } from '../factories/account.factory.js';

const CONTENT = resolve('content');
const NOW = new Date('2026-12-01T09:00:00Z');

// Own database per test: the tests edit the seeded page, its contact persons and count its audit.
describeEachDialect(
	'KITZ page editor',
	({ database }) => {
		const userOf = async (email: string) => {
			const user = await database()
				.db.selectFrom('users')
				.select(['id', 'role', 'districtId'])
				.where('email', '=', email)
				.executeTakeFirstOrThrow();
			return {
				id: user.id,
				role: user.role as 'coordinator',
				districtId: user.districtId,
				organisationIds: []
			};
		};

		it('lets a coordinator edit the texts and translations, marking others outdated, audited', async () => {
			const db = database().db;
			const coordinator = await userOf('koordination@kitz.example');
			const before = await pageForEditing(db, coordinator, 'kitz');
			expect(before.translations.ar.title.status).toBe('reviewed');
			await savePageTexts(
				db,
				coordinator,
				'kitz',
				{
					...before.texts,
					summary: 'Die KITZ vernetzt alle, die Integration im Kreis gestalten.',
					translations: {
						...Object.fromEntries(
							Object.entries(before.translations).map(([locale, fields]) => [
								locale,
								{
									title: fields.title.value,
									summary: fields.summary.value,
									body: fields.body.value
								}
							])
						),
						ar: { title: 'منسقية الاندماج', summary: '', body: before.translations.ar.body.value }
					}
				},
				NOW
			);
			const arabic = await getPage(db, 'kitz', 'ar');
			expect(arabic?.title).toMatchObject({
				text: 'منسقية الاندماج',
				lang: 'ar',
				status: 'reviewed'
			});
			// The emptied Arabic summary is gone, so the new German one shows, marked as German.
			expect(arabic?.summary).toMatchObject({ lang: 'de', fallback: true });
			const after = await pageForEditing(db, coordinator, 'kitz');
			expect(after.translations.en.summary.status).toBe('outdated');
			expect(after.translations.en.title.status).toBe('reviewed');

			// Confirming the outdated English summary makes it current again.
			await savePageTexts(
				db,
				coordinator,
				'kitz',
				{
					...after.texts,
					translations: Object.fromEntries(
						Object.entries(after.translations).map(([locale, fields]) => [
							locale,
							{ title: fields.title.value, summary: fields.summary.value, body: fields.body.value }
						])
					),
					confirmed: ['en.summary']
				},
				NOW
			);
			expect((await pageForEditing(db, coordinator, 'kitz')).translations.en.summary.status).toBe(
				'reviewed'
			);
			const audit = await db
				.selectFrom('auditLog')
				.select(['action', 'userId'])
				.where('action', '=', 'page.edit')
				.execute();
			expect(audit).toEqual([
				{ action: 'page.edit', userId: coordinator.id },
				{ action: 'page.edit', userId: coordinator.id }
			]);
		});

		it('translates and orders the contact persons the portal shows', async () => {
			const db = database().db;
			const coordinator = await userOf('koordination@kitz.example');
			const [dagmar, joanna] = (await pageForEditing(db, coordinator, 'kitz')).contacts;
			await saveContactRoles(
				db,
				coordinator,
				'kitz',
				joanna!.id,
				{ ar: 'منسقة الاندماج الإقليمي' },
				NOW
			);
			await moveContact(db, coordinator, 'kitz', joanna!.id, 'up', NOW);
			const page = await getPage(db, 'kitz', 'ar');
			expect(page?.contacts.map((contact) => contact.name)).toEqual([
				'Joanna Wilkonska-Malla',
				'Dagmar Kistner'
			]);
			expect(page?.contacts[0]?.role).toMatchObject({
				text: 'منسقة الاندماج الإقليمي',
				lang: 'ar'
			});
			// Only Arabic was kept; the other languages were emptied and show German again.
			expect((await getPage(db, 'kitz', 'en'))?.contacts[0]?.role.lang).toBe('de');
			expect((await getPage(db, 'kitz', 'en'))?.contacts[1]?.role.lang).toBe('en');
			// A removed person's translations go with them.
			const kitz = (await pageForEditing(db, coordinator, 'kitz')).organisationId!;
			await removeContactPerson(db, coordinator, kitz, dagmar!.id, NOW);
			const left = await db
				.selectFrom('translations')
				.select('entityId')
				.where('entity', '=', 'contact')
				.where('entityId', '=', dagmar!.id)
				.execute();
			expect(left).toEqual([]);
		});

		it('refuses partners and viewers, and names what is wrong with bad input', async () => {
			const db = database().db;
			const coordinator = await userOf('koordination@kitz.example');
			// Not even a partner editor of the office's own organisation.
			for (const email of ['leitung@kitz.example', 'partner.kitz@kitz.example'])
				await expect(pageForEditing(db, await userOf(email), 'kitz')).rejects.toThrow(
					ForbiddenError
				);
			const texts = (await pageForEditing(db, coordinator, 'kitz')).texts;
			const failure = await savePageTexts(db, coordinator, 'kitz', {
				...texts,
				title: ' ',
				translations: { ar: { title: 'x'.repeat(201) } }
			}).catch((error: unknown) => error);
			expect(failure).toBeInstanceOf(PageValidationError);
			expect((failure as PageValidationError).issues.map((issue) => issue.path)).toEqual([
				'title',
				'translations.ar.title'
			]);
		});
	},
	async ({ db }) => {
		await loadReferencePlaces(db, CONTENT);
		// The KITZ page as the demo seeds it, and one account per role that matters here.
		await db.transaction().execute((trx) => seedDemoPage(trx, CONTENT, NOW));
		const kitz = await db
			.selectFrom('pages')
			.select(['districtId', 'organisationId'])
			.where('slug', '=', 'kitz')
			.executeTakeFirstOrThrow();
		const districtId = kitz.districtId;
		await createTestAccount(db, { districtId, email: 'koordination@kitz.example' });
		await createTestAccount(db, { districtId, email: 'leitung@kitz.example', role: 'viewer' });
		await createTestAccount(db, {
			districtId,
			email: 'partner.kitz@kitz.example',
			role: 'partner_editor',
			organisationIds: [kitz.organisationId!]
		});
	},
	{ isolation: 'test' }
);
