import { can, type Action } from '$lib/server/accounts/authorization';
import { organisationNames } from '$lib/server/organisations/organisations.service';
import { submittedListOf } from '$lib/server/offers/submitted-list';
import { canSeeDashboard } from '$lib/server/reports/dashboard.service';
import { mayEditPages } from '$lib/server/pages/page-editor.service';
import { requireUser } from '$lib/server/http/route-guards';
import { mayEditThesaurus } from '$lib/server/search/thesaurus/thesaurus-access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	// What the person may do at all in their district, for the links on their start page.
	const may = (action: Action) =>
		can(user, action, {
			districtId: user.districtId,
			organisationId: user.organisationIds[0] ?? 0,
			published: false
		});
	const staff = user.role === 'administrator' || user.role === 'coordinator';
	return {
		submittedList: submittedListOf(user),
		may: {
			// Who submits or reviews changes has a list of submitted ones: own, or to review.
			submit: may('submit'),
			import: may('import'),
			export: may('export'),
			invite: may('manage_users'),
			dashboard: canSeeDashboard(user),
			purposes: staff,
			pages: mayEditPages(user),
			searchConcepts: mayEditThesaurus(user),
			administer: user.role === 'administrator'
		},
		account: {
			name: user.name,
			email: user.email,
			role: user.role,
			twoFactorEnabled: user.twoFactorEnabled,
			organisations: await organisationNames(locals.db, user.organisationIds)
		}
	};
};
