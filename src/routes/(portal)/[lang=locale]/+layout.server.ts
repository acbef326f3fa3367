import { getApp } from '$lib/server/app';
import { RADII_KM } from '$lib/server/search/search.schema';
import { districtChoices } from '$lib/server/places/places.service';
import type { LayoutServerLoad } from './$types';
import { errorPage } from '$lib/server/http/error-page';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { config } = await getApp();
	if (!config.enabledLocales.includes(locals.locale)) errorPage(404, 'error.notFound');
	return {
		locale: locals.locale,
		enabledLocales: config.enabledLocales,
		radii: RADII_KM,
		districts: await districtChoices(locals.db)
	};
};
