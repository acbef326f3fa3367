import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { config } = await getApp();
	if (!config.enabledLocales.includes(locals.locale)) error(404, 'error.notFound');
	return {
		locale: locals.locale,
		user: locals.user ? { name: locals.user.name, role: locals.user.role } : null
	};
};
