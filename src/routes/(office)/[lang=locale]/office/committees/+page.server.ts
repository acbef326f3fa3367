import { mayManageCommittees } from '$lib/server/committees/committee-access';
import { COMMITTEE_TYPES } from '$lib/server/committees/committees.schema';
import { listCommittees, type CommitteeFilters } from '$lib/server/committees/committees.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

/** The filters from the address; anything unknown is left out, never an error. */
function filtersOf(params: URLSearchParams): CommitteeFilters {
	const type = params.get('type');
	const visibility = params.get('visibility');
	return {
		type: COMMITTEE_TYPES.find((code) => code === type) ?? null,
		visibility: visibility === 'public' || visibility === 'internal' ? visibility : null
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	const filters = filtersOf(url.searchParams);
	try {
		return {
			committees: await listCommittees(locals.db, user, filters),
			filters,
			types: COMMITTEE_TYPES,
			mayManage: mayManageCommittees(user, user.districtId),
			mayExport: user.role !== 'partner_editor'
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
