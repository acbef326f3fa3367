import { translator } from '$lib/i18n/messages';
import { listChains } from '$lib/server/chains/chains.service';
import {
	coverageCategory,
	gapMatrix,
	groupByAmt,
	parseGapSort,
	type GapMatrix,
	type GapSort
} from '$lib/server/chains/coverage.service';
import { exportGapMatrix } from '$lib/server/chains/gap-export';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { DELIVERY_LANGUAGES } from '$lib/server/organisations/organisations.schema';
import { distanceLevel } from '$lib/shared/charts/distance-level';

/** The gap matrix's filters from the address; anything unknown is left out, never an error. */
export interface GapFilters {
	chainId?: number;
	language: string | null;
	sort: GapSort;
}

export function parseGapFilters(params: URLSearchParams, chainId?: number): GapFilters {
	const chain = params.get('chain') ?? '';
	const language = params.get('language');
	return {
		chainId: chainId ?? (/^[1-9]\d{0,8}$/.test(chain) ? Number(chain) : undefined),
		language: DELIVERY_LANGUAGES.find((code) => code === language) ?? null,
		sort: parseGapSort(params.get('sort'))
	};
}

/** The address of the matrix's query with the filters, for sort links and exports. */
export function gapQuery(filters: GapFilters, sort: GapSort = filters.sort): string {
	const params = new URLSearchParams();
	if (filters.chainId !== undefined) params.set('chain', String(filters.chainId));
	if (filters.language) params.set('language', filters.language);
	if (sort !== 'amt') params.set('sort', sort);
	const text = params.toString();
	return text ? `?${text}` : '';
}

/**
 * The matrix as the page draws it: each cell with its coverage category and heat level, rows in
 * groups by Amt when sorted so (one group without a heading otherwise), and the sort links.
 */
function matrixView(matrix: GapMatrix, filters: GapFilters) {
	const stages = matrix.chains.flatMap((chain) => chain.stages);
	const rows = matrix.rows.map(({ municipality, cells }) => ({
		municipality,
		cells: cells.map((cell, index) => {
			const { reachKm } = stages[index]!;
			const km = cell.nearest?.distanceKm ?? null;
			return {
				stageId: stages[index]!.id,
				km,
				offer: cell.nearestOffer,
				languages: cell.languages,
				category: coverageCategory(cell, reachKm),
				level: distanceLevel(km, reachKm)
			};
		})
	}));
	return {
		groups: matrix.sort === 'amt' ? groupByAmt(rows) : [{ amt: undefined, rows }],
		sortLinks: {
			amt: gapQuery(filters, 'amt') || '?',
			name: gapQuery(filters, 'name'),
			population: gapQuery(filters, 'population'),
			stages: Object.fromEntries(
				stages.map((stage) => [stage.id, gapQuery(filters, `stage-${stage.id}`)])
			)
		}
	};
}

/** The page's data: the whole district's matrix, or one chain's (`chainId` from the path). */
export async function loadGaps(locals: App.Locals, url: URL, chainId?: number) {
	const user = requireUser(locals, { secondFactor: true });
	const filters = parseGapFilters(url.searchParams, chainId);
	try {
		const matrix = await gapMatrix(locals.db, user, filters, locals.locale);
		// The rows go to the page once, as the view's groups.
		const { rows, ...summary } = matrix;
		return {
			matrix: { ...summary, municipalities: rows.length },
			...matrixView(matrix, filters),
			filters,
			exportQuery: gapQuery(filters),
			chainOptions:
				chainId === undefined
					? (await listChains(locals.db, user)).map(({ id, title }) => ({ id, title }))
					: null,
			languages: DELIVERY_LANGUAGES
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
}

export async function gapDownload(locals: App.Locals, url: URL, format: 'csv' | 'xlsx') {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const file = await exportGapMatrix(
			locals.db,
			user,
			parseGapFilters(url.searchParams),
			format,
			translator(locals.locale)
		);
		return new Response(file.body, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': `attachment; filename="${file.filename}"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
}
