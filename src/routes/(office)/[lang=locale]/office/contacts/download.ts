import { redirect } from '@sveltejs/kit';
import { translator } from '$lib/i18n/messages';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import {
	exportContacts,
	exportVCards,
	type ExportFile
} from '$lib/server/directory/contact-export';
import { parseContactFilters } from '$lib/server/directory/contact-filters';
import { requireUser } from '$lib/server/http/route-guards';

/** The directory's downloads: the filtered list, or the cards of chosen people. */
function fileResponse(file: ExportFile): Response {
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}

export async function listDownload(locals: App.Locals, url: URL, format: 'csv' | 'xlsx') {
	const user = requireUser(locals, { secondFactor: true });
	const { db } = locals;
	const filters = parseContactFilters(url.searchParams);
	return fileResponse(await exportContacts(db, user, filters, format, translator(locals.locale)));
}

export async function cardsDownload(locals: App.Locals, ids: number[]) {
	const user = requireUser(locals, { secondFactor: true });
	const { db } = locals;
	const wanted = ids.filter((id) => Number.isSafeInteger(id) && id > 0).slice(0, 1000);
	if (wanted.length === 0) redirect(303, `/${locals.locale}/office/contacts?noSelection=1`);
	try {
		return fileResponse(await exportVCards(db, user, wanted));
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
}
