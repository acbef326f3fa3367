import { error } from '@sveltejs/kit';
import { formatKm } from '$lib/format';
import { translator } from '$lib/i18n/messages';
import { getChain } from '$lib/server/chains/chains.service';
import {
	COVERAGE_CATEGORIES,
	coverageCategory,
	gapMatrix
} from '$lib/server/chains/coverage.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { DELIVERY_LANGUAGES } from '$lib/server/organisations/organisations.schema';
import { districtMap } from '$lib/shared/charts/district-map';
import type { PageServerLoad } from './$types';

/** One stage's coverage on the schematic district map, with the same data as a table. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	const chainId = idParam(params.id, 'office.chains.notFound');
	const t = translator(locals.locale);
	const requested = url.searchParams.get('language');
	const language = DELIVERY_LANGUAGES.find((code) => code === requested) ?? null;
	try {
		const chain = await getChain(locals.db, user, chainId);
		const stageParam = url.searchParams.get('stage');
		const stage =
			stageParam === null || stageParam === ''
				? chain.stages[0]
				: chain.stages.find((candidate) => String(candidate.id) === stageParam);
		if (stageParam && !stage) error(404, 'office.chains.stage.notFound');
		const base = {
			chain: { id: chain.id, title: chain.title },
			stages: chain.stages.map(({ id, step, title }) => ({ id, step, title })),
			languages: DELIVERY_LANGUAGES,
			language,
			stageId: stage?.id ?? null
		};
		if (!stage) return { ...base, map: null };
		const matrix = await gapMatrix(locals.db, user, { chainId, language }, locals.locale);
		const column = matrix.chains[0]!.stages.findIndex((candidate) => candidate.id === stage.id);
		const gaps = matrix.chains[0]!.stages[column]!.gaps;
		const km = formatKm(locals.locale, stage.reachKm);
		const map = districtMap({
			id: `chain-map-${stage.id}`,
			title: t('office.chains.map.figure', { stage: stage.title, km }),
			description: t.plural('office.chains.map.description', gaps.municipalities, {
				stage: stage.title,
				km
			}),
			categories: COVERAGE_CATEGORIES.map((key) => ({
				key,
				label: t(`office.chains.gaps.category.${key}`)
			})),
			columns: {
				label: t('office.chains.gaps.municipality'),
				category: t('office.chains.gaps.column.coverage'),
				detail: t('office.chains.gaps.column.nearest')
			},
			points: matrix.rows.map(({ municipality, cells }) => {
				const cell = cells[column]!;
				return {
					id: String(municipality.placeId),
					label: municipality.name,
					lat: municipality.lat,
					lon: municipality.lon,
					category: coverageCategory(cell, stage.reachKm),
					detail: cell.nearest
						? t('office.chains.map.nearest', {
								offer: cell.nearestOffer?.title.text ?? '',
								km: formatKm(locals.locale, cell.nearest.distanceKm)
							})
						: undefined
				};
			})
		});
		return { ...base, map, gaps, stageTitle: stage.title };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
