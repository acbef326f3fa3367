import type { MessageKey } from '../../i18n/messages.js';
import type { FormError } from '../../shared/forms/form-error.js';
import { formList, formText, positiveIdOf } from '../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../shared/forms/form-errors.js';
import type { ChainDetail, StageView } from './chain-views.js';
import type { ChainIssue } from './chains.errors.js';
import {
	CHAIN_TARGET_LOCALES,
	DEFAULT_REACH_KM,
	MAX_REACH_KM,
	MIN_REACH_KM,
	type ChainTargetLocale,
	type ChainTranslationsInput,
	type ChainInput,
	type StageCost,
	type StageInput,
	type StageRules
} from './chains.schema.js';

/** The back office's chain and stage forms as plain values, shown again as typed on errors. */

export interface ChainFormValues {
	title: string;
	publicTitle: string;
	introduction: string;
	actionFields: string[];
	isPublic: boolean;
}

export const emptyChainForm = (): ChainFormValues => ({
	title: '',
	publicTitle: '',
	introduction: '',
	actionFields: [],
	isPublic: false
});

export const chainFormValues = (chain: ChainDetail): ChainFormValues => ({
	title: chain.title,
	publicTitle: chain.publicTitle,
	introduction: chain.introduction,
	actionFields: [...chain.actionFields],
	isPublic: chain.isPublic
});

export function readChainForm(form: FormData): ChainFormValues {
	return {
		title: formText(form, 'title', 1000),
		publicTitle: formText(form, 'publicTitle', 1000),
		introduction: formText(form, 'introduction', 20_000),
		actionFields: formList(form, 'actionFields', { count: 20, itemMax: 50 }),
		isPublic: form.get('isPublic') === 'on'
	};
}

export const chainInputOf = (values: ChainFormValues): ChainInput => ({
	...values,
	actionFields: values.actionFields as ChainInput['actionFields']
});

export interface StageFormValues {
	title: string;
	achieves: string;
	isOptional: boolean;
	follows: string[];
	actionFields: string[];
	targetGroups: string[];
	entryLevelMax: string;
	exitLevelMin: string;
	/** One word per line. */
	keywords: string;
	cost: string;
	onlineAllowed: boolean;
	reachKm: string;
	onlineCounts: boolean;
	includedOfferIds: string[];
	excludedOfferIds: string[];
}

export const emptyStageForm = (follows: number[] = []): StageFormValues => ({
	title: '',
	achieves: '',
	isOptional: false,
	follows: follows.map(String),
	actionFields: [],
	targetGroups: [],
	entryLevelMax: '',
	exitLevelMin: '',
	keywords: '',
	cost: 'any',
	onlineAllowed: true,
	reachKm: String(DEFAULT_REACH_KM),
	onlineCounts: false,
	includedOfferIds: [],
	excludedOfferIds: []
});

/** A stage's values; the reach is written as the page's language writes decimals. */
export const stageFormValues = (stage: StageView, locale: string): StageFormValues => ({
	title: stage.title,
	achieves: stage.achieves,
	isOptional: stage.isOptional,
	follows: stage.follows.map(String),
	actionFields: [...stage.rules.actionFields],
	targetGroups: [...stage.rules.targetGroups],
	entryLevelMax: stage.rules.entryLevelMax ?? '',
	exitLevelMin: stage.rules.exitLevelMin ?? '',
	keywords: stage.rules.keywords.join('\n'),
	cost: stage.rules.cost,
	onlineAllowed: stage.rules.onlineAllowed,
	reachKm: locale === 'en' ? String(stage.reachKm) : String(stage.reachKm).replace('.', ','),
	onlineCounts: stage.onlineCounts,
	includedOfferIds: stage.includedOfferIds.map(String),
	excludedOfferIds: stage.excludedOfferIds.map(String)
});

const ids = (values: string[]) =>
	values.map(positiveIdOf).filter((id): id is number => id !== null);

export function readStageForm(form: FormData): StageFormValues {
	const list = (name: string, count: number) => formList(form, name, { count, itemMax: 60 });
	return {
		title: formText(form, 'title', 1000),
		achieves: formText(form, 'achieves', 10_000),
		isOptional: form.get('isOptional') === 'on',
		follows: list('follows', 60),
		actionFields: list('actionFields', 20),
		targetGroups: list('targetGroups', 40),
		entryLevelMax: formText(form, 'entryLevelMax', 10),
		exitLevelMin: formText(form, 'exitLevelMin', 10),
		keywords: formText(form, 'keywords', 5000),
		cost: formText(form, 'cost', 30),
		onlineAllowed: form.get('onlineAllowed') === 'on',
		reachKm: formText(form, 'reachKm', 20).trim(),
		onlineCounts: form.get('onlineCounts') === 'on',
		// One offer is never both: a tick for it among the search results and the chosen ones is one.
		includedOfferIds: [...new Set(list('includedOfferIds', 600))],
		excludedOfferIds: [...new Set(list('excludedOfferIds', 600))]
	};
}

/** Kilometres as typed, with a decimal comma or point; NaN for anything else. */
const kmOf = (typed: string) =>
	/^\d{1,5}([.,]\d{1,2})?$/.test(typed) ? Number(typed.replace(',', '.')) : Number.NaN;

export const stageInputOf = (values: StageFormValues): StageInput => ({
	title: values.title,
	achieves: values.achieves,
	isOptional: values.isOptional,
	follows: ids(values.follows),
	rules: {
		actionFields: values.actionFields as StageRules['actionFields'],
		targetGroups: values.targetGroups as StageRules['targetGroups'],
		entryLevelMax: (values.entryLevelMax || null) as StageRules['entryLevelMax'],
		exitLevelMin: (values.exitLevelMin || null) as StageRules['exitLevelMin'],
		keywords: values.keywords
			.split('\n')
			.map((word) => word.trim())
			.filter(Boolean),
		cost: values.cost as StageCost,
		onlineAllowed: values.onlineAllowed
	},
	reachKm: kmOf(values.reachKm),
	onlineCounts: values.onlineCounts,
	includedOfferIds: ids(values.includedOfferIds),
	excludedOfferIds: ids(values.excludedOfferIds)
});

/**
 * The translation form: `tr.<locale>.<name>` (`tr.ar.publicTitle`, `tr.ar.stage.12.title`) and
 * the `confirmed` ticks (`<locale>.<name>`); `values` are the texts as typed, to show again.
 * Texts are cut well above their fields' limits, so a text too long gets its message, not a cut.
 */
export function readChainTranslations(form: FormData): {
	input: ChainTranslationsInput;
	values: Record<string, string>;
} {
	const values: Record<string, string> = {};
	const translations: Partial<Record<ChainTargetLocale, Record<string, string>>> = {};
	for (const locale of CHAIN_TARGET_LOCALES)
		for (const [name, value] of form) {
			const prefix = `tr.${locale}.`;
			if (!name.startsWith(prefix) || name.length > 60 || typeof value !== 'string') continue;
			values[name] = value.slice(0, 20_000);
			(translations[locale] ??= {})[name.slice(prefix.length)] = values[name];
		}
	return {
		input: {
			translations,
			confirmed: formList(form, 'confirmed', { count: 2_000, itemMax: 60 })
		},
		values
	};
}

/** The codes with a message of their own (`office.chains.error.<code>`). */
const CODES = [
	'no_rule',
	'reach_range',
	'both',
	'other_chain',
	'self',
	'duplicate',
	'cycle',
	'documented_transition',
	'unknown',
	'negative',
	'day',
	'too_small',
	'too_big',
	'invalid_type'
] as const;
type Code = (typeof CODES)[number];
const isCode = (code: string): code is Code => (CODES as readonly string[]).includes(code);

/**
 * Where an issue shows: a rule at its own input (`rules.keywords.2` at `keywords`), "no rule"
 * at the rules' fieldset, a translation at `tr.<locale>.<field>`.
 */
function inputOf(path: string): string {
	const translation = /^translations\.([\w-]+)\.(.+)$/.exec(path);
	if (translation) return `tr.${translation[1]}.${translation[2]}`;
	const [head = '', second] = path.split('.');
	return head === 'rules' && second ? second : head;
}

/**
 * Each input's first problem as a catalogue key; a cycle's and a hand-over's stages named.
 * `placeOf` names the input of an issue's path where a page lays its form out differently.
 */
export function chainFormErrors(
	issues: readonly ChainIssue[],
	placeOf: (path: string) => string = inputOf
): Record<string, FormError> {
	return firstErrorPerInput(issues, (issue) => {
		const input = placeOf(issue.path);
		let key: MessageKey = isCode(issue.code)
			? `office.chains.error.${issue.code}`
			: 'office.chains.error.invalid';
		if (input === 'actionFields' && issue.code === 'too_small') key = 'office.chains.error.field';
		if (input === 'keywords') key = 'office.chains.error.keyword';
		const params =
			issue.code === 'reach_range' ? { min: MIN_REACH_KM, max: MAX_REACH_KM } : issue.params;
		return [input, { key, ...(params ? { params } : {}) }];
	});
}
