import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { minutesFile, type MinutesFormat } from '$lib/server/minutes/minutes-release.service';
import { idParam, requireUser } from '$lib/server/http/route-guards';

/** The minutes as a file, for whoever may read them; documents follow the page's language. */
export async function minutesDownload(
	locals: App.Locals,
	param: string,
	format: MinutesFormat
): Promise<Response> {
	const user = requireUser(locals, { secondFactor: true });
	const id = idParam(param, 'office.meetings.notFound');
	const locale = locals.locale === 'en' ? 'en' : 'de';
	try {
		const file = await minutesFile(locals.db, user, id, format, locale);
		return new Response(new Uint8Array(file.body), {
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
