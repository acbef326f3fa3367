import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { authorizeThesaurus } from '$lib/server/search/thesaurus/thesaurus-access';
import { exportThesaurus } from '$lib/server/search/thesaurus/thesaurus.service';
import type { RequestHandler } from './$types';

/** The thesaurus in the format of content/search/thesaurus.json, to keep or to ship as defaults. */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		authorizeThesaurus(user, 'read');
		const file = await exportThesaurus(locals.db);
		return new Response(`${JSON.stringify(file, null, '\t')}\n`, {
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'content-disposition': 'attachment; filename="thesaurus.json"',
				'cache-control': 'private, no-store'
			}
		});
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
