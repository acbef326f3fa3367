import { Temporal } from 'temporal-polyfill';
import type { Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import type { ChainDetail, TransitionView } from './chain-views.js';
import { getChain } from './chains.service.js';
import { frictionCounts, type FrictionCount } from './friction.service.js';

/** A hand-over should be looked at again within a year, so the overview flags older ones. */
export const REVIEW_INTERVAL_MONTHS = 12;

export interface InterfaceRow extends TransitionView {
	friction: FrictionCount;
	/** Never reviewed, or last reviewed more than REVIEW_INTERVAL_MONTHS ago. */
	reviewDue: boolean;
}

/** Every transition of a chain with its friction reports and whether a review is due. */
export async function interfaceOverview(
	db: Db,
	actor: Actor,
	chainId: number,
	now = new Date()
): Promise<{ chain: ChainDetail; interfaces: InterfaceRow[] }> {
	const chain = await getChain(db, actor, chainId);
	const counts = await frictionCounts(db, actor, chainId);
	const dueBefore = Temporal.PlainDate.from(berlinToday(now))
		.subtract({ months: REVIEW_INTERVAL_MONTHS })
		.toString();
	return {
		chain,
		interfaces: chain.transitions.map((transition) => ({
			...transition,
			friction: counts[transition.id] ?? { total: 0, open: 0 },
			reviewDue: transition.reviewedOn === null || transition.reviewedOn < dueBefore
		}))
	};
}
