import type { Kysely } from 'kysely';
import { isStaff, type Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import {
	districtOrganisationNames,
	findOrganisationDistrict
} from '../organisations/organisations.service.js';
import { authorizeOnChains, seesAllFriction, type ChainEditor } from './chain-access.js';
import { auditChains } from './chain-audit.js';
import {
	ChainValidationError,
	FrictionReportNotFoundError,
	TransitionNotFoundError
} from './chains.errors.js';
import { findTransitionChainId } from './chains.repository.js';
import { frictionInputSchema, parseChainInput, type FrictionInput } from './chains.schema.js';
import { loadChain } from './chains.service.js';
import {
	acknowledgeFrictionRow,
	countFrictionByTransition,
	findFrictionRow,
	findFrictionRows,
	insertFrictionRow
} from './friction.repository.js';

/**
 * Friction at an interface, as partners report it from their log-in: a partner editor reports for
 * one of their organisations and sees their organisations' reports; staff record one for any
 * organisation of the district or none, see every report and acknowledge them; viewers read all.
 */

export interface FrictionReport {
	id: number;
	transitionId: number;
	organisationId: number | null;
	organisationName: string | null;
	body: string;
	waitingWeeks: number | null;
	/** An instant (ISO UTC). */
	createdAt: string;
	acknowledgedAt: string | null;
}

/** A report's input: what went wrong, and for whom it is reported when that is a choice. */
export type FrictionReportInput = FrictionInput & { organisationId: number | null };

async function districtOfTransition(db: Db, transitionId: number): Promise<number> {
	const chainId = await findTransitionChainId(db, transitionId);
	if (chainId === undefined) throw new TransitionNotFoundError(transitionId);
	return (await loadChain(db, chainId)).districtId;
}

/**
 * The organisation a report is for: a partner's own (the only one, or the one they chose), for
 * staff any organisation of the district or none.
 */
async function reportingOrganisation(
	db: Db,
	actor: Actor,
	districtId: number,
	organisationId: number | null
): Promise<number | null> {
	if (isStaff(actor)) {
		if (
			organisationId !== null &&
			(await findOrganisationDistrict(db, organisationId)) !== districtId
		)
			throw new ChainValidationError([{ path: 'organisationId', code: 'unknown' }]);
		return organisationId;
	}
	if (organisationId === null) {
		if (actor.organisationIds.length === 1) return actor.organisationIds[0]!;
		throw new ChainValidationError([{ path: 'organisationId', code: 'choose_organisation' }]);
	}
	if (!actor.organisationIds.includes(organisationId))
		throw new ChainValidationError([{ path: 'organisationId', code: 'not_own_organisation' }]);
	return organisationId;
}

export async function reportFriction(
	db: Kysely<DB>,
	actor: ChainEditor,
	transitionId: number,
	input: FrictionReportInput,
	now = new Date()
): Promise<number> {
	const districtId = await districtOfTransition(db, transitionId);
	authorizeOnChains(actor, 'report_friction', districtId);
	const report = parseChainInput(frictionInputSchema, input);
	const organisationId = await reportingOrganisation(db, actor, districtId, input.organisationId);
	return inTransaction(db, async (trx) => {
		const id = await insertFrictionRow(trx, {
			transitionId,
			organisationId,
			reportedBy: actor.id,
			body: report.body,
			waitingWeeks: report.waitingWeeks,
			createdAt: now.toISOString()
		});
		await auditChains(
			trx,
			actor,
			districtId,
			{
				action: 'chain.friction.report',
				entity: 'chain_friction',
				entityId: id,
				after: { transitionId, organisationId, ...report }
			},
			now
		);
		return id;
	});
}

const visibleTo = (actor: Actor) => (report: { organisationId: number | null }) =>
	seesAllFriction(actor) ||
	(report.organisationId !== null && actor.organisationIds.includes(report.organisationId));

/** The reports at a transition the actor may see, newest first. */
export async function listFriction(
	db: Db,
	actor: Actor,
	transitionId: number
): Promise<FrictionReport[]> {
	authorizeOnChains(actor, 'read', await districtOfTransition(db, transitionId));
	return (await findFrictionRows(db, transitionId)).filter(visibleTo(actor)).map((row) => ({
		id: row.id,
		transitionId: row.transitionId,
		organisationId: row.organisationId,
		organisationName: row.organisationName,
		body: row.body,
		waitingWeeks: row.waitingWeeks,
		createdAt: row.createdAt,
		acknowledgedAt: row.acknowledgedAt
	}));
}

/** Staff have read a report and taken it up; acknowledging twice changes nothing. */
export async function acknowledgeFriction(
	db: Kysely<DB>,
	actor: ChainEditor,
	reportId: number,
	now = new Date()
): Promise<void> {
	const report = await findFrictionRow(db, reportId);
	if (!report) throw new FrictionReportNotFoundError(reportId);
	const districtId = await districtOfTransition(db, report.transitionId);
	authorizeOnChains(actor, 'manage', districtId);
	if (report.acknowledgedAt) return;
	await inTransaction(db, async (trx) => {
		await acknowledgeFrictionRow(trx, reportId, actor.id, now.toISOString());
		await auditChains(
			trx,
			actor,
			districtId,
			{
				action: 'chain.friction.acknowledge',
				entity: 'chain_friction',
				entityId: reportId,
				before: { acknowledgedAt: null },
				after: { acknowledgedAt: now.toISOString() }
			},
			now
		);
	});
}

export interface FrictionCount {
	total: number;
	/** Not yet acknowledged by the office. */
	open: number;
}

/** Reports per transition of a chain (those the actor may see), for the interfaces overview. */
export async function frictionCounts(
	db: Db,
	actor: Actor,
	chainId: number
): Promise<Record<number, FrictionCount>> {
	const chain = await loadChain(db, chainId);
	authorizeOnChains(actor, 'read', chain.districtId);
	const rows = await countFrictionByTransition(
		db,
		chainId,
		seesAllFriction(actor) ? undefined : actor.organisationIds
	);
	return Object.fromEntries(
		rows.map((row) => [row.transitionId, { total: Number(row.total), open: Number(row.open ?? 0) }])
	);
}

/**
 * The organisations the actor may report for: a partner's own, for staff every organisation of
 * the district; one alone needs no choice.
 */
export async function frictionOrganisationChoices(
	db: Kysely<DB>,
	actor: Actor
): Promise<{ id: number; name: string }[]> {
	const all = await districtOrganisationNames(db, actor.districtId);
	return isStaff(actor) ? all : all.filter((o) => actor.organisationIds.includes(o.id));
}
