import type { MessageKey } from '../../i18n/messages.js';
import type { FormError } from '../../shared/forms/form-error.js';
import {
	formList,
	formText,
	optionalNumberOf,
	positiveIdOf
} from '../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../shared/forms/form-errors.js';
import type { CallIssue } from './calls.errors.js';
import {
	CALL_TARGET_LOCALES,
	CALL_TEXT_FIELDS,
	type ApplicationInput,
	type CallInput,
	type CallTargetLocale,
	type CallTextField,
	type CallTranslationsInput
} from './calls.schema.js';
import type { CallView } from './calls.service.js';

/** The office's call form, the portal's application form: plain values, shown again as typed. */

export interface CallFormValues {
	committeeId: string;
	termId: string;
	title: string;
	text: string;
	seatsSought: string;
	eligibility: string;
	deadline: string;
}

export const emptyCallForm = (): CallFormValues => ({
	committeeId: '',
	termId: '',
	title: '',
	text: '',
	seatsSought: '1',
	eligibility: '',
	deadline: ''
});

export const callFormValues = (call: CallView): CallFormValues => ({
	committeeId: String(call.committee.id),
	termId: call.term ? String(call.term.id) : '',
	title: call.title,
	text: call.text,
	seatsSought: String(call.seatsSought),
	eligibility: call.eligibility,
	deadline: call.deadline
});

export function readCallForm(form: FormData): CallFormValues {
	return {
		committeeId: formText(form, 'committeeId', 12),
		termId: formText(form, 'termId', 12),
		title: formText(form, 'title', 1_000),
		text: formText(form, 'text', 20_000),
		seatsSought: formText(form, 'seatsSought', 12),
		eligibility: formText(form, 'eligibility', 5_000),
		deadline: formText(form, 'deadline', 20)
	};
}

export const callInputOf = (values: CallFormValues): CallInput => ({
	committeeId: positiveIdOf(values.committeeId) ?? 0,
	termId: positiveIdOf(values.termId),
	title: values.title,
	text: values.text,
	seatsSought: optionalNumberOf(values.seatsSought) ?? Number.NaN,
	eligibility: values.eligibility,
	deadline: values.deadline
});

/** The codes with a message of their own (`office.calls.error.<code>`). */
const CALL_CODES = [
	'unknown',
	'other_committee',
	'more_than_seats',
	'deadline_past',
	'not_a_day',
	'too_big',
	'not_accepted',
	'no_term'
] as const;
const isCallCode = (code: string): code is (typeof CALL_CODES)[number] =>
	(CALL_CODES as readonly string[]).includes(code);

/** Issues of a call, or of its translations (`translations.uk.title` → `tr.uk.title`). */
export function callFormErrors(issues: readonly CallIssue[]): Record<string, FormError> {
	return firstErrorPerInput(issues, (issue) => {
		const input = issue.path.startsWith('translations.')
			? `tr.${issue.path.slice('translations.'.length)}`
			: issue.path.split('.')[0]!;
		const key: MessageKey = isCallCode(issue.code)
			? `office.calls.error.${issue.code}`
			: input === 'seatsSought'
				? 'office.calls.error.seats'
				: issue.code === 'too_small'
					? 'office.calls.error.required'
					: 'office.calls.error.invalid';
		return [input, { key, ...(issue.params ? { params: issue.params } : {}) }];
	});
}

export function readCallTranslations(form: FormData): {
	input: CallTranslationsInput;
	values: Record<string, string>;
} {
	const values: Record<string, string> = {};
	const translations: Partial<Record<CallTargetLocale, Partial<Record<CallTextField, string>>>> =
		{};
	for (const locale of CALL_TARGET_LOCALES)
		for (const field of Object.keys(CALL_TEXT_FIELDS) as CallTextField[]) {
			const name = `tr.${locale}.${field}`;
			if (!form.has(name)) continue;
			values[name] = formText(form, name, 20_000);
			(translations[locale] ??= {})[field] = values[name];
		}
	return {
		input: { translations, confirmed: formList(form, 'confirmed', { count: 100, itemMax: 40 }) },
		values
	};
}

export interface ApplicationFormValues {
	name: string;
	email: string;
	phone: string;
	placeId: string;
	languages: string[];
	message: string;
	consent: boolean;
}

export const emptyApplicationForm = (): ApplicationFormValues => ({
	name: '',
	email: '',
	phone: '',
	placeId: '',
	languages: [],
	message: '',
	consent: false
});

export function readApplicationForm(form: FormData): {
	values: ApplicationFormValues;
	/** The honeypot's content. */
	trap: string;
} {
	return {
		values: {
			name: formText(form, 'name', 1_000),
			email: formText(form, 'email', 1_000),
			phone: formText(form, 'phone', 200),
			placeId: formText(form, 'placeId', 12),
			languages: formList(form, 'languages', { count: 30, itemMax: 10 }),
			message: formText(form, 'message', 20_000),
			consent: form.get('consent') === 'yes'
		},
		trap: formText(form, 'website', 1_000)
	};
}

export const applicationInputOf = (values: ApplicationFormValues): ApplicationInput => ({
	name: values.name,
	email: values.email,
	phone: values.phone,
	placeId: values.placeId === '' ? null : (positiveIdOf(values.placeId) ?? 0),
	languages: values.languages,
	message: values.message,
	consent: values.consent
});

const LIMITS: Record<string, number> = { name: 200, email: 200, phone: 50, message: 5_000 };

/** The visitor's problems, one message per input in their language. */
export function applicationFormErrors(issues: readonly CallIssue[]): Record<string, FormError> {
	return firstErrorPerInput(issues, (issue) => {
		const input = issue.path.split('.')[0]!;
		if (issue.code === 'too_big' && LIMITS[input])
			return [input, { key: 'portal.participation.error.tooLong', params: { max: LIMITS[input] } }];
		if (issue.code === 'no_contact_way')
			return [input, { key: 'portal.participation.error.contactWay' }];
		const keys: Record<string, MessageKey> = {
			name: 'portal.participation.error.name',
			email: 'portal.participation.error.email',
			phone: 'portal.participation.error.phone',
			placeId: 'portal.participation.error.place',
			languages: 'portal.participation.error.languages',
			message: 'portal.participation.error.message',
			consent: 'portal.participation.error.consent'
		};
		return [input, { key: keys[input] ?? 'portal.participation.error.invalid' }];
	});
}
