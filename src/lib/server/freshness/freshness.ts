import { addMonths } from '../../shared/time/instants.js';

/** How fresh an offer's data is, from when its owner last confirmed it. Pure, so routes and tests share it. */
export type Freshness = 'fresh' | 'due' | 'may_be_outdated';

export interface FreshnessConfig {
	/** Months after the last verification until the owner is reminded. */
	freshnessReminderMonths: number;
	/** Months after that until the portal marks the offer as possibly outdated. */
	freshnessOutdatedMonths: number;
}

/** Offers verified at or before `dueBefore` are due a reminder; at or before `outdatedBefore` may be outdated. */
export function freshnessCutoffs(config: FreshnessConfig, now: Date) {
	return {
		dueBefore: addMonths(now, -config.freshnessReminderMonths),
		outdatedBefore: addMonths(
			now,
			-(config.freshnessReminderMonths + config.freshnessOutdatedMonths)
		)
	};
}

export function freshnessOf(
	lastVerifiedAt: string,
	config: FreshnessConfig,
	now = new Date()
): Freshness {
	const verified = new Date(lastVerifiedAt).getTime();
	const { dueBefore, outdatedBefore } = freshnessCutoffs(config, now);
	if (verified <= outdatedBefore.getTime()) return 'may_be_outdated';
	if (verified <= dueBefore.getTime()) return 'due';
	return 'fresh';
}

/** Whether the owner confirmed an offer within the `months` before `now`. */
export function confirmedWithin(lastVerifiedAt: string, months: number, now: Date): boolean {
	return new Date(lastVerifiedAt).getTime() > addMonths(now, -months).getTime();
}
