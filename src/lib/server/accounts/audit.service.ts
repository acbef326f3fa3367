import type { KeysUnder } from '../../i18n/messages.js';
import type { Db } from '../db/schema.js';
import { type Actor } from './authorization.js';
import { ForbiddenError } from './accounts.errors.js';

/** What an audit entry records; each has a label on the audit page, so an unlabelled one fails the check. */
export type AuditAction = KeysUnder<'office.audit.action.'>;

export interface AuditEntry {
	districtId: number;
	userId: number | null;
	action: AuditAction;
	entity: string;
	entityId: number;
	before?: unknown;
	after?: unknown;
}

/** Records a change; call it in the transaction of the change, so the log never misses one. */
export async function recordAudit(db: Db, entry: AuditEntry, now = new Date()): Promise<void> {
	await db
		.insertInto('auditLog')
		.values({
			districtId: entry.districtId,
			userId: entry.userId,
			at: now.toISOString(),
			action: entry.action,
			entity: entry.entity,
			entityId: entry.entityId,
			before: entry.before === undefined ? null : JSON.stringify(entry.before),
			after: entry.after === undefined ? null : JSON.stringify(entry.after)
		})
		.execute();
}

export interface AuditRecord {
	at: string;
	action: string;
	entity: string;
	entityId: number;
	userName: string | null;
	before: unknown;
	after: unknown;
}

/** The newest changes in the actor's district; administrators only. */
export async function listAudit(db: Db, actor: Actor, limit = 100): Promise<AuditRecord[]> {
	if (actor.role !== 'administrator') throw new ForbiddenError('read', actor.role);
	const rows = await db
		.selectFrom('auditLog')
		.leftJoin('users', 'users.id', 'auditLog.userId')
		.select([
			'auditLog.at',
			'auditLog.action',
			'auditLog.entity',
			'auditLog.entityId',
			'auditLog.before',
			'auditLog.after',
			'users.name as userName'
		])
		.where('auditLog.districtId', '=', actor.districtId)
		.orderBy('auditLog.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((row) => ({
		...row,
		before: row.before === null ? null : JSON.parse(row.before),
		after: row.after === null ? null : JSON.parse(row.after)
	}));
}
