import type { Kysely } from 'kysely';
import { isStaff, type Actor } from '../accounts/authorization.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { districtOrganisationNames } from '../organisations/organisations.service.js';
import { authorizeOnOpening, authorizeOnUnit, type OpeningEditor } from './opening-access.js';
import { auditOpening } from './opening-audit.js';
import { OpeningValidationError, UnitNotFoundError } from './opening.errors.js';
import {
	findUnitRow,
	insertUnitRow,
	listRoundRows,
	listUnitRows,
	type UnitRow
} from './opening.repository.js';
import { parseOpeningInput, unitInputSchema, type UnitInput } from './opening.schema.js';
import type { RoundStatus, UnitKind } from './opening.table.js';

export interface UnitSummary {
	id: number;
	districtId: number;
	kind: UnitKind;
	name: string;
	organisationId: number | null;
	rounds: number;
	/** The newest round: its label and status. */
	latest: { id: number; label: string; status: RoundStatus } | null;
}

/** The units the actor works with: every unit of the district for staff, a partner's own. */
export async function listUnits(db: Db, actor: Actor): Promise<UnitSummary[]> {
	if (actor.role === 'viewer') throw new ForbiddenError('read', actor.role);
	const rows = await listUnitRows(
		db,
		actor.districtId,
		isStaff(actor) ? undefined : actor.organisationIds
	);
	const rounds = await listRoundRows(
		db,
		rows.map((row) => row.id)
	);
	return rows.map((row) => {
		const own = rounds.filter((round) => round.unitId === row.id);
		const latest = own.at(-1);
		return {
			...unitOf(row),
			rounds: own.length,
			latest: latest ? { id: latest.id, label: latest.label, status: latest.status } : null
		};
	});
}

const unitOf = (row: UnitRow) => ({
	id: row.id,
	districtId: row.districtId,
	kind: row.kind,
	name: row.name,
	organisationId: row.organisationId
});

export type Unit = ReturnType<typeof unitOf>;

/** A unit the actor may work with; no unit of another district or organisation. */
export async function unitInScope(db: Db, actor: Actor, unitId: number): Promise<Unit> {
	const row = await findUnitRow(db, unitId);
	if (!row) throw new UnitNotFoundError(unitId);
	authorizeOnUnit(actor, row);
	return unitOf(row);
}

/** Organisations a unit or an action may name: the district's. */
export function organisationOptions(db: Kysely<DB>, actor: Actor) {
	return districtOrganisationNames(db, actor.districtId);
}

/** Checks that an organisation is the district's; returns its name. */
export async function districtOrganisationName(
	db: Kysely<DB>,
	districtId: number,
	organisationId: number,
	path: string
): Promise<string> {
	const found = (await districtOrganisationNames(db, districtId)).find(
		(organisation) => organisation.id === organisationId
	);
	if (!found) throw new OpeningValidationError([{ path, code: 'unknown' }]);
	return found.name;
}

/** A new unit; an organisation's unit is named after it unless a name is given. */
export async function createUnit(
	db: Kysely<DB>,
	actor: OpeningEditor,
	input: UnitInput,
	now = new Date()
): Promise<number> {
	authorizeOnOpening(actor, 'manage', actor.districtId);
	const unit = parseOpeningInput(unitInputSchema, input);
	const organisationId = unit.kind === 'organisation' ? unit.organisationId : null;
	const organisationName =
		organisationId === null
			? ''
			: await districtOrganisationName(db, actor.districtId, organisationId, 'organisationId');
	const name = unit.name || organisationName;
	return inTransaction(db, async (trx) => {
		const at = now.toISOString();
		const values = { districtId: actor.districtId, kind: unit.kind, name, organisationId };
		const id = await insertUnitRow(trx, { ...values, createdAt: at, updatedAt: at });
		await auditOpening(
			trx,
			actor,
			actor.districtId,
			{ action: 'opening.unit.create', entity: 'opening_unit', entityId: id, after: values },
			now
		);
		return id;
	});
}
