import { getApp } from '$lib/server/app';
import type { MailContext } from '$lib/server/meetings/invitation-mail';

/** Where mailed links point and who sends, from the app's configuration. */
export async function mailContext(): Promise<MailContext> {
	const { config } = await getApp();
	return { origin: config.origin, from: config.mailFrom };
}
