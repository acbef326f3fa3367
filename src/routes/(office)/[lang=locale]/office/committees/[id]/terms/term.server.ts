import { getCommittee } from '$lib/server/committees/committees.service';
import { TermNotFoundError } from '$lib/server/committees/committees.errors';
import { idParam } from '$lib/server/http/route-guards';
import type { SignedInUser } from '$lib/server/accounts/sessions.service';

/** The committee and its term in the address, checked to belong together. */
export async function committeeTerm(
	locals: App.Locals,
	user: SignedInUser,
	params: { id: string; termId: string }
) {
	const termId = idParam(params.termId, 'office.committees.term.notFound');
	const committee = await getCommittee(
		locals.db,
		user,
		idParam(params.id, 'office.committees.notFound')
	);
	const term = committee.terms.find((candidate) => candidate.id === termId);
	if (!term) throw new TermNotFoundError(termId);
	return { committee, term };
}
