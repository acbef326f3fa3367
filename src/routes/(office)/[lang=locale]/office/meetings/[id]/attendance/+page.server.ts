import { fail } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { listAttendance, saveAttendance } from '$lib/server/meetings/invitations.service';
import { getMeeting } from '$lib/server/meetings/meetings.service';
import { ATTENDANCE } from '$lib/server/meetings/meetings.table';
import { NetworkValidationError } from '$lib/server/networks/networks.errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/shared/forms/form-data';

const meetingId = (param: string) => idParam(param, 'office.meetings.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { db } = locals;
	try {
		const meeting = await getMeeting(db, user, meetingId(params.id));
		return {
			meeting: {
				id: meeting.id,
				title: meeting.title,
				startsAt: meeting.startsAt,
				networkName: meeting.networkName,
				canManage: meeting.canManage
			},
			invitees: await listAttendance(db, user, meeting.id),
			choices: ATTENDANCE
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const entries = [...form.keys()]
			.filter((key) => /^attendance\.\d{1,9}$/.test(key))
			.slice(0, 2000)
			.map((key) => ({
				inviteeId: Number(key.slice('attendance.'.length)),
				attendance: formText(form, key) || null
			}));
		try {
			await saveAttendance(locals.db, user, meetingId(params.id), entries);
		} catch (failure) {
			if (failure instanceof NetworkValidationError) return fail(400, { invalid: true });
			rethrowAsHttpError(failure);
		}
		return { saved: true };
	}
};
