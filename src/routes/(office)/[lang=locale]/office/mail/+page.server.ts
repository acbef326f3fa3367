import { error } from '@sveltejs/kit';
import { undeliveredMail } from '$lib/server/mail/mail.service';
import { requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	if (user.role !== 'administrator') error(403, 'office.forbidden');
	return { mails: await undeliveredMail(locals.db) };
};
