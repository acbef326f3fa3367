import { undeliveredMail } from '$lib/server/mail/mail.service';
import { errorPage } from '$lib/server/http/error-page';
import { requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	if (user.role !== 'administrator') errorPage(403, 'office.forbidden');
	return { mails: await undeliveredMail(locals.db) };
};
