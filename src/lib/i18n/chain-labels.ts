import { formatAlternatives, formatKm } from '../format.js';
import type { Translate } from './messages.js';
import type { StageCost, StageRules } from '../server/chains/chains.schema.js';
import type { TransitionState } from '../server/chains/chains.table.js';
import type { MatchReason } from '../server/chains/stage-matching.js';
import type { ACTION_FIELDS } from '../server/action-fields/action-fields.js';
import type { LANGUAGE_LEVELS, TARGET_GROUPS } from '../server/offers/offers.schema.js';

/**
 * Labels of a chain's coded values (costs, language levels in rules, transition states), a
 * stage's rules and reach in words and why an offer matched: one wording for the chain page, the stage page and whatever
 * else names them, typed over the domain's lists.
 */
export const stageCostLabel = (t: Translate, cost: string) =>
	t(`office.chains.cost.${cost as StageCost}`);

export const transitionStateLabel = (t: Translate, state: string) =>
	t(`office.chains.state.${state as TransitionState}`);

/** A language level as rules name it: "B1", or "no German" for none. */
const levelName = (t: Translate, level: string) =>
	level === 'none' ? t('office.chains.rules.levelNone') : level;

/**
 * A stage's rules as short sentences, one per rule that is set (every one must hold; within a
 * list one value is enough, so lists read "A or B"). Empty when the rules select nothing.
 */
export function describeRules(t: Translate, rules: StageRules): string[] {
	const alternatives = (items: string[]) => formatAlternatives(t.locale, items);
	const sentences: string[] = [];
	if (rules.actionFields.length)
		sentences.push(
			t('office.chains.rules.actionFields', {
				fields: alternatives(rules.actionFields.map((code) => t(`field.${code}`)))
			})
		);
	if (rules.targetGroups.length)
		sentences.push(
			t('office.chains.rules.targetGroups', {
				groups: alternatives(rules.targetGroups.map((code) => t(`group.${code}`)))
			})
		);
	if (rules.entryLevelMax)
		sentences.push(
			rules.entryLevelMax === 'none'
				? t('office.chains.rules.entryNone')
				: t('office.chains.rules.entryLevelMax', { level: rules.entryLevelMax })
		);
	if (rules.exitLevelMin)
		sentences.push(
			t('office.chains.rules.exitLevelMin', { level: levelName(t, rules.exitLevelMin) })
		);
	if (rules.keywords.length)
		sentences.push(
			t('office.chains.rules.keywords', {
				words: alternatives(
					rules.keywords.map((word) => t('office.chains.rules.keyword', { word }))
				)
			})
		);
	if (rules.cost !== 'any') sentences.push(stageCostLabel(t, rules.cost));
	if (!rules.onlineAllowed) sentences.push(t('office.chains.rules.noOnline'));
	return sentences;
}

/** How far a person can be expected to travel: "up to 25 km, online counts". */
export function describeReach(
	t: Translate,
	stage: { reachKm: number; onlineCounts: boolean }
): string {
	const km = t('office.chains.reach.km', { km: formatKm(t.locale, stage.reachKm) });
	return stage.onlineCounts ? t('office.chains.reach.withOnline', { reach: km }) : km;
}

/**
 * Each stage's number as people read it: its step, with a letter where branches share the step
 * ("2a", "2b"); stages arrive in step order, as the chain services return them.
 */
export function stepLabels(stages: readonly { id: number; step: number }[]): Map<number, string> {
	const onStep = (step: number) => stages.filter((stage) => stage.step === step);
	return new Map(
		stages.map((stage) => {
			const branches = onStep(stage.step);
			const letter = branches.length > 1 ? String.fromCharCode(97 + branches.indexOf(stage)) : '';
			return [stage.id, `${stage.step}${letter}`];
		})
	);
}

/**
 * Why an offer qualifies for a stage, in words: "Handlungsfeld Sprache · Stichwort
 * „Integrationskurs“ · von Hand aufgenommen". The stage page and whatever else lists a stage's
 * offers say it the same way.
 */
export function matchReasonLabel(t: Translate, reason: MatchReason): string {
	switch (reason.rule) {
		case 'actionField':
			return t('office.chains.stage.reason.actionField', {
				field: t(`field.${reason.value as (typeof ACTION_FIELDS)[number]}`)
			});
		case 'targetGroup':
			return t('office.chains.stage.reason.targetGroup', {
				group: t(`group.${reason.value as (typeof TARGET_GROUPS)[number]}`)
			});
		case 'entryLevel':
			return t(`level.${reason.value as (typeof LANGUAGE_LEVELS)[number]}`);
		case 'exitLevel':
			return t('office.chains.stage.reason.exitLevel', { level: reason.value });
		case 'keyword':
			return t('office.chains.stage.reason.keyword', { word: reason.value });
		case 'cost':
			return t(
				reason.value === 'free'
					? 'office.chains.stage.reason.free'
					: 'office.chains.stage.reason.reduced'
			);
		case 'online':
			return t('office.chains.stage.reason.online');
		case 'included':
			return t('office.chains.stage.reason.included');
	}
}

/** The reasons of one offer as one line. */
export const matchReasonsText = (t: Translate, reasons: readonly MatchReason[]): string =>
	reasons.map((reason) => matchReasonLabel(t, reason)).join(' · ');
