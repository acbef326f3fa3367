import { parseContactFilters } from '$lib/server/directory/contact-filters';
import {
	contactFormOptions,
	listContacts,
	mayManageContacts
} from '$lib/server/directory/contacts.service';
import { listPurposes } from '$lib/server/directory/purposes.service';
import { requireUser } from '$lib/server/http/route-guards';
import { actionFieldChoices, languageChoices } from './contact-form.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { db } = locals;
	const filters = parseContactFilters(url.searchParams);
	const readsPurposes = user.role !== 'partner_editor';
	return {
		contacts: await listContacts(db, user, filters),
		filters,
		query: url.search,
		organisations: (await contactFormOptions(db, user)).organisations,
		purposes: readsPurposes
			? (await listPurposes(db, user)).map(({ key, name }) => ({ key, name }))
			: [],
		languages: languageChoices(),
		actionFields: actionFieldChoices,
		canManage: mayManageContacts(user),
		readsPurposes,
		noSelection: url.searchParams.has('noSelection')
	};
};
