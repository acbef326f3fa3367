import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import type { MailContext } from '$lib/server/network/invitation-mail';

/** A positive id from a route parameter, or the page's 404. */
export function idParam(value: string, notFound: string): number {
	const id = Number(value);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, notFound);
	return id;
}

/** Where mailed links point and who sends, from the app's configuration. */
export async function mailContext(): Promise<MailContext> {
	const { config } = await getApp();
	return { origin: config.origin, from: config.mailFrom };
}
