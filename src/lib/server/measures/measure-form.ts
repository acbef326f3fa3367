import type { MessageKey } from '../../i18n/messages.js';
import type { FormError } from '../../shared/forms/form-error.js';
import {
	formList,
	formRowCount,
	formText,
	optionalNumberOf,
	positiveIdOf
} from '../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../shared/forms/form-errors.js';
import type { ACTION_FIELDS } from '../action-fields/action-fields.js';
import type { MeasureDetail } from './measure-detail.service.js';
import type { MeasureIssue } from './measures.errors.js';
import { TARGET_LOCALES } from './concept.schema.js';
import {
	AGE_GROUPS,
	GENDERS,
	MAX_LINKS,
	MEASURE_TEXT_FIELDS,
	type BudgetInput,
	type MeasureInput,
	type ReachInput,
	type StatusInput
} from './measures.schema.js';
import type { MeasureStatus, ProgressMode } from './measures.table.js';

/** The measure forms as plain values, re-shown with a message per input on errors. */
export interface MeasureFormValues {
	title: string;
	description: string;
	actionFields: string[];
	goalIds: string[];
	leadOrganisationId: string;
	partnerOrganisationIds: string[];
	responsibleContactId: string;
	startsOn: string;
	endsOn: string;
	progressMode: string;
	isPublic: boolean;
	links: { title: string; url: string }[];
	decisionId: string;
	/** The first status; only the form for a new measure has it. */
	status: string;
	statusOn: string;
	statusReason: string;
}

/** Empty link rows the form offers beyond those filled in. */
const SPARE_LINKS = 2;

const withSpareLinks = (links: { title: string; url: string }[]) => [
	...links,
	...Array.from({ length: SPARE_LINKS }, () => ({ title: '', url: '' }))
];

export const emptyMeasureForm = (
	today: string,
	decision?: { id: number; text: string }
): MeasureFormValues => ({
	title: decision ? decision.text.split('\n')[0]!.slice(0, 200) : '',
	description: decision?.text ?? '',
	actionFields: [],
	goalIds: [],
	leadOrganisationId: '',
	partnerOrganisationIds: [],
	responsibleContactId: '',
	startsOn: '',
	endsOn: '',
	progressMode: 'milestones',
	isPublic: false,
	links: withSpareLinks([]),
	decisionId: decision ? String(decision.id) : '',
	status: decision ? 'planned' : 'idea',
	statusOn: today,
	statusReason: ''
});

export const measureFormValues = (measure: MeasureDetail): MeasureFormValues => ({
	title: measure.title,
	description: measure.description,
	actionFields: [...measure.actionFields],
	goalIds: measure.goals.map((goal) => String(goal.id)),
	leadOrganisationId: measure.leadOrganisationId ? String(measure.leadOrganisationId) : '',
	partnerOrganisationIds: measure.partners.map((partner) => String(partner.id)),
	responsibleContactId: measure.responsibleContactId ? String(measure.responsibleContactId) : '',
	startsOn: measure.startsOn ?? '',
	endsOn: measure.endsOn ?? '',
	progressMode: measure.progressMode,
	isPublic: measure.isPublic,
	links: withSpareLinks(measure.links),
	decisionId: measure.decisionId ? String(measure.decisionId) : '',
	status: measure.status,
	statusOn: measure.statusOn,
	statusReason: measure.statusReason
});

export function readMeasureForm(form: FormData): MeasureFormValues {
	const text = (name: string, max = 1000) => formText(form, name, max);
	const linkRows = formRowCount(form, 'link', 'url', MAX_LINKS + SPARE_LINKS);
	return {
		title: text('title'),
		description: text('description', 20_000),
		actionFields: formList(form, 'actionFields', { count: 20, itemMax: 50 }),
		goalIds: formList(form, 'goalIds', { count: 200, itemMax: 20 }),
		leadOrganisationId: text('leadOrganisationId', 20),
		partnerOrganisationIds: formList(form, 'partnerOrganisationIds', { count: 200, itemMax: 20 }),
		responsibleContactId: text('responsibleContactId', 20),
		startsOn: text('startsOn', 20).trim(),
		endsOn: text('endsOn', 20).trim(),
		progressMode: text('progressMode', 20),
		isPublic: form.get('isPublic') === 'on',
		links: Array.from({ length: linkRows }, (_, index) => ({
			title: text(`link.${index}.title`, 1000),
			url: text(`link.${index}.url`, 3000).trim()
		})),
		decisionId: text('decisionId', 20),
		status: text('status', 20),
		statusOn: text('statusOn', 20).trim(),
		statusReason: text('statusReason', 5000)
	};
}

const ids = (values: string[]) =>
	values.map(positiveIdOf).filter((id): id is number => id !== null);

export const measureInputOf = (values: MeasureFormValues): MeasureInput => ({
	title: values.title,
	description: values.description,
	actionFields: values.actionFields as (typeof ACTION_FIELDS)[number][],
	goalIds: ids(values.goalIds),
	leadOrganisationId: positiveIdOf(values.leadOrganisationId),
	partnerOrganisationIds: ids(values.partnerOrganisationIds),
	responsibleContactId: positiveIdOf(values.responsibleContactId),
	startsOn: values.startsOn || null,
	endsOn: values.endsOn || null,
	progressMode: values.progressMode as ProgressMode,
	isPublic: values.isPublic,
	// Rows left empty are no links; a half-filled row is checked and named.
	links: values.links.filter((link) => link.title.trim() || link.url),
	decisionId: positiveIdOf(values.decisionId)
});

export const statusInputOf = (values: {
	status: string;
	statusOn: string;
	statusReason: string;
}): StatusInput => ({
	status: values.status as MeasureStatus,
	statusOn: values.statusOn,
	reason: values.statusReason
});

/**
 * An amount in euros as typed in the page's language ("1.234,50" in German, "1,234.50" in
 * English) in cents; NaN when it is no amount. A minus stays, for the domain to refuse.
 */
export function centsOf(value: string, locale: string): number {
	const [group, decimal] = locale === 'en' ? [',', '.'] : ['.', ','];
	const plain = value.replace(/[\s€]/g, '').split(group).join('').replace(decimal, '.');
	if (!/^-?\d{1,12}(\.\d{1,2})?$/.test(plain)) return Number.NaN;
	return Math.round(Number(plain) * 100);
}

/** Cents as the budget form shows them again, without grouping: "1234,50" / "1234.50". */
export function amountOf(cents: number, locale: string): string {
	const text = (cents / 100).toFixed(2);
	return locale === 'en' ? text : text.replace('.', ',');
}

export interface BudgetFormValues {
	fundingSourceId: string;
	year: string;
	planned: string;
	spent: string;
}

export function readBudgetForm(form: FormData): BudgetFormValues {
	return {
		fundingSourceId: formText(form, 'fundingSourceId', 20),
		year: formText(form, 'year', 10).trim(),
		planned: formText(form, 'planned', 40),
		spent: formText(form, 'spent', 40)
	};
}

/** The budget line, or the inputs that hold no amount at all. */
export function budgetInputOf(
	values: BudgetFormValues,
	locale: string
): { input: BudgetInput; errors?: undefined } | { errors: Record<string, FormError> } {
	const plannedCents = centsOf(values.planned, locale);
	const spentCents = values.spent.trim() ? centsOf(values.spent, locale) : 0;
	const errors: Record<string, FormError> = {};
	if (Number.isNaN(plannedCents)) errors.planned = { key: 'office.measures.error.money' };
	if (Number.isNaN(spentCents)) errors.spent = { key: 'office.measures.error.money' };
	if (Object.keys(errors).length) return { errors };
	return {
		input: {
			fundingSourceId: positiveIdOf(values.fundingSourceId) ?? 0,
			year: /^\d{4}$/.test(values.year) ? Number(values.year) : Number.NaN,
			plannedCents,
			spentCents
		}
	};
}

export const REACH_FIELDS = ['participants', ...GENDERS, ...AGE_GROUPS] as const;
export type ReachFormValues = Record<'period' | (typeof REACH_FIELDS)[number], string>;

export function readReachForm(form: FormData): ReachFormValues {
	const values = { period: formText(form, 'period', 20).trim() } as ReachFormValues;
	for (const field of REACH_FIELDS) values[field] = formText(form, field, 20);
	return values;
}

export function reachInputOf(values: ReachFormValues): ReachInput {
	const number = (field: (typeof REACH_FIELDS)[number]) => optionalNumberOf(values[field]);
	return {
		period: values.period,
		participants: number('participants') ?? Number.NaN,
		women: number('women'),
		men: number('men'),
		diverse: number('diverse'),
		ageMinors: number('ageMinors'),
		ageYoungAdults: number('ageYoungAdults'),
		ageAdults: number('ageAdults'),
		ageSeniors: number('ageSeniors')
	};
}

/**
 * The translation form: `tr.<locale>.<field>` and the `confirmed` ticks (`<locale>.<field>`).
 * Texts are cut well above their fields' limits, so a text too long gets its message, not a cut.
 */
export function readMeasureTranslations(form: FormData) {
	return {
		translations: Object.fromEntries(
			TARGET_LOCALES.map((locale) => [
				locale,
				Object.fromEntries(
					MEASURE_TEXT_FIELDS.map((field) => [
						field,
						formText(form, `tr.${locale}.${field}`, 20_000)
					])
				)
			])
		),
		confirmed: formList(form, 'confirmed', { count: 100, itemMax: 40 })
	};
}

const INPUTS: Record<string, string> = {
	plannedCents: 'planned',
	spentCents: 'spent',
	reason: 'statusReason'
};

const MESSAGES: Record<string, MessageKey> = {
	too_small: 'office.measures.error.required',
	too_big: 'office.measures.error.tooLong',
	invalid_type: 'office.measures.error.number',
	invalid_format: 'office.measures.error.url',
	unknown: 'office.measures.error.unknown',
	day: 'office.measures.error.day',
	before_start: 'office.measures.error.beforeStart',
	lead_partner: 'office.measures.error.leadPartner',
	reason_required: 'office.measures.error.reasonRequired',
	empty_update: 'office.measures.error.emptyUpdate',
	percent: 'office.measures.error.percent',
	from_milestones: 'office.measures.error.fromMilestones',
	after_end: 'office.measures.error.afterEnd',
	milestone_after_end: 'office.measures.error.milestoneAfterEnd',
	negative: 'office.measures.error.negative',
	over_planned: 'office.measures.error.overPlanned',
	period: 'office.measures.error.period',
	breakdown_over: 'office.measures.error.breakdownOver',
	duplicate: 'office.measures.error.duplicate',
	months: 'office.measures.error.months',
	not_public: 'office.measures.translationNotPublic'
};

/**
 * Where an issue shows: `links.1.url` at `link.1.url`, `translations.ar.title` at `tr.ar.title`,
 * cents at the euro inputs.
 */
function inputOf(path: string): string {
	const link = /^links\.(\d+)\.(title|url)/.exec(path);
	if (link) return `link.${link[1]}.${link[2]}`;
	const translation = /^translations\.([\w-]+)\.(\w+)/.exec(path);
	if (translation) return `tr.${translation[1]}.${translation[2]}`;
	const head = path.split('.')[0] ?? '';
	return INPUTS[head] ?? head;
}

export function measureFormErrors(
	issues: readonly MeasureIssue[],
	errors: Record<string, FormError> = {}
): Record<string, FormError> {
	return firstErrorPerInput(
		issues,
		(issue) => {
			const input = inputOf(issue.path);
			let key = MESSAGES[issue.code] ?? 'office.measures.error.invalid';
			if (input === 'actionFields' && issue.code === 'too_small')
				key = 'office.measures.error.chooseField';
			if (input === 'year' || input === 'status' || input === 'progressMode')
				key = 'office.measures.error.invalid';
			return [input, { key }];
		},
		errors
	);
}
