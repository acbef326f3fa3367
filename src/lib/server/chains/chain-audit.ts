import { recordAudit, type AuditAction } from '../accounts/audit.service.js';
import type { Db } from '../db/schema.js';
import type { ChainEditor } from './chain-access.js';

type ChainEntity = 'chain' | 'chain_stage' | 'chain_transition' | 'chain_friction' | 'chain_review';

/** One audit entry for a change in a district's chains. */
export async function auditChains(
	db: Db,
	actor: ChainEditor,
	districtId: number,
	change: {
		action: AuditAction & `chain.${string}`;
		entity: ChainEntity;
		entityId: number;
		before?: unknown;
		after?: unknown;
	},
	now: Date
): Promise<void> {
	await recordAudit(db, { districtId, userId: actor.id, ...change }, now);
}
