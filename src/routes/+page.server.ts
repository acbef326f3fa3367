import { redirect } from '@sveltejs/kit';
import { negotiateLocale } from '$lib/i18n/negotiate';
import { getApp } from '$lib/server/app';
import type { PageServerLoad } from './$types';

/** The bare address picks the visitor's language from the browser, without a cookie. */
export const load: PageServerLoad = async ({ request }) => {
	const { config } = await getApp();
	const locale = negotiateLocale(
		request.headers.get('accept-language'),
		config.enabledLocales,
		config.defaultLocale
	);
	redirect(303, `/${locale}`);
};
