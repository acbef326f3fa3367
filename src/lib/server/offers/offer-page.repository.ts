import type { Db } from '../db/schema.js';

export async function findPublishedOfferBySlug(db: Db, slug: string, today: string) {
	return db
		.selectFrom('offers')
		.innerJoin('organisations', 'organisations.id', 'offers.organisationId')
		.innerJoin('districts', 'districts.id', 'offers.districtId')
		.leftJoin('places', 'places.id', 'offers.placeId')
		.leftJoin('places as organisationPlaces', 'organisationPlaces.id', 'organisations.placeId')
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
			'offers.updatedAt',
			'offers.lastVerifiedAt',
			'districts.name as districtName',
			'places.name as placeName',
			'places.lat as placeLat',
			'places.lon as placeLon',
			'places.id as placeId',
			'organisations.name as organisationName',
			'organisations.kind as organisationKind',
			'organisations.email as organisationEmail',
			'organisations.phone as organisationPhone',
			'organisations.website as organisationWebsite',
			'organisations.street as organisationStreet',
			'organisations.postcode as organisationPostcode',
			'organisationPlaces.name as organisationPlaceName'
		])
		.where('offers.slug', '=', slug)
		.where('offers.status', '=', 'published')
		.where((eb) => eb.or([eb('offers.validTo', 'is', null), eb('offers.validTo', '>=', today)]))
		.executeTakeFirst();
}

export async function findUpcomingOccurrences(
	db: Db,
	offerId: number,
	from: string,
	limit: number
) {
	return db
		.selectFrom('offerOccurrences')
		.select(['startsAt', 'endsAt'])
		.where('offerId', '=', offerId)
		.where('startsAt', '>=', from)
		.orderBy('startsAt')
		.limit(limit)
		.execute();
}

/** Slugs and German titles of those of the offers that the portal shows today. */
export async function findPublishedOfferTitles(db: Db, offerIds: readonly number[], today: string) {
	if (!offerIds.length) return [];
	return db
		.selectFrom('offers')
		.select(['offers.id', 'offers.slug', 'offers.title'])
		.where('offers.id', 'in', offerIds)
		.where('offers.status', '=', 'published')
		.where((eb) => eb.or([eb('offers.validTo', 'is', null), eb('offers.validTo', '>=', today)]))
		.orderBy('offers.title')
		.orderBy('offers.id')
		.execute();
}
