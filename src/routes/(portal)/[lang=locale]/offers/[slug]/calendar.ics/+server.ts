import { offerCalendar } from '$lib/server/offers/offer-calendar';
import { getPublishedOffer } from '$lib/server/offers/offer-page.service';
import { errorPage } from '$lib/server/http/error-page';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, url }) => {
	try {
		const offer = await getPublishedOffer(locals.db, params.slug, locals.locale);
		if (offer.schedule.series.length === 0) errorPage(404, 'offer.noDates');
		const pageUrl = `${url.origin}/${locals.locale}/offers/${offer.slug}`;
		return new Response(offerCalendar(offer, pageUrl, url.hostname), {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `attachment; filename="${offer.slug}.ics"`
			}
		});
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
