import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { offerHistory, offerOnDesk } from '$lib/server/offers/offer-desk.service';
import { berlinNow } from '$lib/shared/time/berlin-clock';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

/** Stored instants as the wall-clock time people in the district read. */
const berlinTime = (iso: string) => berlinNow(new Date(iso));

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const id = idParam(params.id, 'offer.notFound');
	try {
		const offer = await offerOnDesk(locals.db, user, id);
		return {
			offer: { id, title: offer.content.offer.title },
			history: (await offerHistory(locals.db, user, id)).map((entry) => ({
				...entry,
				createdAt: berlinTime(entry.createdAt),
				reviewedAt: entry.reviewedAt && berlinTime(entry.reviewedAt)
			}))
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
