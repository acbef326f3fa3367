import {
	listOrganisations,
	mayCreateOrganisation
} from '$lib/server/organisations/organisations.service';
import { requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	return {
		organisations: await listOrganisations(locals.db, user),
		ownOnly: user.role === 'partner_editor',
		canCreate: mayCreateOrganisation(user)
	};
};
