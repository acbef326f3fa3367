import type { Kysely } from 'kysely';
import type { Locale } from '$lib/i18n/locales';
import type { DB } from '$lib/server/db/schema';
import type { SignedInUser } from '$lib/server/accounts/sessions.service';

declare global {
	namespace App {
		interface Locals {
			/** Sent back in `X-Request-Id` and on every log line of the request. */
			requestId: string;
			locale: Locale;
			/** The app's database handle, set for every request in the hooks. */
			db: Kysely<DB>;
			/** The signed-in person; null for every visitor of the portal. */
			user: SignedInUser | null;
			sessionToken: string | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
