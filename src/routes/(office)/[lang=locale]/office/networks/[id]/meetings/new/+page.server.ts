import { redirect } from '@sveltejs/kit';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { emptyMeetingForm } from '$lib/server/meetings/meeting-form';
import { createMeetingSeries } from '$lib/server/meetings/meetings.service';
import { getNetwork, networkFormOptions } from '$lib/server/networks/networks.service';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { saveMeetingForm } from '../../../../meetings/meeting-form.server';
import type { Actions, PageServerLoad } from './$types';
import { saveNoticeQuery } from '../../../../meetings/[id]/save-notice';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { db } = locals;
	try {
		const network = await getNetwork(db, user, idParam(params.id, 'office.networks.notFound'));
		const options = await networkFormOptions(db, user);
		return {
			network: { id: network.id, name: network.name },
			contacts: options.contacts,
			values: emptyMeetingForm()
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const networkId = idParam(params.id, 'office.networks.notFound');
		const { db } = locals;
		const result = await saveMeetingForm(request, (input, series) =>
			createMeetingSeries(db, user, networkId, input, series)
		);
		if (result.failed) return result.failed;
		redirect(303, `/${locals.locale}/office/meetings/${result.saved[0]}${saveNoticeQuery(0)}`);
	}
};
