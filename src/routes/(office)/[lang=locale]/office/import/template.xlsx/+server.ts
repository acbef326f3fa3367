import { translator } from '$lib/i18n/messages';
import { templateXlsx } from '$lib/server/exchange/template';
import { requireUser } from '$lib/server/http/route-guards';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	requireUser(locals, { secondFactor: true });
	const body = await templateXlsx(translator(locals.locale));
	return new Response(body, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': 'attachment; filename="kitz-angebote-vorlage.xlsx"'
		}
	});
};
