import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { errorPage } from '$lib/server/http/error-page';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import {
	listInvitationStatus,
	retryInvitationMail
} from '$lib/server/meetings/invitation-status.service';
import { inviteMembers, listAttendance } from '$lib/server/meetings/invitations.service';
import { berlinNow } from '$lib/shared/time/berlin-clock';
import { meetingFormValues } from '$lib/server/meetings/meeting-form';
import {
	cancelMeeting,
	getMeeting,
	sendMeetingUpdate,
	updateMeeting
} from '$lib/server/meetings/meetings.service';
import { MeetingStateError } from '$lib/server/meetings/meetings.errors';
import { networkFormOptions } from '$lib/server/networks/networks.service';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { mailContext } from '../../networks/network-routes.server';
import { saveMeetingForm } from '../meeting-form.server';
import type { Actions, PageServerLoad } from './$types';
import { saveNoticeQuery } from './save-notice';

const meetingId = (param: string) => idParam(param, 'office.meetings.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { db } = locals;
	try {
		const meeting = await getMeeting(db, user, meetingId(params.id));
		const invitees = await listAttendance(db, user, meeting.id);
		const answers = { yes: 0, no: 0, maybe: 0, none: 0 };
		for (const invitee of invitees) answers[invitee.response ?? 'none']++;
		return {
			meeting,
			invited: invitees.length,
			answers,
			// Whether each invitation went out: for those who run the meeting.
			invitations: meeting.canManage
				? (await listInvitationStatus(db, user, meeting.id)).map(({ mail, ...row }) => ({
						...row,
						mail: mail?.state === 'sent' ? { ...mail, at: berlinNow(new Date(mail.at)) } : mail
					}))
				: [],
			values: meeting.canManage ? meetingFormValues(meeting) : null,
			contacts: meeting.canManage ? (await networkFormOptions(db, user)).contacts : []
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

/** Runs a mailing step; a step the meeting's state refuses comes back as a message. */
async function mailingStep<T extends object>(work: () => Promise<T>) {
	try {
		const result = await work();
		(await getApp()).jobs.deliverMailNow();
		return result;
	} catch (failure) {
		if (failure instanceof MeetingStateError) return fail(409, { problem: failure.code });
		rethrowAsHttpError(failure);
	}
}

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = meetingId(params.id);
		const { jobs } = await getApp();
		const context = await mailContext();
		const result = await saveMeetingForm(request, (input) =>
			updateMeeting(locals.db, user, id, input, context)
		);
		if (result.failed) return result.failed;
		jobs.deliverMailNow();
		redirect(
			303,
			`/${locals.locale}/office/meetings/${id}${saveNoticeQuery(result.saved.notified)}`
		);
	},
	invite: async ({ locals, params }) => {
		const user = requireUser(locals, { secondFactor: true });
		const { db } = locals;
		const context = await mailContext();
		return mailingStep(() => inviteMembers(db, user, meetingId(params.id), context));
	},
	sendUpdate: async ({ locals, params }) => {
		const user = requireUser(locals, { secondFactor: true });
		const { db } = locals;
		const context = await mailContext();
		return mailingStep(() => sendMeetingUpdate(db, user, meetingId(params.id), context));
	},
	retryMail: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const inviteeId = Number((await request.formData()).get('inviteeId'));
		if (!Number.isSafeInteger(inviteeId) || inviteeId <= 0) errorPage(400, 'error.badRequest');
		const { db } = locals;
		return mailingStep(async () => {
			await retryInvitationMail(db, user, meetingId(params.id), inviteeId);
			return { retried: true };
		});
	},
	cancel: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		// Cancelling mails everyone at once, so it needs a second, deliberate tick.
		if ((await request.formData()).get('confirm') !== 'yes')
			return fail(400, { problem: 'confirm' as const });
		const { db } = locals;
		const context = await mailContext();
		return mailingStep(async () => ({
			cancelled: (await cancelMeeting(db, user, meetingId(params.id), context)).notified
		}));
	}
};
