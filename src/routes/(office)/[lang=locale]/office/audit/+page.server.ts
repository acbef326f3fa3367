import { listAudit } from '$lib/server/accounts/audit.service';
import { ForbiddenError } from '$lib/server/accounts/accounts.errors';
import { errorPage } from '$lib/server/http/error-page';
import { requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const entries = await listAudit(locals.db, user);
		return {
			entries: entries.map((entry) => ({
				...entry,
				before: entry.before === null ? null : JSON.stringify(entry.before, null, 1),
				after: entry.after === null ? null : JSON.stringify(entry.after, null, 1)
			}))
		};
	} catch (failure) {
		if (failure instanceof ForbiddenError) errorPage(403, 'office.forbidden');
		throw failure;
	}
};
