import type { MessageKey } from '../../i18n/messages.js';
import type { FormError } from '../../shared/forms/form-error.js';
import type { ACTION_FIELDS } from '../action-fields/action-fields.js';
import type { MemberRole } from './networks.table.js';
import type { NetworkIssue } from './networks.errors.js';
import type { MemberInput, NetworkInput } from './networks.schema.js';
import type { NetworkDetail } from './networks.service.js';

/** The network and member forms as plain values, re-shown with a message per input on errors. */
export interface NetworkFormValues {
	name: string;
	description: string;
	actionFields: string[];
	coordinatingOrganisationId: string;
}

export interface MemberFormValues {
	/** `o:<id>` for an organisation, `c:<id>` for a person of the directory. */
	member: string;
	role: string;
	joinedOn: string;
}

export const emptyNetworkForm = (): NetworkFormValues => ({
	name: '',
	description: '',
	actionFields: [],
	coordinatingOrganisationId: ''
});

export const networkFormValues = (network: NetworkDetail): NetworkFormValues => ({
	name: network.name,
	description: network.description,
	actionFields: [...network.actionFields],
	coordinatingOrganisationId: network.coordinatingOrganisationId
		? String(network.coordinatingOrganisationId)
		: ''
});

export function readNetworkForm(form: FormData): NetworkFormValues {
	return {
		name: String(form.get('name') ?? '').slice(0, 1000),
		description: String(form.get('description') ?? '').slice(0, 10_000),
		actionFields: form
			.getAll('actionFields')
			.map((value) => String(value).slice(0, 50))
			.slice(0, 20),
		coordinatingOrganisationId: String(form.get('coordinatingOrganisationId') ?? '').slice(0, 20)
	};
}

const idOf = (value: string) =>
	/^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null;

export const networkInputOf = (values: NetworkFormValues): NetworkInput => ({
	name: values.name,
	description: values.description,
	actionFields: values.actionFields as (typeof ACTION_FIELDS)[number][],
	coordinatingOrganisationId: idOf(values.coordinatingOrganisationId)
});

export function readMemberForm(form: FormData): MemberFormValues {
	return {
		member: String(form.get('member') ?? '').slice(0, 20),
		role: String(form.get('role') ?? '').slice(0, 20),
		joinedOn: String(form.get('joinedOn') ?? '')
			.trim()
			.slice(0, 20)
	};
}

export function memberInputOf(values: MemberFormValues): MemberInput {
	const [kind, id] = values.member.split(':');
	return {
		organisationId: kind === 'o' ? idOf(id ?? '') : null,
		contactId: kind === 'c' ? idOf(id ?? '') : null,
		role: values.role as MemberRole,
		joinedOn: values.joinedOn
	};
}

const INPUTS: Record<string, string> = {
	organisationId: 'member',
	contactId: 'member',
	member: 'member'
};

const MESSAGES: Record<string, MessageKey> = {
	too_small: 'office.networks.error.required',
	too_big: 'office.networks.error.tooLong',
	unknown: 'office.networks.error.unknown',
	duplicate: 'office.networks.error.duplicate',
	one_member: 'office.networks.error.chooseMember',
	before_joined: 'office.networks.error.beforeJoined'
};

export function networkFormErrors(issues: readonly NetworkIssue[]): Record<string, FormError> {
	const errors: Record<string, FormError> = {};
	for (const issue of issues) {
		const head = issue.path.split('.')[0] ?? '';
		const input = INPUTS[head] ?? head;
		let key = MESSAGES[issue.code] ?? 'office.networks.error.invalid';
		if (input === 'actionFields' && issue.code === 'too_small')
			key = 'office.networks.error.chooseField';
		if ((input === 'joinedOn' || input === 'leftOn') && !MESSAGES[issue.code])
			key = 'office.networks.error.day';
		errors[input] ??= { key };
	}
	return errors;
}
