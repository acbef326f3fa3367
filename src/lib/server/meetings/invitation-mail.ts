import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { formatDate, formatTime } from '../../format.js';
import type { MailKey } from '../../i18n/messages.js';
import type { DB } from '../db/schema.js';
import { queueMail } from '../mail/mail.service.js';
import { staffMail } from '../mail/staff-mail.js';
import { setInviteeMail, setInviteeToken } from './invitees.repository.js';
import { invitationCalendar, type CalendarMeeting, type Person } from './meeting-ics.js';

/** Where mailed links point and who sends: the app's public origin and its sender address. */
export interface MailContext {
	origin: string;
	from: string;
}

export type InvitationKind = 'invitation' | 'update' | 'cancellation';

/** Only the SHA-256 of an RSVP token is stored, so a leaked table answers for no one. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

/** `KITZ <kitz@example.org>` → name and address for the ORGANIZER line. */
export function organizerOf(from: string): Person {
	const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
	return match
		? { name: match[1]!.trim() || 'KITZ', email: match[2]!.trim() }
		: { name: 'KITZ', email: from.trim() };
}

const KEYS: Record<InvitationKind, MailKey> = {
	invitation: 'mail.meetingInvitation',
	update: 'mail.meetingUpdate',
	cancellation: 'mail.meetingCancelled'
};

/** `link` gives the RSVP link per language, so the English text links the English page. */
function mailText(
	kind: InvitationKind,
	meeting: CalendarMeeting,
	link: ((locale: string) => string) | null
): { subject: string; text: string } {
	return staffMail(
		KEYS[kind],
		(locale) => ({
			network: meeting.networkName,
			title: meeting.title,
			date: formatDate(locale, meeting.startsAt.slice(0, 10)),
			start: formatTime(locale, meeting.startsAt),
			end: formatTime(locale, meeting.endsAt),
			place: [meeting.location, meeting.onlineUrl].filter(Boolean).join(' – '),
			agenda:
				meeting.agenda
					.map(
						(item, index) =>
							`${index + 1}. ${item.startsAt ? `${formatTime(locale, item.startsAt)} ` : ''}${item.title}${item.presenter ? ` (${item.presenter})` : ''}`
					)
					.join('\n') || '–',
			link: link ? link(locale) : ''
		}),
		`: ${meeting.title}`
	);
}

/**
 * Queues one mail per invitee with the .ics attached (same UID, current SEQUENCE). Invitations
 * and updates carry a fresh personal RSVP link; its hash replaces the previous one, so only the
 * newest mail's link answers. Call it in the transaction that changed the meeting.
 */
export async function queueInvitationMails(
	trx: Transaction<DB>,
	meeting: CalendarMeeting,
	invitees: readonly { id: number; name: string; email: string }[],
	kind: InvitationKind,
	context: MailContext,
	now: Date
): Promise<number> {
	const organizer = organizerOf(context.from);
	for (const invitee of invitees) {
		let link: ((locale: string) => string) | null = null;
		if (kind !== 'cancellation') {
			const token = newToken();
			await setInviteeToken(trx, invitee.id, hashToken(token));
			link = (locale) => `${context.origin}/${locale}/rsvp/${token}`;
		}
		const calendar = invitationCalendar(
			meeting,
			organizer,
			{ name: invitee.name, email: invitee.email },
			link?.('de')
		);
		const mailId = await queueMail(
			trx,
			{
				to: invitee.email,
				...mailText(kind, meeting, link),
				attachments: [
					{
						filename: kind === 'cancellation' ? 'absage.ics' : 'einladung.ics',
						contentType: 'text/calendar',
						content: calendar.content,
						method: calendar.method
					}
				]
			},
			now
		);
		await setInviteeMail(trx, invitee.id, mailId);
	}
	return invitees.length;
}
