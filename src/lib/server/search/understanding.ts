import type { OfferKind } from './offer-kind-words.js';

/** How a query was read, for the portal to show ("understood as", "Meinten Sie …"). */
export type UnderstoodPart =
	| { kind: 'concept'; key: string; label: string }
	| { kind: 'word'; text: string }
	| { kind: 'place'; name: string }
	/** Words asking for offers that cost nothing, take place online or suit beginners, as typed. */
	| { kind: OfferKind; words: string[] };

/** A part that asked for a kind of offer ("kostenlos", "online", "für Anfänger"). */
export type OfferKindPart = Extract<UnderstoodPart, { words: string[] }>;

export const isOfferKindPart = (part: UnderstoodPart): part is OfferKindPart => 'words' in part;

export interface QueryUnderstanding {
	/** The query's parts in the order typed: needs from the thesaurus, plain words, places, kinds. */
	parts: UnderstoodPart[];
	/** Words replaced by the closest known word ("deutschkurz" → "deutschkurs"). */
	corrections: { from: string; to: string }[];
	/** The query with the corrections applied, offered as "Meinten Sie …"; null when none. */
	suggestion: string | null;
	/** Words left out because no offer matched them together with the rest. */
	droppedWords: string[];
}

/** Why an offer ranks high, shown on its card where it matters. */
export const RANKING_REASONS = ['inYourLanguage', 'near', 'soon', 'free'] as const;
export type RankingReason = (typeof RANKING_REASONS)[number];
