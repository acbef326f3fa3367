import type { Db } from '../db/schema.js';

/** Who owns each offer, for the export's rights check before anything else is loaded. */
export async function findOfferScopes(db: Db, ids: readonly number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('offers')
		.select(['id', 'districtId', 'organisationId', 'status'])
		.where('id', 'in', ids)
		.execute();
}

/** The offers with organisation and place, as an export writes them. */
export async function findExportRows(db: Db, ids: readonly number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('offers')
		.innerJoin('organisations', 'organisations.id', 'offers.organisationId')
		.leftJoin('places', 'places.id', 'offers.placeId')
		.select([
			'offers.id',
			'offers.slug',
			'offers.title',
			'offers.summary',
			'offers.description',
			'offers.costKind',
			'offers.costCents',
			'offers.costNote',
			'offers.access',
			'offers.languageLevel',
			'offers.languageLevelExit',
			'offers.locationKind',
			'offers.street',
			'offers.onlineUrl',
			'offers.scheduleKind',
			'offers.validFrom',
			'offers.validTo',
			'offers.contactName',
			'offers.contactPhone',
			'offers.contactEmail',
			'offers.lastVerifiedAt',
			'organisations.id as organisationId',
			'organisations.name as organisationName',
			'organisations.email as organisationEmail',
			'organisations.phone as organisationPhone',
			'organisations.website as organisationWebsite',
			'places.id as placeId',
			'places.name as placeName',
			'places.ags as placeAgs',
			'places.lat as placeLat',
			'places.lon as placeLon'
		])
		.where('offers.id', 'in', ids)
		.execute();
}

export type ExportRow = Awaited<ReturnType<typeof findExportRows>>[number];
