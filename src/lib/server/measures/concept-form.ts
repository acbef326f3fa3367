import { intlLocale } from '../../format.js';
import type { Locale } from '../../i18n/locales.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { FormError } from '../../shared/forms/form-error.js';
import { formList, formText, formTexts, positiveIdOf } from '../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../shared/forms/form-errors.js';
import type { ConceptIssue } from './concept.errors.js';
import {
	TARGET_LOCALES,
	type ConceptVersionInput,
	type GoalInput,
	type GoalTextsInput,
	type IndicatorInput,
	type ValueInput
} from './concept.schema.js';
import type { Indicator } from './indicators.service.js';

/**
 * The concept's back-office forms as plain values, read the same way as every form, and the
 * domain's issues as one message per input.
 */
const VERSION_FIELDS = ['title', 'adoptedOn', 'periodFrom', 'periodTo', 'documentUrl'] as const;
export type VersionFormValues = Record<(typeof VERSION_FIELDS)[number], string>;

export const readVersionForm = (form: FormData): VersionFormValues =>
	formTexts(form, VERSION_FIELDS, 1000);
export const versionInputOf = (values: VersionFormValues): ConceptVersionInput => values;

export interface GoalFormValues {
	actionField: string;
	parentId: string;
	text: string;
}

export const readGoalForm = (form: FormData): GoalFormValues => ({
	actionField: formText(form, 'actionField', 50),
	parentId: formText(form, 'parentId', 20),
	text: formText(form, 'text', 5000)
});

export const goalInputOf = (values: GoalFormValues): GoalInput => ({
	actionField: values.actionField as GoalInput['actionField'],
	parentId: positiveIdOf(values.parentId),
	text: values.text
});

/** The goal's German text, its translations (`tr.<locale>.text`) and the confirmed ones. */
export function readGoalTexts(form: FormData): GoalTextsInput {
	const translations: Partial<Record<(typeof TARGET_LOCALES)[number], string>> = {};
	for (const locale of TARGET_LOCALES)
		translations[locale] = formText(form, `tr.${locale}.text`, 5000);
	return {
		text: formText(form, 'text', 5000),
		translations,
		confirmed: formList(form, 'confirmed', { count: TARGET_LOCALES.length, itemMax: 30 })
			.map((value) => value.replace(/\.text$/, ''))
			.filter((value): value is (typeof TARGET_LOCALES)[number] =>
				(TARGET_LOCALES as readonly string[]).includes(value)
			)
	};
}

const INDICATOR_FIELDS = [
	'name',
	'unit',
	'direction',
	'periodKind',
	'baselineValue',
	'baselineOn',
	'targetValue',
	'targetYear',
	'computation',
	'computationParameter'
] as const;
export type IndicatorFormValues = Record<(typeof INDICATOR_FIELDS)[number], string>;

export const readIndicatorForm = (form: FormData): IndicatorFormValues =>
	formTexts(form, INDICATOR_FIELDS, 200);

export const emptyIndicatorForm = (): IndicatorFormValues => ({
	name: '',
	unit: '',
	direction: 'higher',
	periodKind: 'year',
	baselineValue: '',
	baselineOn: '',
	targetValue: '',
	targetYear: '',
	computation: '',
	computationParameter: ''
});

/** A number as a form shows it: the locale's decimal sign, no grouping (parseDecimal reads it back). */
export const formNumber = (locale: Locale) => (value: number) =>
	new Intl.NumberFormat(intlLocale(locale), {
		useGrouping: false,
		maximumFractionDigits: 6
	}).format(value);

/** An indicator as its form shows it, numbers in the locale's notation. */
export const indicatorFormValues = (indicator: Indicator, locale: Locale): IndicatorFormValues => {
	const number = formNumber(locale);
	return {
		name: indicator.name,
		unit: indicator.unit,
		direction: indicator.direction,
		periodKind: indicator.periodKind,
		baselineValue: indicator.baseline ? number(indicator.baseline.value) : '',
		baselineOn: indicator.baseline?.on ?? '',
		targetValue: indicator.target ? number(indicator.target.value) : '',
		targetYear: indicator.target ? String(indicator.target.year) : '',
		computation: indicator.computation ?? '',
		computationParameter:
			indicator.computationParameter === null ? '' : number(indicator.computationParameter)
	};
};

export const indicatorInputOf = (values: IndicatorFormValues): IndicatorInput => ({
	...values,
	direction: values.direction as IndicatorInput['direction'],
	periodKind: values.periodKind as IndicatorInput['periodKind'],
	computation: values.computation as IndicatorInput['computation']
});

const VALUE_FIELDS = ['period', 'value', 'source', 'note'] as const;
export type ValueFormValues = Record<(typeof VALUE_FIELDS)[number], string>;
export const readValueForm = (form: FormData): ValueFormValues =>
	formTexts(form, VALUE_FIELDS, 2000);
export const valueInputOf = (values: ValueFormValues): ValueInput => values;

const MESSAGES: Record<string, MessageKey> = {
	too_small: 'office.concept.error.required',
	required: 'office.concept.error.required',
	too_big: 'office.concept.error.tooLong',
	unknown: 'office.concept.error.unknown',
	invalid_value: 'office.concept.error.unknown',
	not_a_number: 'office.concept.error.notANumber',
	not_positive: 'office.concept.error.notPositive',
	invalid_year: 'office.concept.error.year',
	invalid_day: 'office.concept.error.day',
	invalid_url: 'office.concept.error.url',
	before_from: 'office.concept.error.beforeFrom',
	before_baseline: 'office.concept.error.beforeBaseline',
	baseline_pair: 'office.concept.error.baselinePair',
	target_pair: 'office.concept.error.targetPair',
	values_outside: 'office.concept.error.valuesOutside',
	guiding_exists: 'office.concept.error.guidingExists',
	has_values: 'office.concept.error.hasValues',
	computed: 'office.concept.error.computed',
	choose: 'office.concept.error.chooseMeasures',
	invalid_period: 'office.concept.error.invalidPeriod',
	outside_concept: 'office.concept.error.outsideConcept',
	wrong_kind_year: 'office.concept.error.wrongKind.year',
	wrong_kind_half: 'office.concept.error.wrongKind.half',
	wrong_kind_quarter: 'office.concept.error.wrongKind.quarter'
};

/** One message per input; a translation's issue belongs to its `tr.<locale>.text` input. */
export function conceptFormErrors(issues: readonly ConceptIssue[]): Record<string, FormError> {
	return firstErrorPerInput(issues, (issue) => {
		const [head = '', locale] = issue.path.split('.');
		const input = head === 'translations' && locale ? `tr.${locale}.text` : head;
		return [input, { key: MESSAGES[issue.code] ?? 'office.concept.error.invalid' }];
	});
}
