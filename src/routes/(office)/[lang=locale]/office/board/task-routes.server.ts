import type { MessageKey } from '$lib/i18n/messages';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { FormError } from '$lib/shared/forms/form-error';
import { errorPage } from '$lib/server/http/error-page';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { TASK_STATUSES } from '$lib/server/minutes/minutes.table';
import type { TaskStatus } from '$lib/server/minutes/tasks.schema';
import { changeTaskStatus } from '$lib/server/minutes/tasks.service';
import { requireUser } from '$lib/server/http/route-guards';
import { formText } from '$lib/shared/forms/form-data';

/** Issues (input → catalogue key) as form errors whose inputs carry a prefix in the page. */
export function prefixed(
	prefix: string,
	issues: Record<string, MessageKey>
): Record<string, FormError> {
	return Object.fromEntries(
		Object.entries(issues).map(([input, key]) => [`${prefix}${input}`, { key }])
	);
}

/** The page's address without the action parameter, so filters survive a status change. */
export function pageAddress(url: URL): string {
	const params = new URLSearchParams(
		[...url.searchParams].filter(([name]) => !name.startsWith('/'))
	);
	const query = params.toString();
	return `${url.pathname}${query ? `?${query}` : ''}`;
}

/** The status form of the task tables (board and minutes), back to the same page and row. */
export async function taskStatusAction({
	locals,
	request,
	url
}: Pick<RequestEvent, 'locals' | 'request' | 'url'>): Promise<never> {
	const user = requireUser(locals, { secondFactor: true });
	const form = await request.formData();
	const taskId = Number(form.get('taskId'));
	const status = formText(form, 'status');
	if (!Number.isSafeInteger(taskId) || taskId <= 0) errorPage(400, 'error.badRequest');
	if (!(TASK_STATUSES as readonly string[]).includes(status)) errorPage(400, 'error.badRequest');
	try {
		await changeTaskStatus(locals.db, user, taskId, status as TaskStatus);
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
	const back = new URL(pageAddress(url), url.origin);
	back.searchParams.set('changed', String(taskId));
	redirect(303, `${back.pathname}${back.search}#task-${taskId}`);
}
