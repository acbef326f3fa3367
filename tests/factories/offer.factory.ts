import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import type { OfferInput } from '../../src/lib/server/offers/offers.schema.js';
import { findOrganisationDistrict } from '../../src/lib/server/organisations/organisations.service.js';
import {
	approveOffer,
	archiveOffer,
	createOfferDraft,
	submitOffer
} from '../../src/lib/server/offers/workflow.service.js';
import { factoryEditor } from './account.factory.js';

/**
 * A valid offer at a place (published unless a status is given); every field can be
 * overridden. It takes the product's way: a draft, submitted and approved by the district's
 * administrator (an archived offer is archived after that), each step audited; `now` dates them all.
 */
/** A valid offer's content, at an address of the place or online without one; fields overridden. */
export function offerInput(
	overrides: Partial<OfferInput> & { organisationId: number; placeId?: number | undefined }
): OfferInput {
	const { placeId, ...rest } = overrides;
	return {
		title: 'Offenes Angebot',
		summary: 'Ein Angebot für alle.',
		description: 'Beschreibung des Angebots.',
		actionFields: ['associations'],
		targetGroups: [],
		languages: ['de'],
		languageLevel: 'none',
		cost: { kind: 'free' },
		access: 'walk_in',
		accessibility: [],
		location: placeId
			? { kind: 'address', street: 'Hauptstraße 1', placeId }
			: { kind: 'online', url: 'https://example.org' },
		schedule: { kind: 'appointment' },
		...rest
	};
}

export async function createOffer(
	db: Kysely<DB>,
	overrides: Partial<OfferInput> & { organisationId: number; placeId?: number },
	now = new Date()
): Promise<number> {
	const { placeId, status = 'published', ...rest } = overrides;
	const districtId = await findOrganisationDistrict(db, rest.organisationId);
	if (districtId === undefined) throw new Error(`no organisation ${rest.organisationId}`);
	const editor = await factoryEditor(db, districtId);
	const offer = offerInput({ placeId, ...rest });
	const id = await createOfferDraft(db, editor, { offer, translations: {} }, now);
	if (status === 'draft') return id;
	await submitOffer(db, editor, id, { now });
	await approveOffer(db, editor, id, { now });
	if (status === 'archived') await archiveOffer(db, editor, id, now);
	return id;
}
