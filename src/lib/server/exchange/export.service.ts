import { can, type Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import { listPostcodes } from '../places/places.service.js';
import type { SearchFilters, SearchNotice } from '../search/search.schema.js';
import { matchingOfferIds } from '../search/search.service.js';
import { findRelations, findSchedules } from '../offers/offers.service.js';
import type { OfferRelations } from '../offers/offers.schema.js';
import { writeTableFile, type TableFile } from '../../shared/files/table-file.js';
import { findExportRows, findOfferScopes } from './exchange.repository.js';
import { offerTable, rowToExportOffer, type ExportOffer } from './export-offer.js';
import { hsdsServiceList } from './hsds.js';
import { COLUMNS } from './columns.js';
import { OFFERS_SHEET, widthOf } from './template.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'hsds'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// Keeps `in (…)` lists far below PostgreSQL's 65,535 parameters.
const CHUNK = 1_000;

async function inChunks<T>(ids: number[], load: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
	const result: T[] = [];
	for (let start = 0; start < ids.length; start += CHUNK)
		result.push(...(await load(ids.slice(start, start + CHUNK))));
	return result;
}

/**
 * The offers an export holds: those the public search finds with the filters (published and
 * still valid), limited to what the person may export: staff and viewers their district's,
 * partner editors their own organisations'. Drafts are never exported; see docs/import-template.md.
 */
export async function exportableOfferIds(
	db: Db,
	actor: Actor,
	filters: SearchFilters,
	options: { now?: Date; notices?: SearchNotice[] } = {}
): Promise<{ ids: number[]; notices: SearchNotice[] }> {
	const { ids, notices } = await matchingOfferIds(db, filters, options);
	const scopes = new Map(
		(await inChunks(ids, (chunk) => findOfferScopes(db, chunk))).map((scope) => [scope.id, scope])
	);
	const allowed = ids.filter((id) => {
		const scope = scopes.get(id);
		return (
			scope !== undefined &&
			can(actor, 'export', {
				districtId: scope.districtId,
				organisationId: scope.organisationId,
				published: scope.status === 'published'
			})
		);
	});
	return { ids: allowed, notices };
}

/** The offers with everything an export writes, in the given order. */
export async function loadExportOffers(db: Db, ids: number[]): Promise<ExportOffer[]> {
	const rows = await inChunks(ids, (chunk) => findExportRows(db, chunk));
	const relations = new Map<number, OfferRelations>();
	for (let start = 0; start < ids.length; start += CHUNK)
		for (const [id, value] of await findRelations(db, ids.slice(start, start + CHUNK)))
			relations.set(id, value);
	const schedules = await inChunks(ids, (chunk) => findSchedules(db, chunk));
	const placeIds = [...new Set(rows.flatMap((row) => (row.placeId === null ? [] : [row.placeId])))];
	const postcodes = new Map<number, string>();
	for (const { placeId, postcode } of await inChunks(placeIds, (chunk) => listPostcodes(db, chunk)))
		if (!postcodes.has(placeId)) postcodes.set(placeId, postcode);
	const byId = new Map(rows.map((row) => [row.id, row]));
	return ids.flatMap((id) => {
		const row = byId.get(id);
		if (!row) return [];
		const entries = schedules
			.filter((schedule) => schedule.offerId === id)
			.map(({ startsAt, endsAt, rrule }) => ({ startsAt, endsAt, rrule }));
		const postcode = row.placeId === null ? null : (postcodes.get(row.placeId) ?? null);
		return [rowToExportOffer(row, relations.get(id)!, entries, postcode)];
	});
}

export interface ExportFile extends TableFile {
	count: number;
}

/** The export as a file: CSV and XLSX in the import template's format, or HSDS 3.0 JSON. */
export async function exportOffers(
	db: Db,
	actor: Actor,
	filters: SearchFilters,
	format: ExportFormat,
	options: { origin: string; now?: Date }
): Promise<ExportFile> {
	const now = options.now ?? new Date();
	const { ids } = await exportableOfferIds(db, actor, filters, { now });
	const offers = await loadExportOffers(db, ids);
	const stem = `kitz-angebote-${berlinToday(now)}`;
	if (format === 'hsds')
		return {
			body: JSON.stringify(hsdsServiceList(offers, { origin: options.origin }), null, 1),
			contentType: 'application/json; charset=utf-8',
			filename: `${stem}-hsds.json`,
			count: offers.length
		};
	const file = await writeTableFile(format, {
		fileName: stem,
		sheet: OFFERS_SHEET,
		rows: offerTable(offers),
		widths: COLUMNS.map(widthOf)
	});
	return { ...file, count: offers.length };
}
