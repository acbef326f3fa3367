import { fail, redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import {
	networkFormErrors,
	networkFormValues,
	networkInputOf,
	readNetworkForm
} from '$lib/server/networks/network-form';
import { NetworkValidationError } from '$lib/server/networks/networks.errors';
import {
	archiveNetwork,
	getNetwork,
	networkFormOptions,
	updateNetwork
} from '$lib/server/networks/networks.service';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { db } = locals;
	try {
		const network = await getNetwork(db, user, idParam(params.id, 'office.networks.notFound'));
		const options = await networkFormOptions(db, user);
		return {
			network: { id: network.id, name: network.name },
			organisations: options.organisations,
			actionFields: ACTION_FIELDS,
			values: networkFormValues(network)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = idParam(params.id, 'office.networks.notFound');
		const values = readNetworkForm(await request.formData());
		try {
			await updateNetwork(locals.db, user, id, networkInputOf(values));
		} catch (failure) {
			if (failure instanceof NetworkValidationError)
				return fail(400, { values, errors: networkFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/networks/${id}?saved=1`);
	},
	archive: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const id = idParam(params.id, 'office.networks.notFound');
		if ((await request.formData()).get('confirm') !== 'yes')
			return fail(400, { archiveUnconfirmed: true });
		try {
			await archiveNetwork(locals.db, user, id);
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/networks?archived=1`);
	}
};
