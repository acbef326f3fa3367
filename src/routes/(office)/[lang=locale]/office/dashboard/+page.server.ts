import { getApp } from '$lib/server/app';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { reviewQueue } from '$lib/server/offers/offer-desk.service';
import { berlinNow } from '$lib/shared/time/berlin-clock';
import { dashboardFigures } from '$lib/server/reports/dashboard.service';
import { requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { config } = await getApp();
	try {
		const now = new Date();
		return {
			figures: await dashboardFigures(locals.db, user, config, now),
			reviewQueue: await reviewQueue(locals.db, user),
			asOf: berlinNow(now).slice(0, 10)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
