import { fail } from '@sveltejs/kit';
import { VerificationLinkError } from '$lib/server/freshness/freshness.errors';
import {
	confirmStillCorrect,
	readVerificationLink,
	type VerificationLink
} from '$lib/server/freshness/freshness.service';
import { berlinNow } from '$lib/shared/time/berlin-clock';
import type { Actions, PageServerLoad } from './$types';

const berlinDate = (instant: string) => berlinNow(new Date(instant)).slice(0, 10);
const forPage = (link: VerificationLink) => ({
	title: link.title,
	organisationName: link.organisationName,
	publicSlug: link.publicSlug,
	lastVerifiedOn: berlinDate(link.lastVerifiedAt)
});

// Showing the link changes nothing: mail scanners open links before the person does.
export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		const link = await readVerificationLink(locals.db, params.token);
		return { link: forPage(link), problem: null };
	} catch (failure) {
		if (failure instanceof VerificationLinkError) return { link: null, problem: failure.problem };
		throw failure;
	}
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		try {
			const link = await confirmStillCorrect(locals.db, params.token);
			return { confirmed: forPage(link) };
		} catch (failure) {
			if (failure instanceof VerificationLinkError) return fail(400, { problem: failure.problem });
			throw failure;
		}
	}
};
