import type { Db } from '../db/schema.js';
import { authorize, can, type Actor } from '../accounts/authorization.js';
import { listDistricts, listPlaces } from '../places/places.service.js';
import { loadLiveContent, type OfferContent } from './offer-content.js';
import { diffContent, type DiffNames, type FieldChange } from './offer-diff.js';
import { OfferNotFoundError } from './offers.errors.js';
import { REPEATS } from './offer-form.js';
import {
	ACCESS_KINDS,
	ACCESSIBILITY_FEATURES,
	EXIT_LEVELS,
	LANGUAGE_LEVELS,
	TARGET_GROUPS,
	type OfferInput
} from './offers.schema.js';
import { DELIVERY_LANGUAGES } from '../organisations/organisations.schema.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { materialisedDates } from './offers.service.js';
import type { Occurrence } from './schedule.js';
import { InvalidRecurrenceError } from '../../shared/time/recurrence.js';
import { listOrganisationNames } from '../organisations/organisations.service.js';
import {
	findApprovedBase,
	findOfferList,
	findOpenRevision,
	findRevisions,
	type OfferListRow
} from './revisions.repository.js';
import type { RevisionState } from './revisions.table.js';

/** The back office's read side of offers: lists, the edit form's content, the history. */

export interface OfferOnDesk {
	id: number;
	slug: string;
	organisationId: number;
	status: string;
	/** The open revision's state, or null when the offers row is all there is. */
	openState: RevisionState | null;
	reviewComment: string | null;
	/** The open revision's content, else the published (or first draft) version. */
	content: OfferContent;
	/** What the open revision changes against the approved version; null without an open one. */
	changes: FieldChange[] | null;
	may: { edit: boolean; submit: boolean; approve: boolean; archive: boolean; delete: boolean };
}

async function scoped(db: Db, actor: Actor, offerId: number) {
	const offer = await db
		.selectFrom('offers')
		.select(['id', 'slug', 'districtId', 'organisationId', 'status'])
		.where('id', '=', offerId)
		.executeTakeFirst();
	if (!offer) throw new OfferNotFoundError(offerId);
	const scope = {
		districtId: offer.districtId,
		organisationId: offer.organisationId,
		published: offer.status === 'published'
	};
	authorize(actor, 'read', scope);
	return { offer, scope };
}

export async function offerOnDesk(db: Db, actor: Actor, offerId: number): Promise<OfferOnDesk> {
	const { offer, scope } = await scoped(db, actor, offerId);
	const open = await findOpenRevision(db, offerId);
	const content = open?.content ?? (await loadLiveContent(db, offerId))!;
	const base = open && (await findApprovedBase(db, offerId));
	const changes = open
		? diffContent(base?.content ?? null, open.content, await diffNames(db, offer.districtId))
		: null;
	const may = (action: 'edit' | 'submit' | 'approve' | 'archive' | 'delete') =>
		can(actor, action, scope);
	return {
		id: offer.id,
		slug: offer.slug,
		organisationId: offer.organisationId,
		status: offer.status,
		openState: open?.state ?? null,
		reviewComment: open?.state === 'changes_requested' ? open.reviewComment : null,
		content,
		changes,
		may: {
			// Editing an archived offer and having the change approved publishes it again.
			edit: may('edit'),
			submit: may('submit') && (open?.state === 'draft' || open?.state === 'changes_requested'),
			approve: may('approve') && open?.state === 'submitted',
			archive: may('archive') && offer.status !== 'archived',
			delete: may('delete')
		}
	};
}

/** The offers an actor works on: partners their organisations', staff their district's. */
export async function listDeskOffers(
	db: Db,
	actor: Actor,
	options: { openState?: RevisionState } = {}
): Promise<OfferListRow[]> {
	return findOfferList(db, actor.districtId, {
		...(actor.role === 'partner_editor' ? { organisationIds: actor.organisationIds } : {}),
		...options
	});
}

/** Submitted revisions waiting for a coordinator, oldest change last. */
export async function reviewQueue(db: Db, actor: Actor): Promise<OfferListRow[]> {
	authorize(actor, 'approve', {
		districtId: actor.districtId,
		organisationId: 0,
		published: false
	});
	return listDeskOffers(db, actor, { openState: 'submitted' });
}

export interface HistoryEntry {
	number: number;
	state: RevisionState;
	authorName: string | null;
	reviewerName: string | null;
	reviewComment: string | null;
	createdAt: string;
	submittedAt: string | null;
	reviewedAt: string | null;
	/** Against the previously approved version (the first revision against nothing). */
	changes: FieldChange[];
}

/** Names of the places and the district's organisations a diff mentions. */
async function diffNames(db: Db, districtId: number): Promise<DiffNames> {
	const [places, organisations] = await Promise.all([
		listPlaces(db),
		listOrganisationNames(db, districtId)
	]);
	const placeNames = new Map(places.map((place) => [place.id, place.name]));
	const organisationNames = new Map(organisations.map((org) => [org.id, org.name]));
	return {
		place: (id) => placeNames.get(id) ?? '?',
		organisation: (id) => organisationNames.get(id) ?? '?'
	};
}

/** Every revision, newest first, each with what it changes. */
export async function offerHistory(db: Db, actor: Actor, offerId: number): Promise<HistoryEntry[]> {
	const { offer } = await scoped(db, actor, offerId);
	const [revisions, names] = await Promise.all([
		findRevisions(db, offerId),
		diffNames(db, offer.districtId)
	]);
	let approved: OfferContent | null = null;
	const entries: HistoryEntry[] = [];
	for (const revision of revisions) {
		entries.push({
			number: revision.number,
			state: revision.state,
			authorName: revision.authorName,
			reviewerName: revision.reviewerName,
			reviewComment: revision.reviewComment,
			createdAt: revision.createdAt,
			submittedAt: revision.submittedAt,
			reviewedAt: revision.reviewedAt,
			changes: diffContent(approved, revision.content, names)
		});
		if (revision.state === 'approved') approved = revision.content;
	}
	return entries.reverse();
}

/** The codes the form lets people choose from; labels come from the message catalogue. */
const OFFER_VOCABULARY = {
	actionFields: ACTION_FIELDS,
	targetGroups: TARGET_GROUPS,
	languages: DELIVERY_LANGUAGES,
	languageLevels: LANGUAGE_LEVELS,
	exitLevels: EXIT_LEVELS,
	access: ACCESS_KINDS,
	accessibility: ACCESSIBILITY_FEATURES,
	repeats: REPEATS
};

export interface OfferFormOptions {
	organisations: { id: number; name: string }[];
	vocabulary: typeof OFFER_VOCABULARY;
	/** Places by district, for the address's municipality. */
	districts: { name: string; places: { id: number; name: string }[] }[];
}

/** What the offer form offers to choose: the organisations the actor may create offers for. */
export async function offerFormOptions(db: Db, actor: Actor): Promise<OfferFormOptions> {
	const [organisations, places, districts] = await Promise.all([
		listOrganisationNames(db, actor.districtId),
		listPlaces(db),
		listDistricts(db)
	]);
	return {
		vocabulary: OFFER_VOCABULARY,
		organisations:
			actor.role === 'partner_editor'
				? organisations.filter((org) => actor.organisationIds.includes(org.id))
				: organisations,
		districts: districts.map((district) => ({
			name: district.name,
			places: places
				.filter((place) => place.districtId === district.id)
				.map((place) => ({ id: place.id, name: place.name }))
		}))
	};
}

/** The next dates a schedule produces from today, for the preview beside the form. */
export function previewDates(offer: OfferInput, now = new Date(), count = 6): Occurrence[] {
	if (offer.schedule.kind === 'appointment') return [];
	try {
		return materialisedDates(offer.schedule.entries, now).slice(0, count);
	} catch (failure) {
		if (failure instanceof InvalidRecurrenceError) return [];
		throw failure;
	}
}
