import { fail } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import {
	meetingFormErrors,
	meetingInputOf,
	meetingSeriesOf,
	readMeetingForm
} from '$lib/server/meetings/meeting-form';
import type { MeetingInput, MeetingSeries } from '$lib/server/meetings/meetings.schema';
import { NetworkValidationError } from '$lib/server/networks/networks.errors';
import { MeetingStateError } from '$lib/server/meetings/meetings.errors';

/**
 * The save step shared by the new-meeting and meeting pages: parse → the service call → its
 * result, or the form again with the person's input and a message per input.
 */
export async function saveMeetingForm<T>(
	request: Request,
	save: (input: MeetingInput, series: MeetingSeries | null) => Promise<T>
) {
	const values = readMeetingForm(await request.formData());
	const { input, rows } = meetingInputOf(values);
	try {
		return { saved: await save(input, meetingSeriesOf(values)), failed: undefined };
	} catch (failure) {
		if (failure instanceof NetworkValidationError)
			return {
				saved: undefined,
				failed: fail(400, { values, errors: meetingFormErrors(failure.issues, values, rows) })
			};
		if (failure instanceof MeetingStateError)
			return {
				saved: undefined,
				failed: fail(409, { values, errors: {}, problem: failure.code })
			};
		rethrowAsHttpError(failure);
	}
}
