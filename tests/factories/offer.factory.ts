import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema.js';
import { createOffer as createOfferInService } from '../../src/lib/server/offers/offers.service.js';
import type { OfferInput } from '../../src/lib/server/offers/offers.schema.js';

/** A valid published offer at a place; every field can be overridden. */
export async function createOffer(
	db: Kysely<DB>,
	overrides: Partial<OfferInput> & { organisationId: number; placeId?: number },
	now?: Date
): Promise<number> {
	const { placeId, ...rest } = overrides;
	return createOfferInService(
		db,
		{
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
			status: 'published',
			...rest
		},
		now
	);
}
