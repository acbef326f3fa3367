import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { canOnOpening } from '$lib/server/opening/opening-access';
import {
	emptyUnitForm,
	openingFormErrors,
	readUnitForm,
	unitInputOf
} from '$lib/server/opening/opening-form';
import { OpeningValidationError } from '$lib/server/opening/opening.errors';
import { createUnit, listUnits, organisationOptions } from '$lib/server/opening/units.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	const mayManage = canOnOpening(user, 'manage', user.districtId);
	try {
		return {
			// Viewers read the district's aggregates only, never a unit's answers.
			units: user.role === 'viewer' ? null : await listUnits(locals.db, user),
			mayManage,
			mayReadDistrict: canOnOpening(user, 'district', user.districtId),
			organisations: mayManage ? await organisationOptions(locals.db, user) : [],
			values: emptyUnitForm()
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	unit: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readUnitForm(await request.formData());
		let id: number;
		try {
			id = await createUnit(locals.db, user, unitInputOf(values));
		} catch (failure) {
			if (failure instanceof OpeningValidationError)
				return fail(400, { values, errors: openingFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/opening/units/${id}?created=1`);
	}
};
