import { fail } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { createFeed, listFeeds, revokeFeed } from '$lib/server/meetings/calendar-feeds.service';
import { listNetworkMeetings } from '$lib/server/meetings/meetings.service';
import { MEMBER_ROLES } from '$lib/server/networks/networks.table';
import {
	memberInputOf,
	networkFormErrors,
	readMemberForm
} from '$lib/server/networks/network-form';
import { NetworkValidationError } from '$lib/server/networks/networks.errors';
import {
	addMember,
	endMember,
	getNetwork,
	networkFormOptions
} from '$lib/server/networks/networks.service';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';
import { berlinToday } from '$lib/shared/time/berlin-clock';
import { formText } from '$lib/shared/forms/form-data';

const networkId = (param: string) => idParam(param, 'office.networks.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { db } = locals;
	try {
		const network = await getNetwork(db, user, networkId(params.id));
		const meetings = await listNetworkMeetings(db, user, network.id);
		if (!network.canManage) return { network, meetings, manage: null };
		const people = network.members.filter((member) => member.active && member.contactId !== null);
		const options = await networkFormOptions(db, user);
		const feeds = await listFeeds(
			db,
			user,
			network.id,
			people.map((member) => member.contactId!)
		);
		return {
			network,
			meetings,
			manage: {
				...options,
				roles: MEMBER_ROLES,
				today: berlinToday(new Date()),
				people: people.map((member) => ({ contactId: member.contactId!, name: member.name ?? '' })),
				feeds: feeds.map((feed) => ({
					id: feed.id,
					createdAt: feed.createdAt,
					name:
						feed.networkId !== null
							? null
							: (people.find((member) => member.contactId === feed.contactId)?.name ?? '')
				}))
			}
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

const idOf = (value: FormDataEntryValue | null) => {
	const id = Number(value);
	return Number.isSafeInteger(id) && id > 0 ? id : 0;
};

export const actions: Actions = {
	addMember: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const member = readMemberForm(await request.formData());
		try {
			await addMember(locals.db, user, networkId(params.id), memberInputOf(member));
		} catch (failure) {
			if (failure instanceof NetworkValidationError)
				return fail(400, { member, memberErrors: networkFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		return { memberAdded: true };
	},
	endMember: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const memberId = idOf(form.get('memberId'));
		const leftOn = formText(form, 'leftOn').trim().slice(0, 20);
		try {
			await endMember(locals.db, user, networkId(params.id), memberId, leftOn);
		} catch (failure) {
			if (failure instanceof NetworkValidationError)
				return fail(400, {
					endMemberId: memberId,
					leftOn,
					endErrors: networkFormErrors(failure.issues)
				});
			rethrowAsHttpError(failure);
		}
		return { memberEnded: true };
	},
	createFeed: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const target = formText(await request.formData(), 'target');
		const id = networkId(params.id);
		const { config } = await getApp();
		try {
			const contactId = /^c:\d+$/.test(target) ? idOf(target.slice(2)) : 0;
			const feed = await createFeed(locals.db, user, contactId ? { contactId } : { networkId: id });
			return { feedUrl: `${config.origin}/feeds/${feed.token}.ics` };
		} catch (failure) {
			if (failure instanceof NetworkValidationError) return fail(400, { feedError: true });
			rethrowAsHttpError(failure);
		}
	},
	revokeFeed: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const feedId = idOf((await request.formData()).get('feedId'));
		try {
			await revokeFeed(locals.db, user, feedId);
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		return { feedRevoked: true };
	}
};
