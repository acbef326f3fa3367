import { getApp } from '$lib/server/app';
import { freshnessOf } from '$lib/server/freshness/freshness';
import { offerJsonLd } from '$lib/server/offers/offer-jsonld';
import { getPublishedOffer } from '$lib/server/offers/offer-page.service';
import { qrCodeSvg } from '$lib/shared/files/qr-code';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { renderMarkdown } from '$lib/shared/text/markdown';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { config } = await getApp();
	try {
		const offer = await getPublishedOffer(locals.db, params.slug, locals.locale);
		// The public address (ORIGIN), not the one a proxy forwarded: it is shared and printed.
		const pageUrl = `${config.origin}${url.pathname}`;
		return {
			offer,
			mayBeOutdated: freshnessOf(offer.lastVerifiedAt, config) === 'may_be_outdated',
			descriptionHtml: renderMarkdown(offer.description.text),
			jsonLdTag: `<script type="application/ld+json">${offerJsonLd(offer, pageUrl)}</script>`,
			pageUrl,
			pageQrSvg: await qrCodeSvg(pageUrl)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
