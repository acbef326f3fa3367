import type { Db } from '../db/schema.js';
import { listPublicCommittees } from '../committees/public-committees.service.js';
import { listDistricts } from '../places/places.service.js';
import type { CommitteeList } from './committee-schemas.js';

/**
 * `GET /committees`: the committees the districts mark public, with their representation
 * figures as the committees context lets them out (suppressed), never members.
 */
export async function listCommitteesApi(
	db: Db,
	params: URLSearchParams,
	origin: string,
	now = new Date()
): Promise<CommitteeList> {
	const asked = params.get('district');
	const districts = (await listDistricts(db)).filter(
		(district) => !asked || district.slug === asked
	);
	const items: CommitteeList['items'] = [];
	for (const district of districts)
		for (const committee of await listPublicCommittees(db, district.id, 'de', now))
			items.push({
				district: district.slug,
				slug: committee.slug,
				name: committee.name,
				type: committee.type,
				body: committee.body,
				seats: committee.seats,
				meetingRhythm: committee.meetingRhythm,
				description: committee.description,
				contact: committee.contact,
				currentTerm: committee.currentTerm,
				offers: committee.offers.map(({ kind, offer }) => ({
					slug: offer.slug,
					title: offer.title.text,
					kind,
					url: `${origin}/de/offers/${encodeURIComponent(offer.slug)}`
				})),
				figures: committee.figures.map((term) => ({
					termStartsOn: term.termStartsOn,
					termEndsOn: term.termEndsOn,
					recordedOn: term.recordedOn,
					...term.figures.counts
				}))
			});
	return { items };
}
