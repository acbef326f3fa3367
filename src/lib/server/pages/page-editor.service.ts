import type { Kysely } from 'kysely';
import { z } from 'zod';
import { LOCALES, SOURCE_LOCALE } from '../../i18n/locales.js';
import { authorize, can, type Actor } from '../accounts/authorization.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import {
	applyEditedTranslation,
	editedTranslations,
	type EditedTranslation
} from '../translations/translations.service.js';
import { ContactPersonNotFoundError } from '../organisations/organisations.errors.js';
import { issuesOf } from '../organisations/organisations.schema.js';
import type { Editor } from '../organisations/organisations.service.js';
import { PageNotFoundError, PageValidationError } from './pages.errors.js';
import {
	findContacts,
	findPageRow,
	setContactPosition,
	updatePageRow
} from './pages.repository.js';

/**
 * The back-office side of a content page such as the KITZ page: coordinators and administrators
 * edit its German texts with a translation per field and language (status as for offers), and
 * the translations and order of its contact persons. The persons themselves (name, role, e-mail,
 * phone) are the organisation's contact persons, kept where every organisation keeps them.
 */
export const PAGE_FIELDS = ['title', 'summary', 'body'] as const;
export type PageField = (typeof PAGE_FIELDS)[number];
export const TARGET_LOCALES = LOCALES.filter((locale) => locale !== SOURCE_LOCALE);
type TargetLocale = (typeof TARGET_LOCALES)[number];

const LIMITS: Record<PageField, number> = { title: 200, summary: 500, body: 20_000 };
const ROLE_LIMIT = 200;

const german = (field: PageField) => z.string().trim().min(1).max(LIMITS[field]);
const translated = (field: PageField) => z.string().trim().max(LIMITS[field]).default('');

export const pageTextsSchema = z.object({
	title: german('title'),
	summary: german('summary'),
	body: german('body'),
	translations: z
		.partialRecord(
			z.enum(TARGET_LOCALES),
			z.object({
				title: translated('title'),
				summary: translated('summary'),
				body: translated('body')
			})
		)
		.default({}),
	/** `<locale>.<field>` of outdated translations a person confirmed as still right. */
	confirmed: z.array(z.string()).max(100).default([])
});
export type PageTextsInput = z.input<typeof pageTextsSchema>;

export const roleTranslationsSchema = z.partialRecord(
	z.enum(TARGET_LOCALES),
	z.string().trim().max(ROLE_LIMIT)
);

export interface PageForEditing {
	slug: string;
	organisationId: number | null;
	texts: Record<PageField, string>;
	translations: Record<TargetLocale, Record<PageField, EditedTranslation>>;
	contacts: {
		id: number;
		name: string;
		role: string;
		roles: Record<TargetLocale, EditedTranslation>;
	}[];
}

async function editablePage(db: Db, actor: Actor, slug: string) {
	const page = await findPageRow(db, slug);
	if (!page) throw new PageNotFoundError(slug);
	authorize(actor, 'edit_pages', {
		districtId: page.districtId,
		organisationId: page.organisationId ?? 0,
		published: true
	});
	return page;
}

/** Whether the back office offers the actor the page editor at all. */
export function mayEditPages(actor: Actor): boolean {
	return can(actor, 'edit_pages', {
		districtId: actor.districtId,
		organisationId: 0,
		published: true
	});
}

export async function pageForEditing(db: Db, actor: Actor, slug: string): Promise<PageForEditing> {
	const page = await editablePage(db, actor, slug);
	const pageTexts = { title: page.title, summary: page.summary, body: page.body };
	const pageTranslation = await editedTranslations(db, 'page', [page.id]);
	const contacts = page.organisationId ? await findContacts(db, page.organisationId) : [];
	const roleTranslation = await editedTranslations(
		db,
		'contact',
		contacts.map((contact) => contact.id)
	);
	const perLocale = <T>(make: (locale: TargetLocale) => T) =>
		Object.fromEntries(TARGET_LOCALES.map((locale) => [locale, make(locale)])) as Record<
			TargetLocale,
			T
		>;
	return {
		slug: page.slug,
		organisationId: page.organisationId,
		texts: pageTexts,
		translations: perLocale(
			(locale) =>
				Object.fromEntries(
					PAGE_FIELDS.map((field) => [
						field,
						pageTranslation(page.id, locale, field, pageTexts[field])
					])
				) as Record<PageField, EditedTranslation>
		),
		contacts: contacts.map((contact) => ({
			id: contact.id,
			name: contact.name,
			role: contact.role,
			roles: perLocale((locale) => roleTranslation(contact.id, locale, 'role', contact.role))
		}))
	};
}

export async function savePageTexts(
	db: Kysely<DB>,
	actor: Editor,
	slug: string,
	input: PageTextsInput,
	now = new Date()
): Promise<void> {
	const page = await editablePage(db, actor, slug);
	const parsed = pageTextsSchema.safeParse(input);
	if (!parsed.success) throw new PageValidationError(issuesOf(parsed.error));
	const { translations, confirmed, ...german } = parsed.data;
	const current = await pageForEditing(db, actor, slug);
	await db.transaction().execute(async (trx) => {
		await updatePageRow(trx, page.id, { ...german, updatedAt: now.toISOString() });
		const changed: string[] = [];
		for (const locale of TARGET_LOCALES)
			for (const field of PAGE_FIELDS) {
				const germanChanged = german[field] !== current.texts[field];
				const written = await applyEditedTranslation(
					trx,
					{ entity: 'page', entityId: page.id, locale, field },
					translations[locale]?.[field] ?? '',
					current.translations[locale][field],
					// An unchanged German text keeps the hash the translation was confirmed against.
					{
						text: german[field],
						confirmed: confirmed.includes(`${locale}.${field}`) && !germanChanged
					},
					now
				);
				if (written) changed.push(`${locale}.${field}`);
			}
		await recordAudit(
			trx,
			{
				districtId: page.districtId,
				userId: actor.id,
				action: 'page.edit',
				entity: 'page',
				entityId: page.id,
				before: current.texts,
				after: { ...german, translations: changed }
			},
			now
		);
	});
}

/** The contact of the page's organisation, or ContactPersonNotFoundError. */
async function pageContact(db: Db, actor: Actor, slug: string, contactId: number) {
	const page = await editablePage(db, actor, slug);
	const contacts = page.organisationId ? await findContacts(db, page.organisationId) : [];
	const index = contacts.findIndex((contact) => contact.id === contactId);
	if (index === -1) throw new ContactPersonNotFoundError(contactId);
	return { page, contacts, index };
}

export async function saveContactRoles(
	db: Kysely<DB>,
	actor: Editor,
	slug: string,
	contactId: number,
	input: Partial<Record<string, string>>,
	now = new Date()
): Promise<void> {
	const { page, contacts, index } = await pageContact(db, actor, slug, contactId);
	const parsed = roleTranslationsSchema.safeParse(input);
	if (!parsed.success) throw new PageValidationError(issuesOf(parsed.error));
	const contact = contacts[index]!;
	const current = (await pageForEditing(db, actor, slug)).contacts.find((c) => c.id === contactId)!;
	await db.transaction().execute(async (trx) => {
		const changed: Record<string, string> = {};
		for (const locale of TARGET_LOCALES) {
			const value = parsed.data[locale] ?? '';
			const written = await applyEditedTranslation(
				trx,
				{ entity: 'contact', entityId: contactId, locale, field: 'role' },
				value,
				current.roles[locale],
				{ text: contact.role, confirmed: false },
				now
			);
			if (written) changed[locale] = value;
		}
		await recordAudit(
			trx,
			{
				districtId: page.districtId,
				userId: actor.id,
				action: 'contact_person.translate',
				entity: 'contact_person',
				entityId: contactId,
				after: { roles: changed }
			},
			now
		);
	});
}

/** Moves a contact person one place up or down on the page. */
export async function moveContact(
	db: Kysely<DB>,
	actor: Editor,
	slug: string,
	contactId: number,
	direction: 'up' | 'down',
	now = new Date()
): Promise<void> {
	const { page, contacts, index } = await pageContact(db, actor, slug, contactId);
	const target = direction === 'up' ? index - 1 : index + 1;
	if (target < 0 || target >= contacts.length) return;
	const order = contacts.map((contact) => contact.id);
	[order[index], order[target]] = [order[target]!, order[index]!];
	await db.transaction().execute(async (trx) => {
		for (const [position, id] of order.entries()) await setContactPosition(trx, id, position);
		await recordAudit(
			trx,
			{
				districtId: page.districtId,
				userId: actor.id,
				action: 'contact_person.move',
				entity: 'contact_person',
				entityId: contactId,
				after: { order }
			},
			now
		);
	});
}
