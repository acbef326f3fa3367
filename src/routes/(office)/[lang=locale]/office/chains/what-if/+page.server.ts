import { endingChoices, whatIf, type Ending } from '$lib/server/chains/coverage.service';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import type { PageServerLoad } from './$types';

const idOf = (value: string | null) =>
	value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;

/** "What if this offer or organisation ends": pick one, see which municipalities lose a stage. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	const query = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const offerId = idOf(url.searchParams.get('offer'));
	const organisationId = idOf(url.searchParams.get('organisation'));
	const ending: Ending | null =
		offerId !== undefined ? { offerId } : organisationId !== undefined ? { organisationId } : null;
	try {
		const choices = await endingChoices(locals.db, user, query, locals.locale);
		return {
			query,
			offerId: offerId ?? null,
			organisationId: offerId === undefined ? (organisationId ?? null) : null,
			choices,
			endingName:
				ending && 'organisationId' in ending
					? (choices.organisations.find((o) => o.id === ending.organisationId)?.name ?? null)
					: null,
			result: ending ? await whatIf(locals.db, user, ending, locals.locale) : null
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};
