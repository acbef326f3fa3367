import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import {
	findActiveFeeds,
	findContactName,
	findFeed,
	findFeedByTokenHash,
	findNetworkIdsOfContact,
	insertFeed,
	revokeFeedRow
} from './calendar-feeds.repository.js';
import { hashToken, newToken } from './invitation-mail.js';
import { findInvitedMeetingIds } from './invitees.repository.js';
import { feedCalendar } from './meeting-ics.js';
import { findMeetingRowsById } from './meetings.repository.js';
import { loadMeetingsOfNetworks } from './meetings.service.js';
import { authorizeInNetwork } from '../networks/network-access.js';
import { NetworkValidationError } from '../networks/networks.errors.js';
import { FeedNotFoundError } from './meetings.errors.js';
import { findNetworkRow, networkScope, type NetworkActor } from '../networks/networks.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';

/**
 * Subscribable .ics feeds with a secret token, per network or per person. The token is shown
 * once when the feed is made; only its hash is stored, and revoking a feed ends the URL.
 */
export type FeedTarget = { networkId: number } | { contactId: number };

async function authorizeTarget(db: Db, actor: Actor, target: FeedTarget, now: Date) {
	if ('networkId' in target) {
		authorizeInNetwork(actor, 'manage', await networkScope(db, target.networkId, now));
		return;
	}
	const contact = await findContactName(db, target.contactId);
	if (!contact || contact.anonymisedAt)
		throw new NetworkValidationError([{ path: 'contactId', code: 'unknown' }]);
	authorizeInNetwork(actor, 'manage', {
		districtId: contact.districtId,
		memberOrganisationIds: []
	});
}

export async function createFeed(
	db: Kysely<DB>,
	actor: NetworkActor,
	target: FeedTarget,
	now = new Date()
): Promise<{ id: number; token: string }> {
	await authorizeTarget(db, actor, target, now);
	const token = newToken();
	return db.transaction().execute(async (trx) => {
		const id = await insertFeed(trx, {
			tokenHash: hashToken(token),
			networkId: 'networkId' in target ? target.networkId : null,
			contactId: 'contactId' in target ? target.contactId : null,
			createdBy: actor.id,
			createdAt: now.toISOString()
		});
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'calendar_feed.create',
				entity: 'calendar_feed',
				entityId: id,
				after: target
			},
			now
		);
		return { id, token };
	});
}

export async function revokeFeed(
	db: Kysely<DB>,
	actor: NetworkActor,
	feedId: number,
	now = new Date()
): Promise<void> {
	const feed = await findFeed(db, feedId);
	if (!feed || feed.revokedAt) throw new FeedNotFoundError();
	await authorizeTarget(
		db,
		actor,
		feed.networkId !== null ? { networkId: feed.networkId } : { contactId: feed.contactId! },
		now
	);
	await db.transaction().execute(async (trx) => {
		await revokeFeedRow(trx, feedId, now.toISOString());
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'calendar_feed.revoke',
				entity: 'calendar_feed',
				entityId: feedId
			},
			now
		);
	});
}

/** Active feeds of a network and of its person members, for the network page (staff). */
export async function listFeeds(
	db: Db,
	actor: Actor,
	networkId: number,
	contactIds: readonly number[],
	now = new Date()
) {
	authorizeInNetwork(actor, 'manage', await networkScope(db, networkId, now));
	return findActiveFeeds(db, networkId, contactIds);
}

// Tokens are 43 base64url characters; anything else is not worth a database look-up.
const TOKEN = /^[\w-]{43}$/;

/** The calendar behind a feed token: all meetings, cancelled ones as STATUS:CANCELLED. */
export async function feedByToken(
	db: Db,
	token: string,
	now = new Date()
): Promise<{ filename: string; calendar: string }> {
	const feed = TOKEN.test(token) ? await findFeedByTokenHash(db, hashToken(token)) : undefined;
	if (!feed || feed.revokedAt) throw new FeedNotFoundError();
	if (feed.networkId !== null) {
		const network = await findNetworkRow(db, feed.networkId);
		if (!network) throw new FeedNotFoundError();
		const meetings = await loadMeetingsOfNetworks(db, [feed.networkId], now);
		return {
			filename: `netzwerk-${feed.networkId}.ics`,
			calendar: feedCalendar(network.name, meetings)
		};
	}
	const contact = await findContactName(db, feed.contactId!);
	if (!contact || contact.anonymisedAt) throw new FeedNotFoundError();
	const networkIds = await findNetworkIdsOfContact(db, contact.id, berlinToday(now));
	const ofNetworks = await loadMeetingsOfNetworks(db, networkIds, now);
	const known = new Set(ofNetworks.map((meeting) => meeting.id));
	// Meetings the person was invited to in networks they have since left stay in their calendar.
	const invitedElsewhere = (await findInvitedMeetingIds(db, contact.id)).filter(
		(id) => !known.has(id)
	);
	const extra = invitedElsewhere.length
		? await loadMeetingsOfNetworks(
				db,
				[...new Set((await findMeetingRowsById(db, invitedElsewhere)).map((row) => row.networkId))],
				now
			)
		: [];
	const meetings = [
		...ofNetworks,
		...extra.filter((meeting) => invitedElsewhere.includes(meeting.id))
	].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
	return {
		filename: `kalender-${contact.id}.ics`,
		calendar: feedCalendar(`KITZ – ${contact.name}`, meetings)
	};
}
