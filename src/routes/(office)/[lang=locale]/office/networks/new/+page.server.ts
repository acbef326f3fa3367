import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import {
	emptyNetworkForm,
	networkFormErrors,
	networkInputOf,
	readNetworkForm
} from '$lib/server/networks/network-form';
import { NetworkValidationError } from '$lib/server/networks/networks.errors';
import { createNetwork, networkFormOptions } from '$lib/server/networks/networks.service';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const options = await networkFormOptions(locals.db, user);
		return {
			organisations: options.organisations,
			actionFields: ACTION_FIELDS,
			values: emptyNetworkForm()
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readNetworkForm(await request.formData());
		let id: number;
		try {
			id = await createNetwork(locals.db, user, networkInputOf(values));
		} catch (failure) {
			if (failure instanceof NetworkValidationError)
				return fail(400, { values, errors: networkFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/networks/${id}?saved=1`);
	}
};
