import { describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/authorization.js';
import { mayKeepDirectory, mayReadContactData } from './directory-access.js';

const DISTRICT = 1;
const OWN = 10;
const actor = (role: Actor['role'], organisationIds: number[] = []): Actor => ({
	role,
	districtId: DISTRICT,
	organisationIds
});

describe('directory access', () => {
	it('lets staff keep the directory of their own district only', () => {
		expect(mayKeepDirectory(actor('administrator'), DISTRICT)).toBe(true);
		expect(mayKeepDirectory(actor('coordinator'), DISTRICT)).toBe(true);
		expect(mayKeepDirectory(actor('partner_editor', [OWN]), DISTRICT)).toBe(false);
		expect(mayKeepDirectory(actor('viewer'), DISTRICT)).toBe(false);
		expect(mayKeepDirectory(actor('administrator'), 2)).toBe(false);
	});

	it('shows contact data only where there is a purpose', () => {
		const contact = (shares: boolean, consents: boolean) => ({
			districtId: DISTRICT,
			sharesNetworkWithActor: shares,
			consentsToNetworkContact: consents
		});
		expect(mayReadContactData(actor('coordinator'), contact(false, false))).toBe(true);
		expect(mayReadContactData(actor('viewer'), contact(true, true))).toBe(false);
		expect(mayReadContactData(actor('partner_editor', [OWN]), contact(true, true))).toBe(true);
		expect(mayReadContactData(actor('partner_editor', [OWN]), contact(true, false))).toBe(false);
		expect(mayReadContactData(actor('partner_editor', [OWN]), contact(false, true))).toBe(false);
		expect(
			mayReadContactData(actor('coordinator'), { ...contact(true, true), districtId: 2 })
		).toBe(false);
	});
});
