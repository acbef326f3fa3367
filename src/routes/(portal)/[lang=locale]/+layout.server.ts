import { getApp } from '$lib/server/app';
import { RADII_KM } from '$lib/server/search/search.schema';
import { listDistricts } from '$lib/server/places/places.repository';
import type { LayoutServerLoad } from './$types';
import { errorPage } from '$lib/server/http/error-page';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { config } = await getApp();
	if (!config.enabledLocales.includes(locals.locale)) errorPage(404, 'error.notFound');
	const districts = await listDistricts(locals.db);
	return {
		locale: locals.locale,
		enabledLocales: config.enabledLocales,
		radii: RADII_KM,
		districts: districts.length > 1 ? districts.map((d) => ({ slug: d.slug, name: d.name })) : []
	};
};
