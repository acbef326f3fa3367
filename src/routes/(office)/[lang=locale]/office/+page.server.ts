import { can } from '$lib/server/accounts/authorization';
import { getApp } from '$lib/server/app';
import { canSeeDashboard } from '$lib/server/reports/dashboard.service';
import { requireUser } from '$lib/server/route-guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { database } = await getApp();
	const organisations = user.organisationIds.length
		? await database.db
				.selectFrom('organisations')
				.select('name')
				.where('id', 'in', user.organisationIds)
				.orderBy('name')
				.execute()
		: [];
	return {
		canReadAudit: user.role === 'administrator',
		canSeeDashboard: canSeeDashboard(user),
		canInvite: can(user, 'manage_users', {
			districtId: user.districtId,
			organisationId: 0,
			published: false
		}),
		account: {
			name: user.name,
			email: user.email,
			role: user.role,
			twoFactorEnabled: user.twoFactorEnabled,
			organisations: organisations.map((organisation) => organisation.name)
		}
	};
};
