import type { Translate } from '$lib/i18n/messages';
import type { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import type { CONSENT_SOURCES } from '$lib/server/directory/contacts.schema';
import type {
	ACCESS_KINDS,
	ACCESSIBILITY_FEATURES,
	EXIT_LEVELS,
	LANGUAGE_LEVELS,
	TARGET_GROUPS
} from '$lib/server/offers/offers.schema';

/**
 * Labels of coded values. The values arrive as plain strings from the database; each
 * key is typed over the domain's list, so a value without a catalogue entry fails the check.
 */
export const actionFieldLabel = (t: Translate, code: string) =>
	t(`field.${code as (typeof ACTION_FIELDS)[number]}`);
export const targetGroupLabel = (t: Translate, code: string) =>
	t(`group.${code as (typeof TARGET_GROUPS)[number]}`);
export const languageLevelLabel = (t: Translate, code: string) =>
	t(`level.${code as (typeof LANGUAGE_LEVELS)[number]}`);
export const languageLevelGoalLabel = (t: Translate, code: string) =>
	t(`levelGoal.${code as (typeof EXIT_LEVELS)[number]}`);
export const accessLabel = (t: Translate, code: string) =>
	t(`access.${code as (typeof ACCESS_KINDS)[number]}`);
export const accessibilityLabel = (t: Translate, code: string) =>
	t(`accessibility.${code as (typeof ACCESSIBILITY_FEATURES)[number]}`);
export const consentSourceLabel = (t: Translate, code: string) =>
	t(`office.directory.source.${code as (typeof CONSENT_SOURCES)[number]}`);

/** The offer's code lists by vocabulary, as the offer form and the revision diff name them. */
export const OFFER_CODE_LABELS = {
	field: actionFieldLabel,
	group: targetGroupLabel,
	accessibility: accessibilityLabel
} as const;
