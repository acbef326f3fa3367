import { getApp } from '$lib/server/app';
import { listStaleOffers } from '$lib/server/freshness/freshness.service';
import { berlinNow } from '$lib/shared/time/berlin-clock';
import { requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

const berlinDate = (instant: string) => berlinNow(new Date(instant)).slice(0, 10);

// Every role may look: staff see the district, partner editors their own organisations.
export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { config } = await getApp();
	const organisations = await listStaleOffers(locals.db, user, config);
	return {
		reminderMonths: config.freshnessReminderMonths,
		outdatedMonths: config.freshnessOutdatedMonths,
		organisations: organisations.map((organisation) => ({
			...organisation,
			offers: organisation.offers.map((offer) => ({
				...offer,
				lastVerifiedOn: berlinDate(offer.lastVerifiedAt),
				remindedOn: offer.remindedAt ? berlinDate(offer.remindedAt) : null
			}))
		}))
	};
};
