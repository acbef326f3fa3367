import { json } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { exportPersonData } from '$lib/server/directory/person-data.service';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { RequestHandler } from './$types';

/** Everything stored about the person, as a JSON file (Art. 15 and 20 DSGVO). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const id = idParam(params.id, 'office.directory.notFound');
	try {
		const data = await exportPersonData(locals.db, user, id);
		return json(data, {
			headers: {
				'content-disposition': `attachment; filename="person-${id}.json"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
