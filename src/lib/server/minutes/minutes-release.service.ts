import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../accounts/audit.service.js';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { formatShortDate } from '../../format.js';
import type { Locale } from '../../i18n/locales.js';
import { queueMail, type MailAttachment } from '../mail/mail.service.js';
import { staffMail } from '../mail/staff-mail.js';
import { DOCUMENT_CONTENT_TYPES, type DocumentFormat } from '../../shared/files/document.js';
import { documentDocx } from '../../shared/files/document-docx.js';
import { documentPdf } from '../../shared/files/document-pdf.js';
import { minutesDocument } from './minutes-document.js';
import {
	MinutesBeforeMeetingError,
	MinutesReleasedError,
	MinutesWithoutAttendanceError
} from './minutes.errors.js';
import { findReleaseRecipients, markMinutesReleased } from './minutes.repository.js';
import { getMinutes, meetingInScope, type MinutesView } from './minutes.service.js';
import { authorizeInNetwork } from '../networks/network-access.js';
import { type Editor } from './tasks.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';

export type MinutesFormat = DocumentFormat;

export interface MinutesFile {
	filename: string;
	contentType: string;
	body: Buffer;
}

async function render(view: MinutesView, format: MinutesFormat, locale: Locale) {
	const document = minutesDocument(view, locale);
	const body = format === 'docx' ? await documentDocx(document) : await documentPdf(document);
	return {
		filename: `${document.fileName}.${format}`,
		contentType: DOCUMENT_CONTENT_TYPES[format],
		body
	};
}

/** The minutes as a file, for whoever may read them (released minutes, or staff). */
export async function minutesFile(
	db: Db,
	actor: Actor,
	meetingId: number,
	format: MinutesFormat,
	locale: Locale,
	now = new Date()
): Promise<MinutesFile> {
	return render(await getMinutes(db, actor, meetingId, now), format, locale);
}

const address = z.string().trim().email().max(200);

/**
 * Releases the minutes: from now on they are final and readable by the network's members, and
 * each member person is mailed the DOCX and the PDF once. Not before the meeting has begun, and
 * without any attendance recorded only when the releaser confirms it (`withoutAttendance`). Both are built before anything
 * changes, so a release never fails halfway because a document does not render.
 */
export async function releaseMinutes(
	db: Kysely<DB>,
	actor: Editor,
	meetingId: number,
	options: { origin: string; withoutAttendance?: boolean },
	now = new Date()
): Promise<{ mailed: number }> {
	const view = await getMinutes(db, actor, meetingId, now);
	if (view.meeting.releasedAt) throw new MinutesReleasedError(meetingId);
	if (!view.release.started) throw new MinutesBeforeMeetingError(meetingId, view.meeting.startsAt);
	if (!view.release.attendanceRecorded && !options.withoutAttendance)
		throw new MinutesWithoutAttendanceError(meetingId);
	const at = now.toISOString();
	const released: MinutesView = {
		...view,
		meeting: { ...view.meeting, releasedAt: at, releasedOn: berlinToday(now) }
	};
	const files = await Promise.all([render(released, 'pdf', 'de'), render(released, 'docx', 'de')]);
	const attachments: MailAttachment[] = files.map((file) => ({
		filename: file.filename,
		contentType: file.contentType,
		content: file.body.toString('base64'),
		encoding: 'base64'
	}));
	const mail = staffMail(
		'mail.minutesReleased',
		(locale) => ({
			title: view.meeting.title,
			network: view.meeting.networkName,
			date: formatShortDate(locale, view.meeting.startsAt.slice(0, 10)),
			page: `${options.origin}/${locale}/office/meetings/${meetingId}/minutes`
		}),
		` – ${view.meeting.title}`
	);
	return db.transaction().execute(async (trx) => {
		const { meeting, scope } = await meetingInScope(trx, actor, meetingId, now);
		authorizeInNetwork(actor, 'manage', scope);
		if (!(await markMinutesReleased(trx, meetingId, at))) throw new MinutesReleasedError(meetingId);
		const recipients = await findReleaseRecipients(trx, meeting.networkId, berlinToday(now));
		const addresses = [
			...new Set(
				recipients
					.map((recipient) => recipient.email.trim().toLowerCase())
					.filter((email) => address.safeParse(email).success)
			)
		];
		for (const to of addresses) await queueMail(trx, { to, ...mail, attachments }, now);
		await recordAudit(
			trx,
			{
				districtId: meeting.districtId,
				userId: actor.id,
				action: 'minutes.released',
				entity: 'meeting',
				entityId: meetingId,
				before: { minutesReleasedAt: null },
				after: { minutesReleasedAt: at, mailed: addresses.length }
			},
			now
		);
		return { mailed: addresses.length };
	});
}
