import type { Kysely, Transaction } from 'kysely';
import type { DB, Db } from '../db/schema.js';
import { authorize, type Action, type Actor } from '../accounts/authorization.js';
import { recordAudit } from '../accounts/audit.service.js';
import { textSearchFor } from '../db/text-search.js';
import { queueMail } from '../mail/mail.service.js';
import { staffMail } from '../mail/staff-mail.js';
import { deleteAllTranslations, upsertTranslation } from '../translations/translations.service.js';
import { loadLiveContent, translationIssues, type OfferContent } from './offer-content.js';
import { OfferNotFoundError, OfferValidationError, WorkflowError } from './offers.errors.js';
import { deleteOfferRow, markOffersChanged, updateOfferRow } from './offers.repository.js';
import {
	createOfferIn,
	reindexOffer,
	replaceOfferContentIn,
	validateOffer
} from './offers.service.js';
import { findOrganisationDistrict } from '../organisations/organisations.service.js';
import {
	findActiveUser,
	findOpenRevision,
	findReviewerEmails,
	findSlug,
	insertRevision,
	updateRevision,
	type Revision
} from './revisions.repository.js';
import type { RevisionState } from './revisions.table.js';

/**
 * The review workflow: draft → submitted → published, or changes requested with a comment and
 * back to the author; archived at the end. Every edit is a revision; the offers row only takes a
 * revision's content when a coordinator approves it, so the public keeps seeing the published
 * version meanwhile.
 */
export type Editor = Actor & { id: number };

export const REVIEW_COMMENT_MAX = 2000;

interface OfferScope {
	id: number;
	districtId: number;
	organisationId: number;
	status: string;
}

async function findScope(db: Db, offerId: number): Promise<OfferScope> {
	const offer = await db
		.selectFrom('offers')
		.select(['id', 'districtId', 'organisationId', 'status'])
		.where('id', '=', offerId)
		.executeTakeFirst();
	if (!offer) throw new OfferNotFoundError(offerId);
	return offer;
}

function authorizeOn(actor: Actor, action: Action, offer: OfferScope) {
	authorize(actor, action, {
		districtId: offer.districtId,
		organisationId: offer.organisationId,
		published: offer.status === 'published'
	});
}

/** Validates a whole content (offer and translations) before anything is written. */
function checkContent(content: OfferContent): OfferContent {
	const offer = validateOffer({ ...content.offer, status: 'draft' });
	const issues = translationIssues(content.translations);
	if (issues.length) throw new OfferValidationError(issues);
	return { offer, translations: content.translations };
}

/** May the editor put an offer into this organisation? (Partners: only their own.) */
async function authorizeOrganisation(db: Db, editor: Editor, organisationId: number) {
	const districtId = await findOrganisationDistrict(db, organisationId);
	authorize(editor, 'create', {
		districtId: districtId ?? -1,
		organisationId,
		published: false
	});
}

/** A new offer as a draft with its first revision; not public until approved. */
export async function createOfferDraft(
	db: Kysely<DB>,
	editor: Editor,
	content: OfferContent,
	now = new Date()
): Promise<number> {
	const checked = checkContent(content);
	await authorizeOrganisation(db, editor, checked.offer.organisationId);
	return db.transaction().execute(async (trx) => {
		const offerId = await createOfferIn(trx, { ...checked.offer, status: 'draft' }, now);
		await storeTranslations(trx, offerId, checked, now.toISOString());
		await reindexOffer(trx, offerId);
		await insertRevision(trx, {
			offerId,
			content: checked,
			authorId: editor.id,
			at: now.toISOString()
		});
		await recordAudit(
			trx,
			{
				districtId: editor.districtId,
				userId: editor.id,
				action: 'offer.create',
				entity: 'offer',
				entityId: offerId,
				after: checked
			},
			now
		);
		return offerId;
	});
}

/**
 * Saves the editor's content as the open revision (a new one when none is open). A submitted
 * revision goes back to draft: it changed after the coordinator was asked to review it.
 */
export async function saveOfferDraft(
	db: Kysely<DB>,
	editor: Editor,
	offerId: number,
	content: OfferContent,
	now = new Date()
): Promise<void> {
	const checked = checkContent(content);
	const offer = await findScope(db, offerId);
	authorizeOn(editor, 'edit', offer);
	if (checked.offer.organisationId !== offer.organisationId)
		await authorizeOrganisation(db, editor, checked.offer.organisationId);
	const at = now.toISOString();
	await db.transaction().execute(async (trx) => {
		const open = await findOpenRevision(trx, offerId);
		if (open)
			await updateRevision(trx, open.id, {
				content: checked,
				state: 'draft',
				authorId: editor.id,
				at
			});
		else await insertRevision(trx, { offerId, content: checked, authorId: editor.id, at });
		await recordAudit(
			trx,
			{
				districtId: offer.districtId,
				userId: editor.id,
				action: 'offer.edit',
				entity: 'offer',
				entityId: offerId,
				before: open?.content ?? null,
				after: checked
			},
			now
		);
	});
}

interface WorkflowStep {
	action: Action;
	from: RevisionState[];
	audit: 'offer.submit' | 'offer.request_changes' | 'offer.approve';
	/** The reviewer's note, for the author's mail. */
	comment?: string;
}

/** When a step happens and where the mailed links point (the app's public origin). */
export interface StepOptions {
	now?: Date;
	origin?: string;
}

async function transition(
	db: Kysely<DB>,
	editor: Editor,
	offerId: number,
	step: WorkflowStep,
	apply: (trx: Transaction<DB>, open: Revision, offer: OfferScope, at: string) => Promise<void>,
	{ now = new Date(), origin = 'http://localhost:3000' }: StepOptions
): Promise<void> {
	const offer = await findScope(db, offerId);
	authorizeOn(editor, step.action, offer);
	await db.transaction().execute(async (trx) => {
		const open = await findOpenRevision(trx, offerId);
		if (!open || !step.from.includes(open.state))
			throw new WorkflowError('wrong_state', open?.state ?? offer.status);
		await apply(trx, open, offer, now.toISOString());
		await notify(trx, { step, offer, revision: open, editor, origin }, now);
		await recordAudit(
			trx,
			{
				districtId: offer.districtId,
				userId: editor.id,
				action: step.audit,
				entity: 'offer',
				entityId: offerId,
				after: { revision: open.number }
			},
			now
		);
	});
}

/** Asks the coordination office to review the open revision. */
export function submitOffer(
	db: Kysely<DB>,
	editor: Editor,
	offerId: number,
	options: StepOptions = {}
) {
	return transition(
		db,
		editor,
		offerId,
		{ action: 'submit', from: ['draft', 'changes_requested'], audit: 'offer.submit' },
		(trx, open, _offer, at) =>
			updateRevision(trx, open.id, { state: 'submitted', submittedAt: at, at }),
		options
	);
}

/** Sends a submitted revision back to its author with what to change. */
export function requestChanges(
	db: Kysely<DB>,
	editor: Editor,
	offerId: number,
	comment: string,
	options: StepOptions = {}
) {
	const text = comment.trim();
	if (!text) throw new WorkflowError('comment_required');
	if (text.length > REVIEW_COMMENT_MAX) throw new WorkflowError('comment_too_long');
	return transition(
		db,
		editor,
		offerId,
		{ action: 'approve', from: ['submitted'], audit: 'offer.request_changes', comment: text },
		(trx, open, _offer, at) =>
			updateRevision(trx, open.id, {
				state: 'changes_requested',
				reviewComment: text,
				reviewerId: editor.id,
				reviewedAt: at,
				at
			}),
		options
	);
}

/** Publishes a submitted revision: its content replaces the public version. */
export function approveOffer(
	db: Kysely<DB>,
	editor: Editor,
	offerId: number,
	options: StepOptions = {}
) {
	return transition(
		db,
		editor,
		offerId,
		{ action: 'approve', from: ['submitted'], audit: 'offer.approve' },
		async (trx, open, _offer, at) => {
			await replaceOfferContentIn(
				trx,
				offerId,
				{ ...open.content.offer, status: 'published' },
				new Date(at)
			);
			await storeTranslations(trx, offerId, open.content, at);
			await updateOfferRow(trx, offerId, { status: 'published', lastVerifiedAt: at });
			await reindexOffer(trx, offerId);
			await markOffersChanged(trx);
			await updateRevision(trx, open.id, {
				state: 'approved',
				reviewerId: editor.id,
				reviewedAt: at,
				at
			});
		},
		options
	);
}

/** Takes an offer off the portal; its history stays. */
export async function archiveOffer(
	db: Kysely<DB>,
	editor: Editor,
	offerId: number,
	now = new Date()
) {
	const offer = await findScope(db, offerId);
	authorizeOn(editor, 'archive', offer);
	await db.transaction().execute(async (trx) => {
		await updateOfferRow(trx, offerId, { status: 'archived', updatedAt: now.toISOString() });
		await markOffersChanged(trx);
		await recordAudit(
			trx,
			{
				districtId: offer.districtId,
				userId: editor.id,
				action: 'offer.archive',
				entity: 'offer',
				entityId: offerId,
				before: { status: offer.status },
				after: { status: 'archived' }
			},
			now
		);
	});
}

/** The translations of a content become the offer's stored translations. */
async function storeTranslations(
	trx: Transaction<DB>,
	offerId: number,
	content: OfferContent,
	updatedAt: string
) {
	await deleteAllTranslations(trx, 'offer', offerId);
	for (const [locale, fields] of Object.entries(content.translations))
		for (const [field, text] of Object.entries(fields ?? {}))
			await upsertTranslation(trx, {
				entity: 'offer',
				entityId: offerId,
				locale,
				field,
				value: text.value,
				status: text.status,
				sourceHash: text.basedOn,
				updatedAt
			});
}

/** Who hears of a step: coordinators of a submission, the author of a review's outcome. */
async function notify(
	trx: Transaction<DB>,
	event: {
		step: WorkflowStep;
		offer: OfferScope;
		revision: Revision;
		editor: Editor;
		origin: string;
	},
	now: Date
) {
	const { step, offer, revision, editor, origin } = event;
	const title = revision.content.offer.title;
	const subjectSuffix = ` – ${title}`;
	const link = `${origin}/de/office/offers/${offer.id}`;
	if (step.audit === 'offer.submit') {
		const name = (await findActiveUser(trx, editor.id))?.name ?? '';
		const mail = staffMail('mail.offerSubmitted', { title, name, link }, subjectSuffix);
		for (const to of await findReviewerEmails(trx, offer.districtId))
			await queueMail(trx, { to, ...mail }, now);
		return;
	}
	// Reviewing one's own change needs no mail to oneself.
	if (revision.authorId === editor.id) return;
	const author = await findActiveUser(trx, revision.authorId);
	if (!author) return;
	const mail =
		step.audit === 'offer.request_changes'
			? staffMail(
					'mail.offerChangesRequested',
					{ title, comment: step.comment ?? '', link },
					subjectSuffix
				)
			: staffMail(
					'mail.offerApproved',
					{ title, link: `${origin}/de/offers/${await findSlug(trx, offer.id)}` },
					subjectSuffix
				);
	await queueMail(trx, { to: author.email, ...mail }, now);
}

/** Removes an offer with its history for good (administrators only); the audit keeps its last state. */
export async function deleteOffer(
	db: Kysely<DB>,
	editor: Editor,
	offerId: number,
	now = new Date()
) {
	const offer = await findScope(db, offerId);
	authorizeOn(editor, 'delete', offer);
	const before = await loadLiveContent(db, offerId);
	await db.transaction().execute(async (trx) => {
		await deleteAllTranslations(trx, 'offer', offerId);
		await textSearchFor(trx).remove(trx, offerId);
		await deleteOfferRow(trx, offerId);
		await markOffersChanged(trx);
		await recordAudit(
			trx,
			{
				districtId: offer.districtId,
				userId: editor.id,
				action: 'offer.delete',
				entity: 'offer',
				entityId: offerId,
				before
			},
			now
		);
	});
}
