import { formatShortDate } from '../../format.js';
import type { Locale } from '../../i18n/locales.js';
import { translator } from '../../i18n/messages.js';
import type { MailMessage } from '../mail/mail.service.js';
import { berlinNow } from './schedule.js';

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

// Accounts store no language; like all staff mail this goes out in German with English below.
const LOCALES: Locale[] = ['de', 'en'];

/** The reminder asking an offer's owner to confirm it, without the recipient (one per person). */
export function reminderMail(input: ReminderMailInput): Omit<MailMessage, 'to'> {
	const [de, en] = LOCALES.map((locale) => {
		const t = translator(locale);
		const date = (instant: Date) => formatShortDate(locale, berlinNow(instant).slice(0, 10));
		return {
			subject: t('mail.verifyOffer.subject'),
			text: t('mail.verifyOffer.body', {
				title: input.title,
				organisation: input.organisationName,
				verified: date(input.lastVerifiedAt),
				outdated: date(input.outdatedFrom),
				expires: date(input.linkExpiresAt),
				link: input.confirmLink,
				offerLink: input.offerLink,
				login: input.loginLink
			})
		};
	}) as [{ subject: string; text: string }, { subject: string; text: string }];
	return {
		subject: `${de.subject} / ${en.subject} – ${input.title}`.slice(0, 300),
		text: `${de.text}\n\n---\n\n${en.text}`
	};
}
