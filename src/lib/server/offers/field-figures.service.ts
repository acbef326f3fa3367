import type { Db } from '../db/schema.js';
import { findPublishedOffersInField } from './field-figures.repository.js';

/** What the concept's computed indicators need to know of an action field's published offers. */
export interface FieldOffer {
	id: number;
	placeId: number | null;
	lastVerifiedAt: string;
	/** How many languages the offer is available in. */
	languages: number;
}

export function publishedOffersInField(
	db: Db,
	districtId: number,
	actionField: string
): Promise<FieldOffer[]> {
	return findPublishedOffersInField(db, districtId, actionField);
}
