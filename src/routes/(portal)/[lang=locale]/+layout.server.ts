import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { RADII_KM } from '$lib/server/search/search.schema';
import { districtChoices } from '$lib/server/places/places.service';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { config } = await getApp();
	if (!config.enabledLocales.includes(locals.locale)) error(404, 'error.notFound');
	return {
		locale: locals.locale,
		enabledLocales: config.enabledLocales,
		radii: RADII_KM,
		districts: await districtChoices(locals.db)
	};
};
