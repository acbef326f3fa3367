import { getApp } from '$lib/server/app';
import type { LayoutServerLoad } from './$types';
import { errorPage } from '$lib/server/http/error-page';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { config } = await getApp();
	if (!config.enabledLocales.includes(locals.locale)) errorPage(404, 'error.notFound');
	return {
		locale: locals.locale,
		user: locals.user ? { name: locals.user.name, role: locals.user.role } : null
	};
};
