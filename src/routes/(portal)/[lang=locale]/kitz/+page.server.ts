import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { getPage } from '$lib/server/pages/pages.service';
import { renderMarkdown } from '$lib/shared/text/markdown';
import type { PageServerLoad } from './$types';
import { errorPage } from '$lib/server/http/error-page';

export const load: PageServerLoad = async ({ locals }) => {
	const page = await getPage(locals.db, 'kitz', locals.locale);
	if (!page) errorPage(404, 'error.notFound');
	return { page, bodyHtml: renderMarkdown(page.body.text), actionFields: ACTION_FIELDS };
};
