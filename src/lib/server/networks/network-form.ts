import type { MessageKey } from '../../i18n/messages.js';
import type { FormError } from '../../shared/forms/form-error.js';
import { formList, formText, positiveIdOf } from '../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../shared/forms/form-errors.js';
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
		name: formText(form, 'name', 1000),
		description: formText(form, 'description', 10_000),
		actionFields: formList(form, 'actionFields', { count: 20, itemMax: 50 }),
		coordinatingOrganisationId: formText(form, 'coordinatingOrganisationId', 20)
	};
}

export const networkInputOf = (values: NetworkFormValues): NetworkInput => ({
	name: values.name,
	description: values.description,
	actionFields: values.actionFields as (typeof ACTION_FIELDS)[number][],
	coordinatingOrganisationId: positiveIdOf(values.coordinatingOrganisationId)
});

export function readMemberForm(form: FormData): MemberFormValues {
	return {
		member: formText(form, 'member', 20),
		role: formText(form, 'role', 20),
		joinedOn: formText(form, 'joinedOn').trim().slice(0, 20)
	};
}

export function memberInputOf(values: MemberFormValues): MemberInput {
	const [kind, id] = values.member.split(':');
	return {
		organisationId: kind === 'o' ? positiveIdOf(id ?? '') : null,
		contactId: kind === 'c' ? positiveIdOf(id ?? '') : null,
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
	return firstErrorPerInput(issues, (issue) => {
		const head = issue.path.split('.')[0] ?? '';
		const input = INPUTS[head] ?? head;
		let key = MESSAGES[issue.code] ?? 'office.networks.error.invalid';
		if (input === 'actionFields' && issue.code === 'too_small')
			key = 'office.networks.error.chooseField';
		if ((input === 'joinedOn' || input === 'leftOn') && !MESSAGES[issue.code])
			key = 'office.networks.error.day';
		return [input, { key }];
	});
}
