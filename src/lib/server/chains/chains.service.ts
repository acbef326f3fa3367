import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/authorization.js';
import type { DB, Db } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { slugify } from '../../shared/text/slugify.js';
import { authorizeOnChains, type ChainEditor } from './chain-access.js';
import { auditChains } from './chain-audit.js';
import {
	toChainDetail,
	toChainSummary,
	type ChainDetail,
	type ChainSummary
} from './chain-views.js';
import { ChainNotFoundError } from './chains.errors.js';
import {
	findChainActionFields,
	findChainRow,
	findChainRowBySlug,
	findStageOfferRows,
	findStageRows,
	findTransitionRows,
	insertChainRow,
	listChainRows,
	replaceChainActionFields,
	updateChainRow,
	type ChainRow
} from './chains.repository.js';
import { chainInputSchema, parseChainInput, type ChainInput } from './chains.schema.js';

export type { ChainDetail, ChainSummary, StageView, TransitionView } from './chain-views.js';

async function summariesOf(db: Db, rows: ChainRow[]): Promise<ChainSummary[]> {
	const fields = await findChainActionFields(
		db,
		rows.map((row) => row.id)
	);
	return rows.map((row) =>
		toChainSummary(
			row,
			fields.filter((field) => field.chainId === row.id).map((field) => field.actionField)
		)
	);
}

/** The district's chains by title. */
export async function listChains(db: Db, actor: Actor): Promise<ChainSummary[]> {
	authorizeOnChains(actor, 'read', actor.districtId);
	return summariesOf(db, await listChainRows(db, actor.districtId));
}

/** A chain with its stages in step order and its transitions; no authorisation (callers check). */
export async function loadChain(db: Db, chainId: number): Promise<ChainDetail> {
	const row = await findChainRow(db, chainId);
	if (!row) throw new ChainNotFoundError(chainId);
	const [summary] = await summariesOf(db, [row]);
	const stages = await findStageRows(db, [chainId]);
	return toChainDetail(
		summary!,
		stages,
		await findTransitionRows(db, [chainId]),
		await findStageOfferRows(
			db,
			stages.map((stage) => stage.id)
		)
	);
}

export async function getChain(db: Db, actor: Actor, chainId: number): Promise<ChainDetail> {
	const chain = await loadChain(db, chainId);
	authorizeOnChains(actor, 'read', chain.districtId);
	return chain;
}

/** The public chains of a district, for the portal. */
export async function listPublicChains(db: Db, districtId: number): Promise<ChainSummary[]> {
	return summariesOf(db, await listChainRows(db, districtId, { publicOnly: true }));
}

/** A public chain by its address in the portal, or null when there is none. */
export async function findPublicChain(
	db: Db,
	districtId: number,
	slug: string
): Promise<ChainDetail | null> {
	const row = await findChainRowBySlug(db, districtId, slug);
	return row && row.isPublic === 1 ? loadChain(db, row.id) : null;
}

/** The first free address for a new chain: its public title, numbered when taken. */
async function freeSlug(db: Db, districtId: number, text: string): Promise<string> {
	const base = slugify(text) || 'weg';
	for (let n = 1; ; n += 1) {
		const slug = n === 1 ? base : `${base}-${n}`;
		if (!(await findChainRowBySlug(db, districtId, slug))) return slug;
	}
}

const columnsOf = (chain: ChainInput) => ({
	title: chain.title,
	publicTitle: chain.publicTitle,
	introduction: chain.introduction,
	isPublic: chain.isPublic ? 1 : 0
});

export async function createChain(
	db: Kysely<DB>,
	actor: ChainEditor,
	input: ChainInput,
	now = new Date()
): Promise<number> {
	authorizeOnChains(actor, 'manage', actor.districtId);
	const chain = parseChainInput(chainInputSchema, input);
	return inTransaction(db, async (trx) => {
		const at = now.toISOString();
		const id = await insertChainRow(trx, {
			districtId: actor.districtId,
			slug: await freeSlug(trx, actor.districtId, chain.publicTitle),
			...columnsOf(chain),
			createdAt: at,
			updatedAt: at
		});
		await replaceChainActionFields(trx, id, chain.actionFields);
		await auditChains(
			trx,
			actor,
			actor.districtId,
			{ action: 'chain.create', entity: 'chain', entityId: id, after: chain },
			now
		);
		return id;
	});
}

/** Changes what a chain is; its address in the portal stays, so printed links keep working. */
export async function updateChain(
	db: Kysely<DB>,
	actor: ChainEditor,
	chainId: number,
	input: ChainInput,
	now = new Date()
): Promise<void> {
	const before = await loadChain(db, chainId);
	authorizeOnChains(actor, 'manage', before.districtId);
	const chain = parseChainInput(chainInputSchema, input);
	await inTransaction(db, async (trx) => {
		await updateChainRow(trx, chainId, { ...columnsOf(chain), updatedAt: now.toISOString() });
		await replaceChainActionFields(trx, chainId, chain.actionFields);
		await auditChains(
			trx,
			actor,
			before.districtId,
			{
				action: 'chain.update',
				entity: 'chain',
				entityId: chainId,
				before: {
					title: before.title,
					publicTitle: before.publicTitle,
					introduction: before.introduction,
					actionFields: before.actionFields,
					isPublic: before.isPublic
				},
				after: chain
			},
			now
		);
	});
}
