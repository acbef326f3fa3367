import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { exportPersonData } from '$lib/server/directory/person-data.service';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

/** The GDPR export as a page a person can read (and print). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const id = idParam(params.id, 'office.directory.notFound');
	try {
		return { person: await exportPersonData(locals.db, user, id) };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
