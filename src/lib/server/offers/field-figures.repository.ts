import type { Db } from '../db/schema.js';

/** Published offers of a district filed under an action field, as figures need them. */
export async function findPublishedOffersInField(
	db: Db,
	districtId: number,
	actionField: string
): Promise<{ id: number; placeId: number | null; lastVerifiedAt: string; languages: number }[]> {
	const rows = await db
		.selectFrom('offers')
		.innerJoin('offerActionFields', 'offerActionFields.offerId', 'offers.id')
		.leftJoin('offerLanguages', 'offerLanguages.offerId', 'offers.id')
		.select((eb) => [
			'offers.id',
			'offers.placeId',
			'offers.lastVerifiedAt',
			eb.fn.count('offerLanguages.language').as('languages')
		])
		.where('offers.districtId', '=', districtId)
		.where('offers.status', '=', 'published')
		.where('offerActionFields.actionField', '=', actionField)
		.groupBy(['offers.id', 'offers.placeId', 'offers.lastVerifiedAt'])
		.orderBy('offers.id')
		.execute();
	return rows.map((row) => ({ ...row, languages: Number(row.languages) }));
}
