import { recordAudit, type AuditAction } from '../accounts/audit.service.js';
import type { Db } from '../db/schema.js';
import type { OpeningEditor } from './opening-access.js';

type OpeningEntity = 'opening_instrument' | 'opening_unit' | 'opening_round' | 'opening_action';

/** One audit entry for a change in a district's intercultural opening. */
export async function auditOpening(
	db: Db,
	actor: OpeningEditor,
	districtId: number,
	change: {
		action: AuditAction & `opening.${string}`;
		entity: OpeningEntity;
		entityId: number;
		before?: unknown;
		after?: unknown;
	},
	now: Date
): Promise<void> {
	await recordAudit(db, { districtId, userId: actor.id, ...change }, now);
}
