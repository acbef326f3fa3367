import { join } from 'node:path';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { CommitteeEditor } from '../committees/committee-access.js';
import {
	addMember,
	createTerm,
	linkOffer,
	recordFigures
} from '../committees/committee-parts.service.js';
import {
	committeeInputSchema,
	COMMITTEE_OFFER_KINDS,
	figuresInputSchema,
	MEMBER_ROLES
} from '../committees/committees.schema.js';
import { createCommittee, listCommittees } from '../committees/committees.service.js';
import type { DB } from '../db/schema.js';
import { listContacts } from '../directory/contacts.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { lookUp, organisationIdsBySlug } from './demo.lookup.js';
import { readJson } from './demo.seed.js';

/**
 * The demo's committee register (content/demo/committees.json), built through the committees
 * context as the demo's coordinator. Terms of office start on 1 May a number of years before
 * the seeding day, so there is always a current and a previous one; members (people of the
 * demo directory with their consent for committee work, by e-mail) sit in the current term;
 * figures are recorded in the September after a term began, or today if that is still ahead.
 */
const committeeShape = committeeInputSchema.shape;
// The counts' own rules; the sums are checked when the figures are recorded.
const figures = z.object(figuresInputSchema.shape).omit({ recordedOn: true });

const demoCommitteesSchema = z.object({
	committees: z.array(
		z.object({
			key: z.string().min(1),
			name: committeeShape.name,
			type: committeeShape.type,
			body: committeeShape.body,
			organisation: z.string().optional(),
			seats: committeeShape.seats,
			meetingRhythm: committeeShape.meetingRhythm,
			contactText: committeeShape.contactText,
			description: committeeShape.description,
			isPublic: committeeShape.isPublic,
			/** Newest first: the first is the current term, where the members sit. */
			terms: z
				.array(
					z.object({
						startsYearsAgo: z.number().int().min(0).max(30),
						years: z.number().int().min(1).max(10),
						seats: z.number().int().positive().optional(),
						figures: figures.optional()
					})
				)
				.min(1),
			members: z.array(z.object({ email: z.email(), role: z.enum(MEMBER_ROLES) })).default([]),
			offers: z
				.array(z.object({ offer: z.string(), kind: z.enum(COMMITTEE_OFFER_KINDS) }))
				.default([])
		})
	)
});
type DemoCommittee = z.infer<typeof demoCommitteesSchema>['committees'][number];

interface Refs {
	organisationIds: Map<string, number>;
	offerIds: Map<string, number>;
	contactIds: Map<string, number>;
	today: string;
	now: Date;
}

export async function seedDemoCommittees(
	trx: Transaction<DB>,
	contentDir: string,
	coordinator: CommitteeEditor,
	offerIds: Map<string, number>,
	now = new Date()
): Promise<void> {
	if ((await listCommittees(trx, coordinator, undefined, now)).length) return;
	const file = join(contentDir, 'demo', 'committees.json');
	const { committees } = await readJson(file, demoCommitteesSchema);
	const contacts = await listContacts(trx, coordinator, {
		q: '',
		organisationId: null,
		actionField: null,
		language: null,
		consent: null
	});
	const refs: Refs = {
		organisationIds: await organisationIdsBySlug(trx),
		offerIds,
		contactIds: new Map(
			contacts.flatMap((contact) =>
				contact.contactData?.email ? [[contact.contactData.email, contact.id] as const] : []
			)
		),
		today: berlinToday(now),
		now
	};
	for (const committee of committees) {
		try {
			await seedCommittee(trx, coordinator, committee, refs);
		} catch (failure) {
			throw new Error(`${file}: committee "${committee.key}": ${String(failure)}`, {
				cause: failure
			});
		}
	}
}

async function seedCommittee(
	trx: Transaction<DB>,
	coordinator: CommitteeEditor,
	committee: DemoCommittee,
	refs: Refs
): Promise<void> {
	const { now, today } = refs;
	const { organisation, terms, members, offers } = committee;
	const committeeId = await createCommittee(
		trx,
		coordinator,
		{
			name: committee.name,
			type: committee.type,
			body: committee.body,
			seats: committee.seats,
			meetingRhythm: committee.meetingRhythm,
			contactText: committee.contactText,
			description: committee.description,
			isPublic: committee.isPublic,
			organisationId: organisation
				? lookUp(refs.organisationIds, organisation, 'organisation')
				: null,
			contactId: null
		},
		now
	);
	const year = Number(today.slice(0, 4));
	for (const [index, term] of terms.entries()) {
		const startYear = year - term.startsYearsAgo;
		const termId = await createTerm(
			trx,
			coordinator,
			committeeId,
			{
				startsOn: `${startYear}-05-01`,
				endsOn: `${startYear + term.years}-04-30`,
				seats: term.seats ?? null
			},
			now
		);
		if (index === 0)
			for (const member of members)
				await addMember(
					trx,
					coordinator,
					termId,
					{
						contactId: lookUp(refs.contactIds, member.email, 'contact'),
						role: member.role,
						fromOn: null,
						toOn: null
					},
					now
				);
		if (term.figures) {
			const surveyed = `${startYear}-09-15`;
			await recordFigures(
				trx,
				coordinator,
				termId,
				{ recordedOn: surveyed < today ? surveyed : today, ...term.figures },
				now
			);
		}
	}
	for (const { offer, kind } of offers)
		await linkOffer(
			trx,
			coordinator,
			committeeId,
			{ offerId: lookUp(refs.offerIds, offer, 'offer'), kind },
			now
		);
}
