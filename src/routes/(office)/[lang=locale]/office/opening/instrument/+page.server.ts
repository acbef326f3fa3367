import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { currentInstrument, saveInstrument } from '$lib/server/opening/instrument.service';
import { authorizeOnOpening } from '$lib/server/opening/opening-access';
import { openingFormErrors, readInstrumentForm } from '$lib/server/opening/opening-form';
import { OpeningValidationError } from '$lib/server/opening/opening.errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		authorizeOnOpening(user, 'manage', user.districtId);
		return { instrument: await currentInstrument(locals.db, user) };
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		let version: number;
		try {
			const { content } = await currentInstrument(locals.db, user);
			const values = readInstrumentForm(await request.formData(), content);
			try {
				version = await saveInstrument(locals.db, user, values);
			} catch (failure) {
				if (!(failure instanceof OpeningValidationError)) throw failure;
				return fail(400, { values, errors: openingFormErrors(failure.issues, content) });
			}
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/opening/instrument?saved=${version}`);
	}
};
