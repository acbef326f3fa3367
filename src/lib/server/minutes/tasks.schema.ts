import type { MessageKey } from '../../i18n/messages.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { formText } from '../../shared/forms/form-data.js';
import { TASK_STATUSES } from './minutes.table.js';
import { isCalendarDay } from '../../shared/time/wall-clock.js';

/**
 * The task and planned-offer forms as plain values (re-shown on errors) and their parsing.
 * An owner is written `organisation:ID` or `contact:ID`, as the owner select offers them.
 */
export interface TaskFormValues {
	title: string;
	description: string;
	owner: string;
	dueOn: string;
	status: string;
	agendaItemId: string;
	actionField: string;
	networkId: string;
	/** A planned offer's existing offer: its number, slug or public address. */
	offer: string;
}

export type TaskOwner = { organisationId: number } | { contactId: number };
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskInput {
	title: string;
	description: string;
	owner: TaskOwner;
	dueOn: string;
	status: TaskStatus;
	agendaItemId: number | null;
	actionField: string | null;
	networkId: number | null;
	offer: { id: number } | { slug: string } | null;
}

const FIELDS: (keyof TaskFormValues)[] = [
	'title',
	'description',
	'owner',
	'dueOn',
	'status',
	'agendaItemId',
	'actionField',
	'networkId',
	'offer'
];

export function taskValuesFromForm(form: FormData): TaskFormValues {
	const values = {} as TaskFormValues;
	for (const field of FIELDS) values[field] = formText(form, field, 4000);
	return values;
}

export const emptyTaskValues = (): TaskFormValues => ({
	title: '',
	description: '',
	owner: '',
	dueOn: '',
	status: 'open',
	agendaItemId: '',
	actionField: '',
	networkId: '',
	offer: ''
});

/** A `YYYY-MM-DD` that names a real day. */
export const isDate = isCalendarDay;

export function parseOwner(value: string): TaskOwner | null {
	const match = /^(organisation|contact):(\d{1,9})$/.exec(value);
	if (!match) return null;
	const id = Number(match[2]);
	return match[1] === 'organisation' ? { organisationId: id } : { contactId: id };
}

export const ownerKey = (owner: TaskOwner) =>
	'organisationId' in owner ? `organisation:${owner.organisationId}` : `contact:${owner.contactId}`;

const optionalId = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : null);

/** An offer reference: a number, a slug, or an address whose last segment is the slug. */
function parseOfferRef(value: string): TaskInput['offer'] | undefined {
	const text = value.trim();
	if (!text) return null;
	if (/^\d{1,9}$/.test(text)) return { id: Number(text) };
	const slug =
		text
			.replace(/[?#].*$/, '')
			.replace(/\/+$/, '')
			.split('/')
			.pop() ?? '';
	return /^[a-z0-9-]{1,200}$/.test(slug) ? { slug } : undefined;
}

/** Checks the form; every problem at once, by input name, as catalogue keys. */
export function parseTaskForm(
	values: TaskFormValues
): { input: TaskInput; errors?: undefined } | { errors: Record<string, MessageKey> } {
	const errors: Record<string, MessageKey> = {};
	const title = values.title.trim();
	if (!title) errors.title = 'office.task.error.title';
	else if (title.length > 200) errors.title = 'office.task.error.titleLength';
	const description = values.description.trim();
	if (description.length > 2000) errors.description = 'office.task.error.descriptionLength';
	const owner = parseOwner(values.owner);
	if (!owner) errors.owner = 'office.task.error.owner';
	if (!isDate(values.dueOn)) errors.dueOn = 'office.task.error.dueOn';
	const status = (TASK_STATUSES as readonly string[]).includes(values.status)
		? (values.status as TaskStatus)
		: null;
	if (!status) errors.status = 'office.task.error.status';
	const actionField = values.actionField || null;
	if (actionField && !(ACTION_FIELDS as readonly string[]).includes(actionField))
		errors.actionField = 'office.task.error.actionField';
	const offer = parseOfferRef(values.offer);
	if (offer === undefined) errors.offer = 'office.task.error.offer';
	if (Object.keys(errors).length) return { errors };
	return {
		input: {
			title,
			description,
			owner: owner!,
			dueOn: values.dueOn,
			status: status!,
			agendaItemId: optionalId(values.agendaItemId),
			actionField,
			networkId: optionalId(values.networkId),
			offer: offer ?? null
		}
	};
}
