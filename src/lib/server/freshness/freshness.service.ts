import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../accounts/audit.service.js';
import { can, type Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { queueMail } from '../mail/mail.service.js';
import { VerificationLinkError } from './freshness.errors.js';
import { reminderMail } from './freshness.mail.js';
import {
	claimReminder,
	findOffersDueForReminder,
	findPartnerEditors,
	findUnverifiedSince,
	findVerificationToken,
	insertVerificationToken,
	markOfferVerified,
	useOpenTokensOf,
	useVerificationToken
} from './freshness.repository.js';
import {
	freshnessCutoffs,
	freshnessOf,
	type Freshness,
	type FreshnessConfig
} from './freshness.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { addMonths } from '../../shared/time/instants.js';

export interface ReminderConfig extends FreshnessConfig {
	/** Public origin of the app, for the links in the mail. */
	origin: string;
}

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');
const address = z.string().trim().email().max(200);

/** Who is asked: the organisation's partner editors, else its general address. */
async function reminderRecipients(
	db: Db,
	organisationId: number,
	organisationEmail: string | null
): Promise<string[]> {
	const editors = (await findPartnerEditors(db, organisationId)).map((editor) => editor.email);
	const candidates = editors.length ? editors : [organisationEmail ?? ''];
	// A malformed stored address must not stop the reminders of every other offer.
	return [...new Set(candidates.filter((candidate) => address.safeParse(candidate).success))];
}

/**
 * Asks the owners of offers not verified for the reminder period to confirm them: one link per
 * offer, one mail per recipient. Once per verification, and again when that link has expired
 * (one more period later). Safe to run repeatedly and from several processes. Offers without
 * any recipient are skipped and tried again next run.
 */
export async function sendVerificationReminders(
	db: Kysely<DB>,
	config: ReminderConfig,
	now = new Date()
): Promise<{ reminded: number; skipped: number }> {
	const { dueBefore } = freshnessCutoffs(config, now);
	const due = await findOffersDueForReminder(db, dueBefore.toISOString(), berlinToday(now));
	let reminded = 0;
	let skipped = 0;
	for (const offer of due) {
		const recipients = await reminderRecipients(db, offer.organisationId, offer.organisationEmail);
		if (recipients.length === 0) {
			skipped++;
			continue;
		}
		const token = randomBytes(32).toString('base64url');
		const lastVerifiedAt = new Date(offer.lastVerifiedAt);
		const expiresAt = addMonths(now, config.freshnessReminderMonths);
		const mail = reminderMail({
			title: offer.title,
			organisationName: offer.organisationName,
			lastVerifiedAt,
			outdatedFrom: addMonths(
				lastVerifiedAt,
				config.freshnessReminderMonths + config.freshnessOutdatedMonths
			),
			linkExpiresAt: expiresAt,
			confirmLink: `${config.origin}/de/verify-offer/${token}`,
			offerLink: `${config.origin}/de/offers/${offer.slug}`,
			loginLink: `${config.origin}/de/login`
		});
		const sent = await db.transaction().execute(async (trx) => {
			if (!(await claimReminder(trx, offer, dueBefore.toISOString(), now.toISOString())))
				return false;
			await insertVerificationToken(trx, {
				id: tokenId(token),
				offerId: offer.id,
				createdAt: now.toISOString(),
				expiresAt: expiresAt.toISOString(),
				usedAt: null
			});
			for (const to of recipients) await queueMail(trx, { to, ...mail }, now);
			return true;
		});
		if (sent) reminded++;
	}
	return { reminded, skipped };
}

export interface VerificationLink {
	offerId: number;
	title: string;
	organisationName: string;
	/** Slug of the public page, null when the offer is not published (any more). */
	publicSlug: string | null;
	lastVerifiedAt: string;
}

// Tokens are 43 base64url characters; anything else is not worth a database look-up.
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{20,100}$/;

async function openLink(db: Db, token: string, now: Date) {
	if (!TOKEN_FORMAT.test(token)) throw new VerificationLinkError('unknown');
	const stored = await findVerificationToken(db, tokenId(token));
	if (!stored) throw new VerificationLinkError('unknown');
	if (stored.usedAt) throw new VerificationLinkError('used');
	if (stored.expiresAt <= now.toISOString()) throw new VerificationLinkError('expired');
	return stored;
}

function toLink(stored: Awaited<ReturnType<typeof openLink>>): VerificationLink {
	return {
		offerId: stored.offerId,
		title: stored.title,
		organisationName: stored.organisationName,
		publicSlug: stored.status === 'published' ? stored.slug : null,
		lastVerifiedAt: stored.lastVerifiedAt
	};
}

/** What a link would confirm; changes nothing, since mail scanners open links on their own. */
export async function readVerificationLink(
	db: Db,
	token: string,
	now = new Date()
): Promise<VerificationLink> {
	return toLink(await openLink(db, token, now));
}

/** The owner's "still correct": the offer counts as verified now, and the link is spent. */
export async function confirmStillCorrect(
	db: Kysely<DB>,
	token: string,
	now = new Date()
): Promise<VerificationLink> {
	const stored = await openLink(db, token, now);
	const at = now.toISOString();
	await db.transaction().execute(async (trx) => {
		// Two clicks at once: only the first one confirms.
		if (!(await useVerificationToken(trx, stored.id, at))) throw new VerificationLinkError('used');
		await markOfferVerified(trx, stored.offerId, at);
		await useOpenTokensOf(trx, stored.offerId, at);
		await recordAudit(
			trx,
			{
				districtId: stored.districtId,
				userId: null,
				action: 'offer.verified_by_link',
				entity: 'offer',
				entityId: stored.offerId,
				before: { lastVerifiedAt: stored.lastVerifiedAt },
				after: { lastVerifiedAt: at }
			},
			now
		);
	});
	return { ...toLink(stored), lastVerifiedAt: at };
}

export interface StaleOffer {
	id: number;
	title: string;
	/** Slug of the public page. */
	slug: string;
	lastVerifiedAt: string;
	remindedAt: string | null;
	freshness: Exclude<Freshness, 'fresh'>;
}

export interface StaleOrganisation {
	organisationId: number;
	organisationName: string;
	offers: StaleOffer[];
}

/**
 * Published offers due for verification or possibly outdated, per organisation. Staff see their
 * district; partner editors only their own organisations, because an owner's lapse is internal.
 */
export async function listStaleOffers(
	db: Db,
	actor: Actor,
	config: FreshnessConfig,
	now = new Date()
): Promise<StaleOrganisation[]> {
	const { dueBefore } = freshnessCutoffs(config, now);
	const rows = await findUnverifiedSince(
		db,
		{
			districtId: actor.districtId,
			organisationIds: actor.role === 'partner_editor' ? actor.organisationIds : null
		},
		dueBefore.toISOString(),
		berlinToday(now)
	);
	const groups = new Map<number, StaleOrganisation>();
	for (const row of rows) {
		// Read as unpublished: the freshness of another organisation's offer is not public.
		const scope = { districtId: row.districtId, organisationId: row.organisationId };
		if (!can(actor, 'read', { ...scope, published: false })) continue;
		let group = groups.get(row.organisationId);
		if (!group) {
			group = {
				organisationId: row.organisationId,
				organisationName: row.organisationName,
				offers: []
			};
			groups.set(row.organisationId, group);
		}
		group.offers.push({
			id: row.id,
			title: row.title,
			slug: row.slug,
			lastVerifiedAt: row.lastVerifiedAt,
			remindedAt: row.verificationRemindedAt,
			freshness:
				freshnessOf(row.lastVerifiedAt, config, now) === 'may_be_outdated'
					? 'may_be_outdated'
					: 'due'
		});
	}
	return [...groups.values()];
}
