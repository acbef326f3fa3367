import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * A membership counts from its joining day up to (not including) its leaving day. A query
 * fragment of its own, so that meetings and minutes select the same members as networks do.
 */
export const activeOn = (eb: ExpressionBuilder<DB, 'networkMembers'>, today: string) =>
	eb.and([
		eb('networkMembers.joinedOn', '<=', today),
		eb.or([eb('networkMembers.leftOn', 'is', null), eb('networkMembers.leftOn', '>', today)])
	]);
