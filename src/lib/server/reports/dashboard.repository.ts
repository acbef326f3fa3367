import type { ExpressionBuilder } from 'kysely';
import type { DB, Db } from '../db/schema.js';

/** Offers the portal shows today. */
function shown(eb: ExpressionBuilder<DB, 'offers'>, today: string) {
	return eb.and([
		eb('offers.status', '=', 'published'),
		eb.or([eb('offers.validTo', 'is', null), eb('offers.validTo', '>=', today)])
	]);
}

/** Offers of the district the portal shows today; every figure counts these. */
function shownInDistrict(eb: ExpressionBuilder<DB, 'offers'>, districtId: number, today: string) {
	return eb.and([eb('offers.districtId', '=', districtId), shown(eb, today)]);
}

/** Every district by name with the number of its offers the portal shows today. */
export async function countShownByDistrict(db: Db, today: string) {
	return db
		.selectFrom('districts')
		.leftJoin('offers', (join) =>
			join.onRef('offers.districtId', '=', 'districts.id').on((eb) => shown(eb, today))
		)
		.select([
			'districts.id',
			'districts.name',
			(eb) => eb.fn.count<number>('offers.id').as('count')
		])
		.groupBy(['districts.id', 'districts.name'])
		.orderBy('districts.name')
		.execute();
}

export async function countByActionField(db: Db, districtId: number, today: string) {
	return db
		.selectFrom('offerActionFields')
		.innerJoin('offers', 'offers.id', 'offerActionFields.offerId')
		.select(['offerActionFields.actionField', (eb) => eb.fn.countAll<number>().as('count')])
		.where((eb) => shownInDistrict(eb, districtId, today))
		.groupBy('offerActionFields.actionField')
		.execute();
}

/** Counts per place of the offer; a null place stands for online offers. */
export async function countByPlace(db: Db, districtId: number, today: string) {
	return db
		.selectFrom('offers')
		.select(['offers.placeId', (eb) => eb.fn.countAll<number>().as('count')])
		.where((eb) => shownInDistrict(eb, districtId, today))
		.groupBy('offers.placeId')
		.execute();
}

/** The district's places, and any others given (an offer may sit just across the border). */
export async function listPlaces(db: Db, districtId: number, alsoIds: number[]) {
	return db
		.selectFrom('places')
		.select(['id', 'name', 'amt'])
		.where((eb) =>
			alsoIds.length
				? eb.or([eb('districtId', '=', districtId), eb('id', 'in', alsoIds)])
				: eb('districtId', '=', districtId)
		)
		.execute();
}

/** The German texts and verification date of every offer the figures count. */
export async function listShownOffers(db: Db, districtId: number, today: string) {
	return db
		.selectFrom('offers')
		.select(['id', 'title', 'summary', 'description', 'lastVerifiedAt'])
		.where((eb) => shownInDistrict(eb, districtId, today))
		.execute();
}

/** Translations of those offers' text fields, without their values (only the source hash counts). */
export async function listOfferTranslations(db: Db, districtId: number, today: string) {
	return db
		.selectFrom('translations')
		.innerJoin('offers', 'offers.id', 'translations.entityId')
		.select([
			'translations.entityId as offerId',
			'translations.locale',
			'translations.field',
			'translations.status',
			'translations.sourceHash'
		])
		.where('translations.entity', '=', 'offer')
		.where((eb) => shownInDistrict(eb, districtId, today))
		.execute();
}
