import { LANGUAGE_LEVELS } from '../offers/offers.schema.js';
import { fold } from '../../shared/text/fold.js';
import type { StageRules } from './chains.schema.js';

/** What the matching needs to know of a published offer, besides its text. */
export interface OfferStructure {
	id: number;
	actionFields: readonly string[];
	targetGroups: readonly string[];
	languageLevel: string;
	/** The level the offer leads to, where it says. */
	languageLevelExit: string | null;
	costKind: string;
	online: boolean;
}

/** An offer with its German title, summary and description folded (fold.ts), for keyword rules. */
export interface OfferFacts extends OfferStructure {
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

/**
 * The reasons an offer qualifies under every rule but the keywords, or null when one fails. The
 * keywords need the offer's text, which is read only for the offers that pass this.
 */
export function matchStructure(
	compiled: CompiledRules,
	offer: OfferStructure
): MatchReason[] | null {
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
	if (rules.cost !== 'any') {
		const qualifies =
			offer.costKind === 'free' ||
			(rules.cost === 'free_or_reduced' && offer.costKind === 'reduced');
		if (!qualifies) return null;
		reasons.push({ rule: 'cost', value: offer.costKind });
	}
	return reasons;
}

/** The keyword found in the folded text, or null; only for rules that have keywords. */
export function matchKeyword(compiled: CompiledRules, foldedText: string): MatchReason | null {
	const keyword = compiled.keywords.find(({ folded }) => foldedText.includes(folded));
	return keyword ? { rule: 'keyword', value: keyword.word } : null;
}

/** The reasons an offer qualifies under the rules alone, or null when one rule fails. */
export function matchRules(compiled: CompiledRules, offer: OfferFacts): MatchReason[] | null {
	const reasons = matchStructure(compiled, offer);
	if (!reasons) return null;
	if (compiled.keywords.length > 0) {
		const keyword = matchKeyword(compiled, offer.foldedText);
		if (!keyword) return null;
		reasons.push(keyword);
	}
	return withOnline(reasons, offer);
}

/** Says that an online offer qualifies as one, so a page can tell it from a local one. */
export const withOnline = (reasons: MatchReason[], offer: OfferStructure): MatchReason[] =>
	offer.online ? [...reasons, { rule: 'online' }] : reasons;

/** The offers a coordinator chose by hand for a stage, and whether it has any rule at all. */
export interface StageSelection {
	compiled: CompiledRules;
	included: ReadonlySet<number>;
	excluded: ReadonlySet<number>;
	hasAnyRule: boolean;
}

/**
 * The reasons an offer qualifies for a stage: excluded by hand never, included by hand always,
 * otherwise by the rules — but a stage without any rule takes only the offers included by hand.
 */
export function matchStage(selection: StageSelection, offer: OfferFacts): MatchReason[] | null {
	if (selection.excluded.has(offer.id)) return null;
	if (selection.included.has(offer.id)) return withOnline([{ rule: 'included' }], offer);
	return selection.hasAnyRule ? matchRules(selection.compiled, offer) : null;
}
