import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/authorization.js';
import { canInNetwork, type NetworkAction } from './network-access.js';

const DISTRICT = 1;
const OWN = 10;
const actor = (role: Actor['role'], organisationIds: number[] = []): Actor => ({
	role,
	districtId: DISTRICT,
	organisationIds
});
const network = (members: number[], taskOwner: number | null = null) => ({
	districtId: DISTRICT,
	memberOrganisationIds: members,
	taskOwnerOrganisationId: taskOwner
});

describe('network access', () => {
	// role → action → [member network & own task, member network & foreign task, other network]
	const MATRIX: [Actor, Record<NetworkAction, [boolean, boolean, boolean]>][] = [
		[
			actor('administrator'),
			{ read: [true, true, true], manage: [true, true, true], edit_task: [true, true, true] }
		],
		[
			actor('coordinator'),
			{ read: [true, true, true], manage: [true, true, true], edit_task: [true, true, true] }
		],
		[
			actor('partner_editor', [OWN]),
			{ read: [true, true, false], manage: [false, false, false], edit_task: [true, false, false] }
		],
		[
			actor('viewer'),
			{ read: [true, true, true], manage: [false, false, false], edit_task: [false, false, false] }
		]
	];
	it.each(MATRIX)('%o acts as designed', (who, expected) => {
		for (const [action, [ownTask, foreignTask, other]] of Object.entries(expected) as [
			NetworkAction,
			boolean[]
		][]) {
			expect(canInNetwork(who, action, network([OWN, 20], OWN)), `${action} own task`).toBe(
				ownTask
			);
			expect(canInNetwork(who, action, network([OWN, 20], 20)), `${action} foreign task`).toBe(
				foreignTask
			);
			expect(canInNetwork(who, action, network([20], 20)), `${action} other network`).toBe(other);
		}
	});

	it('refuses every other district', () => {
		expect(canInNetwork(actor('administrator'), 'read', { ...network([]), districtId: 2 })).toBe(
			false
		);
	});
});
