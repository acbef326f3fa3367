import { recordAudit, type AuditAction } from '../accounts/audit.service.js';
import type { Db } from '../db/schema.js';
import type { CommitteeEditor } from './committee-access.js';

/** One audit entry for a change in a district's committee register, always on the committee. */
export async function auditCommittees(
	db: Db,
	actor: CommitteeEditor,
	districtId: number,
	change: {
		action: AuditAction & `committee.${string}`;
		entityId: number;
		before?: unknown;
		after?: unknown;
	},
	now: Date
): Promise<void> {
	await recordAudit(db, { districtId, userId: actor.id, entity: 'committee', ...change }, now);
}
