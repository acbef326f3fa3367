import type { MessageKey } from '../../i18n/messages.js';
import type { FormError } from '../../shared/forms/form-error.js';
import { formText, optionalNumberOf, positiveIdOf } from '../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../shared/forms/form-errors.js';
import type { CommitteeDetail, TermView } from './committee-views.js';
import type { CommitteeIssue } from './committees.errors.js';
import {
	FIGURE_COUNTS,
	MAX_SEATS,
	type CommitteeInput,
	type FigureCount,
	type FiguresInput,
	type MemberInput,
	type TermInput
} from './committees.schema.js';

/** The register's forms as plain values, shown again as typed on errors. */

export interface CommitteeFormValues {
	name: string;
	type: string;
	body: string;
	organisationId: string;
	seats: string;
	meetingRhythm: string;
	contactId: string;
	contactText: string;
	description: string;
	isPublic: boolean;
}

export const emptyCommitteeForm = (): CommitteeFormValues => ({
	name: '',
	type: '',
	body: '',
	organisationId: '',
	seats: '',
	meetingRhythm: '',
	contactId: '',
	contactText: '',
	description: '',
	isPublic: false
});

export const committeeFormValues = (committee: CommitteeDetail): CommitteeFormValues => ({
	name: committee.name,
	type: committee.type,
	body: committee.body,
	organisationId: committee.organisationId === null ? '' : String(committee.organisationId),
	seats: String(committee.seats),
	meetingRhythm: committee.meetingRhythm,
	contactId: committee.contact.contactId === null ? '' : String(committee.contact.contactId),
	contactText: committee.contact.text,
	description: committee.description,
	isPublic: committee.isPublic
});

export function readCommitteeForm(form: FormData): CommitteeFormValues {
	return {
		name: formText(form, 'name', 1000),
		type: formText(form, 'type', 60),
		body: formText(form, 'body', 1000),
		organisationId: formText(form, 'organisationId', 20),
		seats: formText(form, 'seats', 20),
		meetingRhythm: formText(form, 'meetingRhythm', 1000),
		contactId: formText(form, 'contactId', 20),
		contactText: formText(form, 'contactText', 2000),
		description: formText(form, 'description', 20_000),
		isPublic: form.get('isPublic') === 'on'
	};
}

/** An id chosen in a select: '' is none, anything else must be an id (0 fails the check). */
const chosenId = (value: string) => (value === '' ? null : (positiveIdOf(value) ?? 0));
/** A whole number as typed; '' and anything else than digits is NaN, named by the domain. */
const wholeNumber = (value: string) => optionalNumberOf(value) ?? Number.NaN;
const optionalDay = (value: string) => (value.trim() === '' ? null : value.trim());

export const committeeInputOf = (values: CommitteeFormValues): CommitteeInput => ({
	...values,
	type: values.type as CommitteeInput['type'],
	organisationId: chosenId(values.organisationId),
	contactId: chosenId(values.contactId),
	seats: wholeNumber(values.seats)
});

export interface TermFormValues {
	startsOn: string;
	endsOn: string;
	seats: string;
}

export const emptyTermForm = (): TermFormValues => ({ startsOn: '', endsOn: '', seats: '' });

export const termFormValues = (term: TermView): TermFormValues => ({
	startsOn: term.startsOn,
	endsOn: term.endsOn ?? '',
	seats: term.ownSeats === null ? '' : String(term.ownSeats)
});

export const readTermForm = (form: FormData): TermFormValues => ({
	startsOn: formText(form, 'startsOn', 20),
	endsOn: formText(form, 'endsOn', 20),
	seats: formText(form, 'seats', 20)
});

export const termInputOf = (values: TermFormValues): TermInput => ({
	startsOn: values.startsOn.trim(),
	endsOn: optionalDay(values.endsOn),
	seats: optionalNumberOf(values.seats)
});

export interface MemberFormValues {
	contactId: string;
	role: string;
	fromOn: string;
	toOn: string;
}

export const emptyMemberForm = (): MemberFormValues => ({
	contactId: '',
	role: 'member',
	fromOn: '',
	toOn: ''
});

export const readMemberForm = (form: FormData): MemberFormValues => ({
	contactId: formText(form, 'contactId', 20),
	role: formText(form, 'role', 40),
	fromOn: formText(form, 'fromOn', 20),
	toOn: formText(form, 'toOn', 20)
});

export const memberInputOf = (values: MemberFormValues): MemberInput => ({
	contactId: positiveIdOf(values.contactId) ?? 0,
	role: values.role as MemberInput['role'],
	fromOn: optionalDay(values.fromOn),
	toOn: optionalDay(values.toOn)
});

export type FiguresFormValues = Record<FigureCount | 'recordedOn', string>;

export const emptyFiguresForm = (today: string): FiguresFormValues => ({
	recordedOn: today,
	answered: '',
	migrationHistory: '',
	women: '',
	men: '',
	diverse: '',
	genderNotStated: ''
});

export function readFiguresForm(form: FormData): FiguresFormValues {
	const values = { recordedOn: formText(form, 'recordedOn', 20) } as FiguresFormValues;
	for (const name of FIGURE_COUNTS) values[name] = formText(form, name, 20);
	return values;
}

/** A count as typed: digits, or a minus sign before them so that "negative" can be said. */
const countOf = (typed: string) => {
	const trimmed = typed.trim();
	return /^-\d{1,6}$/.test(trimmed) ? Number(trimmed) : wholeNumber(trimmed);
};

export function figuresInputOf(values: FiguresFormValues): FiguresInput {
	const input = { recordedOn: values.recordedOn.trim() } as FiguresInput;
	for (const name of FIGURE_COUNTS) input[name] = countOf(values[name]);
	return input;
}

/** The codes with a message of their own (`office.committees.error.<code>`). */
const CODES = [
	'above_seats',
	'above_total',
	'already_member',
	'confirm',
	'count_number',
	'day',
	'ends_before_start',
	'fewer_seats_than_answered',
	'fewer_seats_than_members',
	'future',
	'gender_sum',
	'member_outside',
	'negative',
	'no_consent',
	'outside_term',
	'overlaps',
	'public_contact',
	'seats_full',
	'seats_number',
	'seats_range',
	'unknown'
] as const;
type Code = (typeof CODES)[number];
const isCode = (code: string): code is Code => (CODES as readonly string[]).includes(code);

/**
 * Each input's first problem as a catalogue key. `prefix` names the form's inputs where a page
 * holds several forms (`member-contactId`, `figures-women`).
 */
export function committeeFormErrors(
	issues: readonly CommitteeIssue[],
	prefix = ''
): Record<string, FormError> {
	return firstErrorPerInput(issues, (issue) => {
		const input = `${prefix}${issue.path.split('.')[0]}`;
		let key: MessageKey = isCode(issue.code)
			? `office.committees.error.${issue.code}`
			: `office.committees.error.invalid`;
		if (issue.code === 'too_small' || issue.code === 'invalid_value')
			key = 'office.committees.error.required';
		const params = issue.code === 'seats_range' ? { max: MAX_SEATS } : issue.params;
		return [input, { key, ...(params ? { params } : {}) }];
	});
}
