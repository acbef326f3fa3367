import type { ExpressionBuilder } from 'kysely';
import type { DB, Db } from '../db/schema.js';

/** The instants a reporting period spans, `from` included and `until` not, and its days. */
export interface PeriodWindow {
	fromDay: string;
	toDay: string;
	/** ISO instant of the period's end (exclusive), for `created_at` columns. */
	until: string;
}

/**
 * Offers of the district published today that existed in the period and were valid in some of
 * its days. Archived offers and those published later are not counted: today's data cannot tell
 * their past, which is why a closed period's figures are frozen the first time they are needed.
 */
function inPeriod(eb: ExpressionBuilder<DB, 'offers'>, districtId: number, window: PeriodWindow) {
	return eb.and([
		eb('offers.districtId', '=', districtId),
		eb('offers.status', '=', 'published'),
		eb('offers.createdAt', '<', window.until),
		eb.or([eb('offers.validFrom', 'is', null), eb('offers.validFrom', '<=', window.toDay)]),
		eb.or([eb('offers.validTo', 'is', null), eb('offers.validTo', '>=', window.fromDay)])
	]);
}

export async function countPeriodOffers(db: Db, districtId: number, window: PeriodWindow) {
	const row = await db
		.selectFrom('offers')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where((eb) => inPeriod(eb, districtId, window))
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

export async function countPeriodOffersByActionField(
	db: Db,
	districtId: number,
	window: PeriodWindow
) {
	return db
		.selectFrom('offerActionFields')
		.innerJoin('offers', 'offers.id', 'offerActionFields.offerId')
		.select(['offerActionFields.actionField', (eb) => eb.fn.countAll<number>().as('count')])
		.where((eb) => inPeriod(eb, districtId, window))
		.groupBy('offerActionFields.actionField')
		.execute();
}

/** Counts per municipality of the offer, with its name; a null place stands for online offers. */
export async function countPeriodOffersByPlace(db: Db, districtId: number, window: PeriodWindow) {
	return db
		.selectFrom('offers')
		.leftJoin('places', 'places.id', 'offers.placeId')
		.select([
			'offers.placeId',
			'places.name',
			'places.amt',
			(eb) => eb.fn.countAll<number>().as('count')
		])
		.where((eb) => inPeriod(eb, districtId, window))
		.groupBy(['offers.placeId', 'places.name', 'places.amt'])
		.execute();
}

/** The district's municipalities, so that those without offers show as gaps. */
export async function listDistrictPlaces(db: Db, districtId: number) {
	return db
		.selectFrom('places')
		.select(['id', 'name', 'amt'])
		.where('districtId', '=', districtId)
		.execute();
}

export async function findDistrictName(db: Db, districtId: number) {
	const row = await db
		.selectFrom('districts')
		.select('name')
		.where('id', '=', districtId)
		.executeTakeFirst();
	return row?.name ?? '';
}
