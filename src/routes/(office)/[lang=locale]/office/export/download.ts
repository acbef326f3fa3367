import { getApp } from '$lib/server/app';
import { exportOffers, type ExportFormat } from '$lib/server/exchange/export.service';
import { requireUser } from '$lib/server/http/route-guards';
import { parseSearchParams } from '$lib/server/search/search.schema';

/** The export download shared by the three format endpoints: the page's filters, as a file. */
export async function exportDownload(
	locals: App.Locals,
	url: URL,
	format: ExportFormat
): Promise<Response> {
	const user = requireUser(locals, { secondFactor: true });
	const { config } = await getApp();
	const { filters } = parseSearchParams(url.searchParams);
	const file = await exportOffers(locals.db, user, filters, format, { origin: config.origin });
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
