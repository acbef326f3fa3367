import { LANGUAGE_LEVELS } from '../offers/offers.schema.js';
import { fold } from '../../shared/text/fold.js';
import type { StageRules } from './chains.schema.js';

/** What the matching needs to know of a published offer. */
export interface OfferFacts {
	id: number;
	actionFields: readonly string[];
	targetGroups: readonly string[];
	languageLevel: string;
	/** The level the offer leads to, where it says. */
	languageLevelExit: string | null;
	costKind: string;
	online: boolean;
	/** The German title, summary and description, folded (fold.ts), for keyword rules. */
	foldedText: string;
}

/**
 * Why an offer qualifies: each rule it satisfies with the value that satisfied it, or that a
 * coordinator included it by hand. Pages say these in words.
 */
export type MatchReason =
	| { rule: 'actionField'; value: string }
	| { rule: 'targetGroup'; value: string }
	| { rule: 'entryLevel'; value: string }
	| { rule: 'exitLevel'; value: string }
	| { rule: 'keyword'; value: string }
	| { rule: 'cost'; value: string }
	| { rule: 'online' }
	| { rule: 'included' };

const levelRank = (level: string) => LANGUAGE_LEVELS.indexOf(level as never);

/** Keywords folded once per stage, so a stage is matched against many offers cheaply. */
export interface CompiledRules {
	rules: StageRules;
	keywords: { word: string; folded: string }[];
}

export function compileRules(rules: StageRules): CompiledRules {
	return { rules, keywords: rules.keywords.map((word) => ({ word, folded: fold(word) })) };
}

/** The reasons an offer qualifies under the rules alone, or null when one rule fails. */
export function matchRules(compiled: CompiledRules, offer: OfferFacts): MatchReason[] | null {
	const { rules } = compiled;
	const reasons: MatchReason[] = [];
	if (offer.online && !rules.onlineAllowed) return null;
	if (rules.actionFields.length > 0) {
		const field = rules.actionFields.find((value) => offer.actionFields.includes(value));
		if (!field) return null;
		reasons.push({ rule: 'actionField', value: field });
	}
	if (rules.targetGroups.length > 0) {
		const group = rules.targetGroups.find((value) => offer.targetGroups.includes(value));
		if (!group) return null;
		reasons.push({ rule: 'targetGroup', value: group });
	}
	if (rules.entryLevelMax !== null) {
		if (levelRank(offer.languageLevel) > levelRank(rules.entryLevelMax)) return null;
		reasons.push({ rule: 'entryLevel', value: offer.languageLevel });
	}
	if (rules.exitLevelMin !== null) {
		const exit = offer.languageLevelExit;
		if (exit === null || levelRank(exit) < levelRank(rules.exitLevelMin)) return null;
		reasons.push({ rule: 'exitLevel', value: exit });
	}
	if (compiled.keywords.length > 0) {
		const keyword = compiled.keywords.find(({ folded }) => offer.foldedText.includes(folded));
		if (!keyword) return null;
		reasons.push({ rule: 'keyword', value: keyword.word });
	}
	if (rules.cost !== 'any') {
		const qualifies =
			offer.costKind === 'free' ||
			(rules.cost === 'free_or_reduced' && offer.costKind === 'reduced');
		if (!qualifies) return null;
		reasons.push({ rule: 'cost', value: offer.costKind });
	}
	if (offer.online) reasons.push({ rule: 'online' });
	return reasons;
}

/**
 * The reasons an offer qualifies for a stage: excluded by hand never, included by hand always,
 * otherwise by the rules — but a stage without any rule takes only the offers included by hand.
 */
export function matchStage(
	compiled: CompiledRules,
	manual: { included: ReadonlySet<number>; excluded: ReadonlySet<number> },
	hasAnyRule: boolean,
	offer: OfferFacts
): MatchReason[] | null {
	if (manual.excluded.has(offer.id)) return null;
	if (manual.included.has(offer.id)) return [{ rule: 'included' }];
	return hasAnyRule ? matchRules(compiled, offer) : null;
}
