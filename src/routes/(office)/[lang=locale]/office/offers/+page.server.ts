import { can } from '$lib/server/accounts/authorization';
import { listDeskOffers } from '$lib/server/offers/offer-desk.service';
import { submittedListOf } from '$lib/server/offers/submitted-list';
import { REVISION_STATES, type RevisionState } from '$lib/server/offers/revisions.table';
import { requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	const wanted = url.searchParams.get('state') ?? '';
	const openState = (REVISION_STATES as readonly string[]).includes(wanted)
		? (wanted as RevisionState)
		: undefined;
	return {
		offers: await listDeskOffers(locals.db, user, openState ? { openState } : {}),
		openState: openState ?? null,
		canCreate: user.role !== 'viewer',
		submittedList: submittedListOf(user),
		canReview: can(user, 'approve', {
			districtId: user.districtId,
			organisationId: 0,
			published: false
		})
	};
};
