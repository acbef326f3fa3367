import { translator } from '$lib/i18n/messages';
import { exportCommitteeRegister } from '$lib/server/committees/committee-export';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';

/** The register with its suppressed figures as a download, for staff and viewers. */
export async function committeeDownload(locals: App.Locals, format: 'csv' | 'xlsx') {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const file = await exportCommitteeRegister(locals.db, user, format, translator(locals.locale));
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
}
