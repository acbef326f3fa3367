import { formatShortDate } from '../../format.js';
import type { MailMessage } from '../mail/mail.service.js';
import { staffMail } from '../mail/staff-mail.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';

export interface ReminderMailInput {
	title: string;
	organisationName: string;
	lastVerifiedAt: Date;
	outdatedFrom: Date;
	linkExpiresAt: Date;
	confirmLink: string;
	offerLink: string;
	loginLink: string;
}

/** The reminder asking an offer's owner to confirm it, without the recipient (one per person). */
export function reminderMail(input: ReminderMailInput): Omit<MailMessage, 'to'> {
	return staffMail(
		'mail.verifyOffer',
		(locale) => {
			const date = (instant: Date) => formatShortDate(locale, berlinToday(instant));
			return {
				title: input.title,
				organisation: input.organisationName,
				verified: date(input.lastVerifiedAt),
				outdated: date(input.outdatedFrom),
				expires: date(input.linkExpiresAt),
				link: input.confirmLink,
				offerLink: input.offerLink,
				login: input.loginLink
			};
		},
		` – ${input.title}`
	);
}
