import { fail } from '@sveltejs/kit';
import { inviteAccount } from '$lib/server/accounts/account-links.service';
import { AccountValidationError, EmailTakenError } from '$lib/server/accounts/accounts.errors';
import { can, ROLES, type Role } from '$lib/server/accounts/authorization';
import { getApp } from '$lib/server/app';
import { districtOrganisationNames } from '$lib/server/organisations/organisations.service';
import { errorPage } from '$lib/server/http/error-page';
import { requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/shared/forms/form-data';

function requireInviter(locals: App.Locals) {
	const user = requireUser(locals, { secondFactor: true });
	if (
		!can(user, 'manage_users', { districtId: user.districtId, organisationId: 0, published: false })
	)
		errorPage(403, 'office.forbidden');
	return user;
}

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireInviter(locals);
	return {
		roles: ROLES.filter((role) => role !== 'administrator' || user.role === 'administrator'),
		organisations: await districtOrganisationNames(locals.db, user.districtId)
	};
};

/** The invitation form's inputs, each with a message for an invalid value. */
type InvitedField = 'email' | 'name' | 'role' | 'organisationIds';

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const user = requireInviter(locals);
		const form = await request.formData();
		const values = {
			email: formText(form, 'email', 200),
			name: formText(form, 'name', 200),
			role: formText(form, 'role') as Role,
			organisationId: Number(form.get('organisationId') ?? 0)
		};
		const app = await getApp();
		try {
			await inviteAccount(
				locals.db,
				user,
				{
					email: values.email,
					name: values.name,
					role: values.role,
					organisationIds:
						values.role === 'partner_editor' && values.organisationId ? [values.organisationId] : []
				},
				{ origin: url.origin }
			);
		} catch (failure) {
			if (failure instanceof EmailTakenError)
				return fail(400, { values, errors: { email: 'office.invite.emailTaken' as const } });
			if (failure instanceof AccountValidationError) {
				const errors = Object.fromEntries(
					failure.issues.map((issue) => [
						issue.path.split('.')[0],
						`office.invite.invalid.${issue.path.split('.')[0] as InvitedField}` as const
					])
				);
				return fail(400, { values, errors });
			}
			throw failure;
		}
		app.jobs.deliverMailNow();
		return { invited: values.email };
	}
};
