import { error } from '@sveltejs/kit';
import { ForbiddenError } from '$lib/server/accounts/authorization';
import { getApp } from '$lib/server/app';
import { berlinNow } from '$lib/server/offers/schedule';
import { dashboardFigures } from '$lib/server/reports/dashboard.service';
import { requireUser } from '$lib/server/route-guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { database, config } = await getApp();
	try {
		const now = new Date();
		return {
			figures: await dashboardFigures(database.db, user, config, now),
			asOf: berlinNow(now).slice(0, 10)
		};
	} catch (failure) {
		if (failure instanceof ForbiddenError) error(403, 'office.forbidden');
		throw failure;
	}
};
