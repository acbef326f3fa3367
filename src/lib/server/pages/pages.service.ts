import type { Locale } from '../../i18n/locales.js';
import type { Db } from '../db/schema.js';
import { localizeMany, type LocalizedText } from '../translations/translations.service.js';
import { findContacts, findPage } from './pages.repository.js';

export interface ContentPage {
	slug: string;
	title: LocalizedText;
	summary: LocalizedText;
	body: LocalizedText;
	updatedAt: string;
	office: {
		name: string;
		street: string | null;
		postcode: string | null;
		placeName: string | null;
		email: string | null;
		phone: string | null;
		website: string | null;
	} | null;
	contacts: {
		name: string;
		role: LocalizedText;
		email: string | null;
		phone: string | null;
		room: string | null;
		languages: string[];
	}[];
}

export async function getPage(
	db: Db,
	slug: string,
	locale: Locale
): Promise<ContentPage | undefined> {
	const page = await findPage(db, slug);
	if (!page) return undefined;
	const texts = (
		await localizeMany(
			db,
			'page',
			[{ id: page.id, fields: { title: page.title, summary: page.summary, body: page.body } }],
			locale
		)
	).get(page.id)!;
	const contacts = page.organisationId ? await findContacts(db, page.organisationId) : [];
	const roles = await localizeMany(
		db,
		'contact',
		contacts.map((contact) => ({ id: contact.id, fields: { role: contact.role } })),
		locale
	);
	return {
		slug: page.slug,
		...texts,
		updatedAt: page.updatedAt,
		office: page.organisationName
			? {
					name: page.organisationName,
					street: page.street,
					postcode: page.postcode,
					placeName: page.placeName,
					email: page.email,
					phone: page.phone,
					website: page.website
				}
			: null,
		contacts: contacts.map((contact) => ({
			name: contact.name,
			role: roles.get(contact.id)!.role,
			email: contact.email,
			phone: contact.phone,
			room: contact.room,
			languages: contact.languages.split(',').filter(Boolean)
		}))
	};
}
