import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import {
	answerFormValues,
	answersOf,
	openingFormErrors,
	readAnswerForm
} from '$lib/server/opening/opening-form';
import { OpeningValidationError } from '$lib/server/opening/opening.errors';
import { getRound, saveAnswers } from '$lib/server/opening/rounds.service';
import type { Actions, PageServerLoad } from './$types';

const roundIdOf = (param: string) => idParam(param, 'office.opening.round.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const round = await getRound(locals.db, user, roundIdOf(params.id));
		// A submitted round is read on its results page until a coordinator reopens it.
		if (!round.mayEdit) redirect(303, `/${locals.locale}/office/opening/rounds/${round.id}`);
		return { round, values: answerFormValues(round.answers) };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	/** "Save draft" and "Submit" send the same form; the button pressed says which. */
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const roundId = roundIdOf(params.id);
		const form = await request.formData();
		const submit = form.get('intent') === 'submit';
		let values;
		try {
			const round = await getRound(locals.db, user, roundId);
			values = readAnswerForm(form, round.content);
			await saveAnswers(locals.db, user, roundId, answersOf(values), submit);
		} catch (failure) {
			if (failure instanceof OpeningValidationError && values) {
				const round = await getRound(locals.db, user, roundId);
				const language = locals.locale === 'en' ? 'en' : 'de';
				return fail(400, {
					values,
					errors: openingFormErrors(failure.issues, round.content, language)
				});
			}
			rethrowAsHttpError(failure);
		}
		redirect(
			303,
			submit
				? `/${locals.locale}/office/opening/rounds/${roundId}?submitted=1`
				: `/${locals.locale}/office/opening/rounds/${roundId}/edit?saved=1`
		);
	}
};
