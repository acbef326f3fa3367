import { describe, expect, it } from 'vitest';
import {
	ACTIONS,
	authorize,
	can,
	ROLES,
	type Action,
	type Actor,
	type Role
} from './authorization.js';
import { ForbiddenError } from './accounts.errors.js';

const DISTRICT = 1;
const OWN = 10;
const FOREIGN = 20;

const actors: Record<Role, Actor> = {
	administrator: { role: 'administrator', districtId: DISTRICT, organisationIds: [] },
	coordinator: { role: 'coordinator', districtId: DISTRICT, organisationIds: [] },
	partner_editor: { role: 'partner_editor', districtId: DISTRICT, organisationIds: [OWN] },
	viewer: { role: 'viewer', districtId: DISTRICT, organisationIds: [] }
};

// The designed matrix, written out: role → action → [own organisation, foreign organisation].
// "Own" is the partner's organisation; for staff both columns are records of their district.
const Y = true;
const N = false;
// prettier-ignore
const MATRIX: Record<Role, Record<Action, [boolean, boolean]>> = {
	administrator: {
		read: [Y, Y], create: [Y, Y], edit: [Y, Y], submit: [Y, Y], approve: [Y, Y],
		archive: [Y, Y], delete: [Y, Y], import: [Y, Y], export: [Y, Y], manage_users: [Y, Y],
		edit_pages: [Y, Y]
	},
	coordinator: {
		read: [Y, Y], create: [Y, Y], edit: [Y, Y], submit: [Y, Y], approve: [Y, Y],
		archive: [Y, Y], delete: [N, N], import: [Y, Y], export: [Y, Y], manage_users: [Y, Y],
		edit_pages: [Y, Y]
	},
	partner_editor: {
		read: [Y, N], create: [Y, N], edit: [Y, N], submit: [Y, N], approve: [N, N],
		archive: [Y, N], delete: [N, N], import: [Y, N], export: [Y, N], manage_users: [N, N],
		edit_pages: [N, N]
	},
	viewer: {
		read: [Y, Y], create: [N, N], edit: [N, N], submit: [N, N], approve: [N, N],
		archive: [N, N], delete: [N, N], import: [N, N], export: [Y, Y], manage_users: [N, N],
		edit_pages: [N, N]
	}
};

describe('authorisation matrix', () => {
	for (const role of ROLES) {
		for (const action of ACTIONS) {
			const [own, foreign] = MATRIX[role][action];
			it(`${role} ${own ? 'may' : 'may not'} ${action} own records, ${foreign ? 'may' : 'may not'} foreign ones`, () => {
				const record = (organisationId: number) => ({
					districtId: DISTRICT,
					organisationId,
					published: false
				});
				expect(can(actors[role], action, record(OWN))).toBe(own);
				expect(can(actors[role], action, record(FOREIGN))).toBe(foreign);
			});
		}
	}

	it('lets partners read what other organisations have published, nothing more', () => {
		const published = { districtId: DISTRICT, organisationId: FOREIGN, published: true };
		expect(can(actors.partner_editor, 'read', published)).toBe(true);
		expect(can(actors.partner_editor, 'edit', published)).toBe(false);
	});

	it('keeps every role inside its own district', () => {
		const elsewhere = { districtId: 2, organisationId: OWN, published: true };
		for (const role of ROLES)
			for (const action of ACTIONS) expect(can(actors[role], action, elsewhere)).toBe(false);
	});

	it('throws a domain error naming the refused action', () => {
		expect(() =>
			authorize(actors.viewer, 'edit', {
				districtId: DISTRICT,
				organisationId: OWN,
				published: true
			})
		).toThrow(ForbiddenError);
	});
});
