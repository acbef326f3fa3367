import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { reportFile } from '$lib/server/reports/yearly-report-files.service';
import type { RequestHandler } from './$types';

/** The report as DOCX or PDF, or one of its tables as XLSX or CSV, in the page's language. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const locale = locals.locale === 'en' ? 'en' : 'de';
	try {
		const file = await reportFile(locals.db, user, params.period, params.file, locale);
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
