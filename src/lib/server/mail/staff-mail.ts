import { translator, type MailKey, type Params } from '../../i18n/messages.js';
import type { MailMessage } from './mail.service.js';

type StaffLocale = 'de' | 'en';
const STAFF_LOCALES: StaffLocale[] = ['de', 'en'];

/**
 * Mail to back-office people goes out in German with an English version below: the back
 * office's two languages (accounts store no language). `key.subject` and `key.body` come from
 * the catalogue; the subject may carry a suffix such as the offer's title.
 */
export function staffMail(
	key: MailKey,
	params: Params | ((locale: StaffLocale) => Params),
	subjectSuffix = ''
): Omit<MailMessage, 'to'> {
	const [de, en] = STAFF_LOCALES.map((locale) => {
		const t = translator(locale);
		return {
			subject: t(`${key}.subject`),
			text: t(`${key}.body`, typeof params === 'function' ? params(locale) : params)
		};
	}) as [{ subject: string; text: string }, { subject: string; text: string }];
	return {
		subject: `${de.subject} / ${en.subject}${subjectSuffix}`.slice(0, 300),
		text: `${de.text}\n\n---\n\n${en.text}`
	};
}
