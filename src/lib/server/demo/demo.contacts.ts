import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { insertConsentRow } from '../directory/consents.repository.js';
import { CONSENT_SOURCES, contactSchema } from '../directory/contacts.schema.js';
import { insertContactRow } from '../directory/contacts.repository.js';
import { ensureDefaultPurposes } from '../directory/purposes.service.js';

/**
 * The demo's contact directory (content/demo/contacts.json): people of partner organisations
 * with consents, one withdrawn and one never given, so every rule of the directory shows.
 * Demo networks refer to these people by e-mail, which is therefore unique.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const demoContactsSchema = z.object({
	district: z.string(),
	contacts: z.array(
		contactSchema.omit({ organisationId: true }).extend({
			organisation: z.string().nullable().default(null),
			email: z.email(),
			consents: z.array(
				z.object({
					purpose: z.string(),
					givenOn: day,
					source: z.enum(CONSENT_SOURCES),
					withdrawnOn: day.nullable().default(null)
				})
			)
		})
	)
});

/** Seeds the demo people into a district that has none yet, in the caller's transaction; returns how many. */
export async function seedDemoContacts(
	trx: Transaction<DB>,
	contentDir: string,
	now = new Date()
): Promise<number> {
	const file = join(contentDir, 'demo', 'contacts.json');
	const parsed = demoContactsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
	}
	const { district: slug, contacts } = parsed.data;
	const district = await trx
		.selectFrom('districts')
		.select('id')
		.where('slug', '=', slug)
		.executeTakeFirstOrThrow();
	if (
		await trx
			.selectFrom('contacts')
			.select('id')
			.where('districtId', '=', district.id)
			.limit(1)
			.executeTakeFirst()
	)
		return 0;
	const emails = contacts.map((contact) => contact.email.toLowerCase());
	if (new Set(emails).size !== emails.length) throw new Error(`${file}: an e-mail is used twice`);
	await ensureDefaultPurposes(trx, district.id, now);
	const purposes = new Map(
		(
			await trx
				.selectFrom('processingPurposes')
				.select(['id', 'key'])
				.where('districtId', '=', district.id)
				.execute()
		).map((purpose) => [purpose.key, purpose.id])
	);
	const stamp = now.toISOString();
	for (const { organisation, consents, ...contact } of contacts) {
		const organisationId = organisation
			? (
					await trx
						.selectFrom('organisations')
						.select('id')
						.where('slug', '=', organisation)
						.executeTakeFirstOrThrow()
				).id
			: null;
		const contactId = await insertContactRow(trx, {
			...contact,
			districtId: district.id,
			organisationId,
			languages: contact.languages.join(','),
			actionFields: contact.actionFields.join(','),
			createdAt: stamp,
			updatedAt: stamp,
			anonymisedAt: null
		});
		for (const consent of consents) {
			const purposeId = purposes.get(consent.purpose);
			if (purposeId === undefined) throw new Error(`${file}: unknown purpose "${consent.purpose}"`);
			await insertConsentRow(trx, {
				contactId,
				purposeId,
				givenOn: consent.givenOn,
				source: consent.source,
				withdrawnOn: consent.withdrawnOn,
				recordedBy: null,
				recordedAt: stamp
			});
		}
	}
	return contacts.length;
}
