import { can, type Actor } from '../accounts/authorization.js';

/**
 * The list of submitted offers means two things: for those who approve, the review queue; for a
 * partner, their own changes waiting for the coordination office. Pages label it accordingly.
 */
export type SubmittedList = 'reviewQueue' | 'mySubmitted';

export function submittedListOf(actor: Actor): SubmittedList {
	const reviews = can(actor, 'approve', {
		districtId: actor.districtId,
		organisationId: 0,
		published: false
	});
	return reviews ? 'reviewQueue' : 'mySubmitted';
}
