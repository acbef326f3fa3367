import { contentLanguage, type Locale } from '../../i18n/locales.js';
import { dayNumber } from './offer-index-build.js';
import type { OfferIndex } from './offer-index.js';
import type { TextMatches } from './text-matching.js';
import type { RankingReason } from './understanding.js';

// What lifts an offer among equally good text matches. Together they stay below one step of text
// relevance (a title match against a summary match), so a better match is never buried.
const BOOST = { inYourLanguage: 0.4, near: 0.3, nearish: 0.15, soon: 0.15, free: 0.1 } as const;
const NEAR_KM = 10;
const NEARISH_KM = 25;
const SOON_DAYS = 14;
const SOON_SHOWN_DAYS = 7;

export interface RankingContext {
	locale: Locale;
	/** Place id → km from the place the person searches near (filter or named in the query). */
	placeDistances: Map<number, number> | null;
	/** Today in Berlin, `YYYY-MM-DD`. */
	today: string;
}

export interface Ranking {
	/**
	 * Final score of a position (text relevance plus the lifts; 0 for offers the text does not
	 * match), worked out when asked: only the offers left after the filters are ever scored.
	 */
	scoreOf(position: number): number;
	/** Why an offer was lifted, as shown on its card. */
	reasonsOf(position: number): RankingReason[];
}

function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** Text relevance lifted by nearness, dates soon, the person's language and no cost. */
export function rankMatches(
	index: OfferIndex,
	text: TextMatches,
	context: RankingContext
): Ranking {
	const language = context.locale.startsWith('de')
		? null
		: index.values.languages.get(contentLanguage(context.locale));
	const soon = dayNumber(addDays(context.today, SOON_DAYS));
	const soonShown = dayNumber(addDays(context.today, SOON_SHOWN_DAYS));
	const distanceOf = (position: number) =>
		context.placeDistances?.get(index.placeId[position]!) ?? null;
	return {
		scoreOf(position) {
			if (!text.members.has(position)) return 0;
			let score = text.scores.of(position);
			if (language?.has(position)) score += BOOST.inYourLanguage;
			const distance = distanceOf(position);
			if (distance !== null)
				score += distance <= NEAR_KM ? BOOST.near : distance <= NEARISH_KM ? BOOST.nearish : 0;
			const next = index.nextDay[position]!;
			if (next && next <= soon) score += BOOST.soon;
			if (index.free.has(position)) score += BOOST.free;
			// As a Float32Array held them before: ties between equal lifts stay ties.
			return Math.fround(score);
		},
		reasonsOf(position) {
			const reasons: RankingReason[] = [];
			if (language?.has(position)) reasons.push('inYourLanguage');
			const distance = distanceOf(position);
			if (distance !== null && distance <= NEAR_KM) reasons.push('near');
			const next = index.nextDay[position]!;
			if (next && next <= soonShown) reasons.push('soon');
			if (index.free.has(position)) reasons.push('free');
			return reasons;
		}
	};
}
