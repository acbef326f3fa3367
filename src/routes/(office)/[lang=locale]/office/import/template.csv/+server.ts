import { templateCsv } from '$lib/server/exchange/template';
import { requireUser } from '$lib/server/http/route-guards';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	requireUser(locals, { secondFactor: true });
	return new Response(templateCsv(), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="kitz-angebote-vorlage.csv"'
		}
	});
};
