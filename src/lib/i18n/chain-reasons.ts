import type { MatchReason } from '../server/chains/stage-matching.js';
import type { ACTION_FIELDS } from '../server/action-fields/action-fields.js';
import type { LANGUAGE_LEVELS, TARGET_GROUPS } from '../server/offers/offers.schema.js';
import type { Translate } from './messages.js';

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
