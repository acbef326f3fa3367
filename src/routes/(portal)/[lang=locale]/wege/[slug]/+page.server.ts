import { getApp } from '$lib/server/app';
import { publicWay } from '$lib/server/chains/public-chains.service';
import { errorPage } from '$lib/server/http/error-page';
import { qrCodeSvg } from '$lib/shared/files/qr-code';
import { berlinToday } from '$lib/shared/time/berlin-clock';
import type { PageServerLoad } from './$types';

/** Longer than any place name or postcode; a longer text is cut, never refused. */
const MAX_NEAR = 100;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { config } = await getApp();
	const district = url.searchParams.get('district');
	const near = (url.searchParams.get('near') ?? '').slice(0, MAX_NEAR);
	const way = await publicWay(
		locals.db,
		{ districtSlug: district, chainSlug: params.slug, near },
		locals.locale
	);
	if (!way) errorPage(404, 'error.notFound');
	// The public address (ORIGIN) of this very way, place included: it is printed for handing out.
	const query = new URLSearchParams();
	if (district) query.set('district', district);
	if (way.place) query.set('near', way.near);
	const pageUrl = `${config.origin}${url.pathname}${query.size ? `?${query}` : ''}`;
	return {
		way,
		/** The district asked for, kept in the place form and its suggestions. */
		district,
		today: berlinToday(),
		origin: config.origin,
		pageUrl,
		pageQrSvg: await qrCodeSvg(pageUrl)
	};
};
