import type { FormError } from '../../shared/forms/form-error.js';
import { formList, formRowCount, formText } from '../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../shared/forms/form-errors.js';
import { nthWeekdayOf, weekdayOf } from '../../shared/time/recurrence.js';
import { sourceHash } from '../translations/translations.service.js';
import {
	TRANSLATION_LOCALES,
	translationIssues,
	type OfferContent,
	type OfferTranslations,
	type TranslationLocale
} from './offer-content.js';
import { OfferValidationError, type OfferIssue } from './offers.errors.js';
import type { OfferInput, ScheduleEntry } from './offers.schema.js';
import { TRANSLATABLE_OFFER_FIELDS, validateOffer, type OfferTextField } from './offers.service.js';

/**
 * The offer form of the back office as plain values (what the person typed, re-shown on errors)
 * and its translation to and from OfferContent. Dates are entered as day, times and a repetition
 * a person can choose; RFC 5545 rules stay available for what the choices do not cover.
 */
export const REPEATS = [
	'none',
	'weekly',
	'biweekly',
	'monthly_weekday',
	'monthly_day',
	'custom'
] as const;
export type Repeat = (typeof REPEATS)[number];

export interface DateRow {
	day: string;
	start: string;
	end: string;
	repeat: Repeat;
	until: string;
	rule: string;
}

export interface OfferFormValues {
	organisationId: string;
	title: string;
	summary: string;
	description: string;
	actionFields: string[];
	targetGroups: string[];
	languages: string[];
	accessibility: string[];
	languageLevel: string;
	/** Empty when the offer names no level it leads to. */
	languageLevelExit: string;
	access: string;
	costKind: string;
	costAmount: string;
	costNote: string;
	locationKind: string;
	street: string;
	placeId: string;
	onlineUrl: string;
	scheduleKind: string;
	dates: DateRow[];
	validFrom: string;
	validTo: string;
	contactName: string;
	contactPhone: string;
	contactEmail: string;
	translations: Record<TranslationLocale, Record<OfferTextField, string>>;
	/** `locale.field` of outdated translations the person confirmed as still matching. */
	confirmed: string[];
}

/** Rows shown for dates: the existing ones and a few empty ones to add more without JavaScript. */
const SPARE_DATE_ROWS = 2;
const MAX_DATE_ROWS = 20;
const MAX_INPUT = 12_000;

const emptyRow = (): DateRow => ({
	day: '',
	start: '',
	end: '',
	repeat: 'none',
	until: '',
	rule: ''
});

function emptyTranslations(): OfferFormValues['translations'] {
	return Object.fromEntries(
		TRANSLATION_LOCALES.map((locale) => [
			locale,
			Object.fromEntries(TRANSLATABLE_OFFER_FIELDS.map((field) => [field, '']))
		])
	) as OfferFormValues['translations'];
}

export function emptyOfferForm(organisationId = ''): OfferFormValues {
	return {
		organisationId,
		title: '',
		summary: '',
		description: '',
		actionFields: [],
		targetGroups: [],
		languages: ['de'],
		accessibility: [],
		languageLevel: 'none',
		languageLevelExit: '',
		access: 'walk_in',
		costKind: 'free',
		costAmount: '',
		costNote: '',
		locationKind: 'address',
		street: '',
		placeId: '',
		onlineUrl: '',
		scheduleKind: 'appointment',
		dates: withSpareRows([]),
		validFrom: '',
		validTo: '',
		contactName: '',
		contactPhone: '',
		contactEmail: '',
		translations: emptyTranslations(),
		confirmed: []
	};
}

function withSpareRows(rows: DateRow[]): DateRow[] {
	const filled = rows.filter((row) => row.day || row.start || row.rule);
	const spare = Math.max(0, Math.min(SPARE_DATE_ROWS, MAX_DATE_ROWS - filled.length));
	return [...filled, ...Array.from({ length: Math.max(spare, filled.length ? 0 : 1) }, emptyRow)];
}

/** The rule for a row's choice, or the row's own rule for "custom"; undefined for single dates. */
export function ruleOf(row: DateRow): string | undefined {
	if (row.repeat === 'none') return undefined;
	if (row.repeat === 'custom') return row.rule.trim().replace(/^RRULE:/i, '');
	const code = weekdayOf(row.day);
	const base = {
		weekly: `FREQ=WEEKLY;BYDAY=${code}`,
		biweekly: `FREQ=WEEKLY;INTERVAL=2;BYDAY=${code}`,
		monthly_weekday: `FREQ=MONTHLY;BYDAY=${nthWeekdayOf(row.day)}`,
		monthly_day: `FREQ=MONTHLY;BYMONTHDAY=${row.day.slice(8, 10).replace(/^0/, '')}`
	}[row.repeat];
	return row.until ? `${base};UNTIL=${row.until.replaceAll('-', '')}T235959Z` : base;
}

/** The form row for a stored date; rules the choices produce come back as those choices. */
export function rowOf(entry: ScheduleEntry): DateRow {
	const day = entry.startsAt.slice(0, 10);
	const row: DateRow = {
		day,
		start: entry.startsAt.slice(11, 16),
		end: entry.endsAt?.slice(11, 16) ?? '',
		repeat: 'none',
		until: '',
		rule: entry.rrule ?? ''
	};
	if (!entry.rrule) return row;
	const until = /;UNTIL=(\d{4})(\d{2})(\d{2})T235959Z$/.exec(entry.rrule);
	const candidate = { ...row, until: until ? `${until[1]}-${until[2]}-${until[3]}` : '' };
	for (const repeat of REPEATS.slice(1, -1))
		if (ruleOf({ ...candidate, repeat }) === entry.rrule) return { ...candidate, repeat, rule: '' };
	return { ...row, repeat: 'custom' };
}

const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

export function formValuesFromContent(content: OfferContent): OfferFormValues {
	const { offer } = content;
	const values = emptyOfferForm(String(offer.organisationId));
	const translations = emptyTranslations();
	for (const locale of TRANSLATION_LOCALES)
		for (const field of TRANSLATABLE_OFFER_FIELDS)
			translations[locale][field] = content.translations[locale]?.[field]?.value ?? '';
	return {
		...values,
		title: offer.title,
		summary: offer.summary,
		description: offer.description,
		actionFields: [...offer.actionFields],
		targetGroups: [...(offer.targetGroups ?? [])],
		languages: [...offer.languages],
		accessibility: [...(offer.accessibility ?? [])],
		languageLevel: offer.languageLevel,
		languageLevelExit: offer.languageLevelExit ?? '',
		access: offer.access,
		costKind: offer.cost.kind,
		costAmount: offer.cost.kind === 'free' ? '' : euros(offer.cost.cents),
		costNote: offer.cost.kind === 'free' ? '' : (offer.cost.note ?? ''),
		locationKind: offer.location.kind,
		street: offer.location.kind === 'address' ? offer.location.street : '',
		placeId: offer.location.kind === 'address' ? String(offer.location.placeId) : '',
		onlineUrl: offer.location.kind === 'online' ? offer.location.url : '',
		scheduleKind: offer.schedule.kind,
		dates: withSpareRows(
			offer.schedule.kind === 'appointment' ? [] : offer.schedule.entries.map(rowOf)
		),
		validFrom: offer.validFrom ?? '',
		validTo: offer.validTo ?? '',
		contactName: offer.contact?.name ?? '',
		contactPhone: offer.contact?.phone ?? '',
		contactEmail: offer.contact?.email ?? '',
		translations
	};
}

export function readOfferForm(form: FormData): OfferFormValues {
	// Browsers send a textarea's line breaks as CRLF; stored texts use LF, so an unchanged
	// multi-line text stays unchanged (no spurious difference in the review and the history).
	const text = (name: string) => formText(form, name).replace(/\r\n?/g, '\n').slice(0, MAX_INPUT);
	const list = (name: string) => formList(form, name, { count: 40, itemMax: 50 });
	const dates: DateRow[] = [];
	const rows = formRowCount(form, 'date', 'day', MAX_DATE_ROWS);
	for (let index = 0; index < rows; index++) {
		const repeat = text(`date.${index}.repeat`) as Repeat;
		dates.push({
			day: text(`date.${index}.day`).trim(),
			start: text(`date.${index}.start`).trim(),
			end: text(`date.${index}.end`).trim(),
			repeat: REPEATS.includes(repeat) ? repeat : 'none',
			until: text(`date.${index}.until`).trim(),
			rule: text(`date.${index}.rule`).trim()
		});
	}
	const translations = emptyTranslations();
	for (const locale of TRANSLATION_LOCALES)
		for (const field of TRANSLATABLE_OFFER_FIELDS)
			translations[locale][field] = text(`tr.${locale}.${field}`);
	return {
		organisationId: text('organisationId'),
		title: text('title'),
		summary: text('summary'),
		description: text('description'),
		actionFields: list('actionFields'),
		targetGroups: list('targetGroups'),
		languages: list('languages'),
		accessibility: list('accessibility'),
		languageLevel: text('languageLevel'),
		languageLevelExit: text('languageLevelExit'),
		access: text('access'),
		costKind: text('costKind'),
		costAmount: text('costAmount').trim(),
		costNote: text('costNote'),
		locationKind: text('locationKind'),
		street: text('street'),
		placeId: text('placeId'),
		onlineUrl: text('onlineUrl').trim(),
		scheduleKind: text('scheduleKind'),
		dates: withSpareRows(dates),
		validFrom: text('validFrom').trim(),
		validTo: text('validTo').trim(),
		contactName: text('contactName'),
		contactPhone: text('contactPhone'),
		contactEmail: text('contactEmail').trim(),
		translations,
		confirmed: list('confirmed')
	};
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** "12,50", "12.50", "12" → cents; null when it is no amount. */
export function parseEuros(value: string): number | null {
	const match = /^(\d{1,6})(?:[.,](\d{1,2}))?\s*€?$/.exec(value.trim());
	if (!match) return null;
	return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** Where a domain issue's path shows in the form. */
function inputOf(path: string): string {
	const date = /^schedule\.entries\.(\d+)\.(startsAt|endsAt|rrule)/.exec(path);
	if (date)
		return `date.${date[1]}.${{ startsAt: 'day', endsAt: 'end', rrule: 'repeat' }[date[2]!]}`;
	const translation = /^translations\.([\w-]+)\.(\w+)/.exec(path);
	if (translation) return `tr.${translation[1]}.${translation[2]}`;
	const [head, tail] = path.split('.');
	const nested: Record<string, string> = {
		'cost.cents': 'costAmount',
		'cost.note': 'costNote',
		'location.street': 'street',
		'location.placeId': 'placeId',
		'location.url': 'onlineUrl',
		'contact.name': 'contactName',
		'contact.phone': 'contactPhone',
		'contact.email': 'contactEmail'
	};
	return (
		nested[`${head}.${tail}`] ??
		(head === 'schedule'
			? 'scheduleKind'
			: head === 'location'
				? 'locationKind'
				: head === 'cost'
					? 'costKind'
					: head!)
	);
}

const LISTS = new Set(['actionFields', 'targetGroups', 'languages', 'accessibility']);

function errorOf(issue: OfferIssue): FormError {
	if (issue.message === 'no such date') return { key: 'office.offerForm.error.day' };
	if (issue.path.endsWith('rrule')) return { key: 'office.offerForm.error.rule' };
	if (issue.path === 'validTo' && issue.code === 'custom')
		return { key: 'office.offerForm.error.validTo' };
	if (issue.path === 'languageLevelExit' && issue.code === 'custom')
		return { key: 'office.offerForm.error.exitLevel' };
	if (issue.path.endsWith('endsAt')) return { key: 'office.offerForm.error.endBeforeStart' };
	if (issue.code === 'too_big')
		return { key: 'office.offerForm.error.tooLong', params: { max: issue.limit ?? 0 } };
	if (issue.code === 'too_small')
		return {
			key: LISTS.has(issue.path)
				? 'office.offerForm.error.chooseOne'
				: 'office.offerForm.error.required'
		};
	if (issue.path === 'contact.email') return { key: 'office.offerForm.error.email' };
	if (issue.path === 'location.url') return { key: 'office.offerForm.error.url' };
	return { key: 'office.offerForm.error.invalid' };
}

/**
 * The content the form describes, or the errors per input. `previous` is the content the form
 * was opened with: an unchanged translation keeps the German text it was made from.
 */
export function contentFromForm(
	values: OfferFormValues,
	previous: OfferContent | null
):
	| { content: OfferContent; errors?: undefined }
	| { errors: Record<string, FormError>; draft: OfferInput } {
	const errors: Record<string, FormError> = {};
	const cents = parseEuros(values.costAmount);
	if (values.costKind !== 'free' && cents === null)
		errors.costAmount = { key: 'office.offerForm.error.amount' };
	const entries: ScheduleEntry[] = [];
	if (values.scheduleKind === 'dates' || values.scheduleKind === 'recurring')
		values.dates.forEach((row, index) => {
			if (!row.day && !row.start && !row.end && !row.rule) return;
			if (!DAY.test(row.day)) errors[`date.${index}.day`] = { key: 'office.offerForm.error.day' };
			else if (!TIME.test(row.start))
				errors[`date.${index}.start`] = { key: 'office.offerForm.error.time' };
			else if (row.end && !TIME.test(row.end))
				errors[`date.${index}.end`] = { key: 'office.offerForm.error.time' };
			else if (values.scheduleKind === 'recurring' && row.repeat === 'none')
				errors[`date.${index}.repeat`] = { key: 'office.offerForm.error.repeat' };
			else if (row.until && !DAY.test(row.until))
				errors[`date.${index}.until`] = { key: 'office.offerForm.error.day' };
			else {
				const rrule = values.scheduleKind === 'recurring' ? ruleOf(row) : undefined;
				entries.push({
					startsAt: `${row.day}T${row.start}`,
					...(row.end ? { endsAt: `${row.day}T${row.end}` } : {}),
					...(rrule ? { rrule } : {})
				});
			}
		});
	if (
		(values.scheduleKind === 'dates' || values.scheduleKind === 'recurring') &&
		entries.length === 0 &&
		!Object.keys(errors).some((key) => key.startsWith('date.'))
	)
		errors['date.0.day'] = { key: 'office.offerForm.error.noDates' };

	const optional = (value: string) => (value.trim() ? value.trim() : undefined);
	const offer = {
		organisationId: Number(values.organisationId) || 0,
		title: values.title,
		summary: values.summary,
		description: values.description,
		actionFields: values.actionFields,
		targetGroups: values.targetGroups,
		languages: values.languages,
		languageLevel: values.languageLevel,
		languageLevelExit: values.languageLevelExit || null,
		cost:
			values.costKind === 'free'
				? { kind: 'free' }
				: {
						kind: values.costKind,
						cents: cents ?? 0,
						...(optional(values.costNote) ? { note: optional(values.costNote) } : {})
					},
		access: values.access,
		accessibility: values.accessibility,
		location:
			values.locationKind === 'online'
				? { kind: 'online', url: values.onlineUrl }
				: {
						kind: values.locationKind,
						street: values.street,
						placeId: Number(values.placeId) || 0
					},
		schedule:
			values.scheduleKind === 'appointment'
				? { kind: 'appointment' }
				: { kind: values.scheduleKind, entries },
		...(values.validFrom ? { validFrom: values.validFrom } : {}),
		...(values.validTo ? { validTo: values.validTo } : {}),
		contact: {
			...(optional(values.contactName) ? { name: optional(values.contactName) } : {}),
			...(optional(values.contactPhone) ? { phone: optional(values.contactPhone) } : {}),
			...(optional(values.contactEmail) ? { email: optional(values.contactEmail) } : {})
		}
	} as OfferInput;

	const translations: OfferTranslations = {};
	for (const locale of TRANSLATION_LOCALES)
		for (const field of TRANSLATABLE_OFFER_FIELDS) {
			const value = values.translations[locale][field].trim();
			if (!value) continue;
			const before = previous?.translations[locale]?.[field];
			const current = sourceHash(offer[field].trim());
			const unchanged = before && before.value === value;
			const confirmed = values.confirmed.includes(`${locale}.${field}`);
			(translations[locale] ??= {})[field] = {
				value,
				basedOn: unchanged && !confirmed ? before.basedOn : current,
				status: unchanged && !confirmed ? before.status : 'reviewed'
			};
		}

	const issues: OfferIssue[] = [...translationIssues(translations)];
	try {
		validateOffer(offer);
	} catch (failure) {
		if (!(failure instanceof OfferValidationError)) throw failure;
		issues.push(...failure.issues);
	}
	// Rows with their own message, and amounts already reported, keep the first, clearer one.
	firstErrorPerInput(issues, (issue) => [inputOf(issue.path), errorOf(issue)], errors);
	if (Object.keys(errors).length) return { errors, draft: offer };
	return { content: { offer, translations } };
}
