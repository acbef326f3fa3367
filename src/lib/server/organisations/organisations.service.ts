import type { Kysely, Transaction } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { authorize, can, type Actor, type RecordScope } from '../accounts/authorization.js';
import { recordAudit } from '../accounts/audit.service.js';
import { listDistricts, listPlaces } from '../places/places.service.js';
import { fold } from '../../shared/text/fold.js';
import { OrganisationNotFoundError, OrganisationValidationError } from './organisations.errors.js';
import {
	issuesOf,
	ORGANISATION_KINDS,
	organisationProfileSchema,
	type OrganisationFields,
	type OrganisationInput
} from './organisations.schema.js';
import {
	findOrganisation,
	findOrganisationList,
	findOrganisationNames,
	hasPublishedOffer,
	insertOrganisation,
	listOrganisationNames,
	placeExists,
	setOrganisationSlug,
	updateOrganisationRow,
	type OrganisationRow
} from './organisations.repository.js';

// Offers and networks ask which district an organisation belongs to and which ones it has.
export { findOrganisationDistrict, listOrganisationNames } from './organisations.repository.js';

/**
 * Organisation profiles (Träger) in the back office: partners keep their own correct, staff
 * every one of their district and create new ones. The portal shows them on offer pages.
 */
export type Editor = Actor & { id: number };

export interface OrganisationProfile extends OrganisationFields {
	id: number;
	slug: string;
	placeName: string | null;
	updatedAt: string;
	/** Also whether the actor sees and keeps its contact persons. */
	may: { edit: boolean };
}

export interface OrganisationListEntry extends OrganisationFields {
	id: number;
	placeName: string | null;
	offerCount: number;
}

/** The parsed profile, or OrganisationValidationError listing every problem. */
export async function validateOrganisation(
	db: Db,
	input: OrganisationInput
): Promise<OrganisationFields> {
	const parsed = organisationProfileSchema.safeParse(input);
	if (!parsed.success) throw new OrganisationValidationError(issuesOf(parsed.error));
	if (parsed.data.placeId !== null && !(await placeExists(db, parsed.data.placeId)))
		throw new OrganisationValidationError([
			{ path: 'placeId', message: 'unknown place', code: 'unknown_place' }
		]);
	return parsed.data;
}

function fieldsOf(row: OrganisationRow): OrganisationFields {
	return {
		name: row.name,
		kind: row.kind as OrganisationFields['kind'],
		email: row.email,
		phone: row.phone,
		website: row.website,
		street: row.street,
		postcode: row.postcode,
		placeId: row.placeId
	};
}

/** The organisation and the scope the policy decides on; its profile is public once it has a published offer. */
export async function scopedOrganisation(db: Db, organisationId: number) {
	const row = await findOrganisation(db, organisationId);
	if (!row) throw new OrganisationNotFoundError(organisationId);
	const scope: RecordScope = {
		districtId: row.districtId,
		organisationId: row.id,
		published: await hasPublishedOffer(db, row.id)
	};
	return { row, scope };
}

/** Partners see their own organisations, staff every one of their district. */
export async function listOrganisations(db: Db, actor: Actor): Promise<OrganisationListEntry[]> {
	const rows = await findOrganisationList(
		db,
		actor.districtId,
		actor.role === 'partner_editor' ? actor.organisationIds : undefined
	);
	return rows.map((row) => ({
		id: row.id,
		...fieldsOf(row),
		placeName: row.placeName,
		offerCount: Number(row.offerCount ?? 0)
	}));
}

export async function organisationProfile(
	db: Db,
	actor: Actor,
	organisationId: number
): Promise<OrganisationProfile> {
	const { row, scope } = await scopedOrganisation(db, organisationId);
	authorize(actor, 'read', scope);
	return {
		id: row.id,
		slug: row.slug,
		...fieldsOf(row),
		placeName: row.placeName,
		updatedAt: row.updatedAt,
		may: { edit: can(actor, 'edit', scope) }
	};
}

// A new organisation is no partner's own yet: partners are refused, staff pass by their role.
const newOrganisationScope = (actor: Actor): RecordScope => ({
	districtId: actor.districtId,
	organisationId: 0,
	published: false
});

/** May the actor create organisations? Staff only (administrators and coordinators). */
export function mayCreateOrganisation(actor: Actor): boolean {
	return can(actor, 'create', newOrganisationScope(actor));
}

/**
 * What follows a new name in the same transaction; offers pass their re-indexing, so the search
 * finds the new name (offers depend on organisations, not the other way round).
 */
export type OnOrganisationRenamed = (trx: Transaction<DB>, organisationId: number) => Promise<void>;

/** Replaces the profile; a new name is handed to `onRenamed` before the transaction commits. */
export async function updateOrganisation(
	db: Kysely<DB>,
	actor: Editor,
	organisationId: number,
	input: OrganisationInput,
	onRenamed: OnOrganisationRenamed,
	now = new Date()
): Promise<void> {
	const { scope } = await scopedOrganisation(db, organisationId);
	authorize(actor, 'edit', scope);
	const fields = await validateOrganisation(db, input);
	await db.transaction().execute(async (trx) => {
		const current = await findOrganisation(trx, organisationId);
		if (!current) throw new OrganisationNotFoundError(organisationId);
		const before = fieldsOf(current);
		await updateOrganisationRow(trx, organisationId, { ...fields, updatedAt: now.toISOString() });
		await recordAudit(
			trx,
			{
				districtId: current.districtId,
				userId: actor.id,
				action: 'organisation.edit',
				entity: 'organisation',
				entityId: organisationId,
				before,
				after: fields
			},
			now
		);
		if (before.name !== fields.name) await onRenamed(trx, organisationId);
	});
}

/** A new organisation of the actor's district; staff only. Returns its id. */
export async function createOrganisation(
	db: Kysely<DB>,
	actor: Editor,
	input: OrganisationInput,
	now = new Date()
): Promise<number> {
	authorize(actor, 'create', newOrganisationScope(actor));
	const fields = await validateOrganisation(db, input);
	return db.transaction().execute(async (trx) => {
		const timestamp = now.toISOString();
		const id = await insertOrganisation(trx, {
			...fields,
			districtId: actor.districtId,
			slug: `pending-${timestamp}-${Math.random()}`,
			createdAt: timestamp,
			updatedAt: timestamp
		});
		// The id makes the readable slug unique; renaming keeps it (demo accounts find theirs by it).
		await setOrganisationSlug(trx, id, organisationSlug(fields.name, id));
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'organisation.create',
				entity: 'organisation',
				entityId: id,
				after: fields
			},
			now
		);
		return id;
	});
}

export interface OrganisationFormOptions {
	kinds: typeof ORGANISATION_KINDS;
	/** Places by district, for the address's municipality. */
	districts: { name: string; places: { id: number; name: string }[] }[];
}

/** What the profile form offers to choose; labels come from the message catalogue. */
export async function organisationFormOptions(db: Db): Promise<OrganisationFormOptions> {
	const [districts, places] = await Promise.all([listDistricts(db), listPlaces(db)]);
	return {
		kinds: ORGANISATION_KINDS,
		districts: districts.map((district) => ({
			name: district.name,
			places: places
				.filter((place) => place.districtId === district.id)
				.map((place) => ({ id: place.id, name: place.name }))
		}))
	};
}

function organisationSlug(name: string, id: number): string {
	const base = fold(name)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return `${base || 'organisation'}-${id}`;
}

/** The names of the given organisations, sorted: a person's own on their start page. */
export function organisationNames(db: Kysely<DB>, ids: readonly number[]): Promise<string[]> {
	return findOrganisationNames(db, ids);
}

/** Every organisation of a district by id and name, for choosing one in a form. */
export function districtOrganisationNames(
	db: Kysely<DB>,
	districtId: number
): Promise<{ id: number; name: string }[]> {
	return listOrganisationNames(db, districtId);
}
