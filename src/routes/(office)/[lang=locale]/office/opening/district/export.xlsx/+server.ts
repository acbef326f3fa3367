import { translator } from '$lib/i18n/messages';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { exportDistrictView } from '$lib/server/opening/district.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const file = await exportDistrictView(locals.db, user, translator(locals.locale));
		return new Response(file.body, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': `attachment; filename="${file.filename}"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
