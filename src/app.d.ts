import type { Locale } from '$lib/i18n/locales';
import type { SignedInUser } from '$lib/server/accounts/sessions.service';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
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
