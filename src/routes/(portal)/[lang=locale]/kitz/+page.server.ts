import { error } from '@sveltejs/kit';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { getPage } from '$lib/server/pages/pages.service';
import { renderMarkdown } from '$lib/shared/text/markdown';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const page = await getPage(locals.db, 'kitz', locals.locale);
	if (!page) error(404, 'error.notFound');
	return { page, bodyHtml: renderMarkdown(page.body.text), actionFields: ACTION_FIELDS };
};
