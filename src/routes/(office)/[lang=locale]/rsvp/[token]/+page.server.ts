import { fail } from '@sveltejs/kit';
import { answerRsvp, readRsvp } from '$lib/server/meetings/invitations.service';
import { NetworkValidationError } from '$lib/server/networks/networks.errors';
import { RsvpLinkError } from '$lib/server/meetings/meetings.errors';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/shared/forms/form-data';

// Showing the link changes nothing: mail scanners open links before the person does.
export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		return { rsvp: await readRsvp(locals.db, params.token), problem: null };
	} catch (failure) {
		if (failure instanceof RsvpLinkError) return { rsvp: null, problem: failure.problem };
		throw failure;
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const response = formText(await request.formData(), 'response');
		try {
			const rsvp = await answerRsvp(locals.db, params.token, response);
			return { answered: rsvp.response };
		} catch (failure) {
			if (failure instanceof RsvpLinkError) return fail(400, { problem: failure.problem });
			if (failure instanceof NetworkValidationError)
				return fail(400, { problem: 'choose' as const });
			throw failure;
		}
	}
};
