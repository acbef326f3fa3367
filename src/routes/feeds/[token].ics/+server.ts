import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { feedByToken } from '$lib/server/meetings/calendar-feeds.service';
import type { RequestHandler } from './$types';

/** A subscribable calendar: the secret token in the URL is the only key (calendar apps send no cookies). */
export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		const feed = await feedByToken(locals.db, params.token);
		return new Response(feed.calendar, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `inline; filename="${feed.filename}"`,
				'cache-control': 'private, max-age=300'
			}
		});
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
