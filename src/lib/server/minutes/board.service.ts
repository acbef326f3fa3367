import type { Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { canInNetwork } from '../networks/network-access.js';
import { TASK_KINDS, TASK_STATUSES } from './minutes.table.js';
import {
	findMemberOrganisationsByNetwork,
	findNetworkActionFields,
	findNetworks
} from './board.repository.js';
import { findBoardTasks, OPEN_STATUSES } from './tasks.repository.js';
import { isDate, parseOwner, type TaskStatus } from './tasks.schema.js';
import { mayEditTask, toTaskSummary, type TaskSummary } from './tasks.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';

/** `active` means open or in progress: what the board shows unless asked otherwise. */
export const BOARD_STATUSES = ['active', ...TASK_STATUSES, 'all'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export interface BoardFilters {
	actionField?: string;
	networkId?: number;
	/** `organisation:ID` or `contact:ID`. */
	owner?: string;
	dueFrom?: string;
	dueTo?: string;
	status: BoardStatus;
	kind?: (typeof TASK_KINDS)[number];
}

/** The board's filters from the page address; unknown values are dropped and reported. */
export function parseBoardFilters(params: URLSearchParams): {
	filters: BoardFilters;
	invalid: boolean;
} {
	let invalid = false;
	const pick = <T>(name: string, valid: (value: string) => boolean, map: (value: string) => T) => {
		const value = params.get(name)?.trim();
		if (!value) return undefined;
		if (valid(value)) return map(value);
		invalid = true;
		return undefined;
	};
	const among = (list: readonly string[]) => (value: string) => list.includes(value);
	const same = (value: string) => value;
	const filters: BoardFilters = {
		actionField: pick('actionField', among(ACTION_FIELDS), same),
		networkId: pick('network', (value) => /^\d{1,9}$/.test(value), Number),
		owner: pick('owner', (value) => parseOwner(value) !== null, same),
		dueFrom: pick('dueFrom', isDate, same),
		dueTo: pick('dueTo', isDate, same),
		status: pick('status', among(BOARD_STATUSES), (value) => value as BoardStatus) ?? 'active',
		kind: pick('kind', among(TASK_KINDS), (value) => value as BoardFilters['kind'])
	};
	return { filters, invalid };
}

export interface BoardRow extends TaskSummary {
	/** The actor may change this row's status. */
	mayEdit: boolean;
}

export interface Board {
	rows: BoardRow[];
	overdue: number;
	options: {
		networks: { id: number; name: string }[];
		owners: { key: string; name: string }[];
	};
	/** Staff plan offers; others only follow them. */
	mayPlan: boolean;
}

const statusesFor = (status: BoardStatus): readonly TaskStatus[] =>
	status === 'all' ? TASK_STATUSES : status === 'active' ? OPEN_STATUSES : [status];

/**
 * Open tasks and planned integration offers across the networks the actor may read, filtered
 * as asked; overdue means due before today in Europe/Berlin and not done or cancelled.
 */
export async function listBoard(
	db: Db,
	actor: Actor,
	filters: BoardFilters,
	now = new Date()
): Promise<Board> {
	const today = berlinToday(now);
	const [rows, members, actionFields, networks] = await Promise.all([
		findBoardTasks(db, { districtId: actor.districtId, statuses: TASK_STATUSES }),
		findMemberOrganisationsByNetwork(db, actor.districtId, today),
		findNetworkActionFields(db, actor.districtId),
		findNetworks(db, actor.districtId)
	]);
	const membersOf = (networkId: number | null) => (networkId ? (members.get(networkId) ?? []) : []);
	const scope = (networkId: number | null) => ({
		districtId: actor.districtId,
		memberOrganisationIds: membersOf(networkId)
	});
	const readable = rows.filter((row) => canInNetwork(actor, 'read', scope(row.networkId)));
	const statuses = statusesFor(filters.status);
	const owner = filters.owner;
	const visible = readable
		.filter((row) => statuses.includes(row.status))
		.filter((row) => !filters.kind || row.kind === filters.kind)
		.filter((row) => !filters.networkId || row.networkId === filters.networkId)
		.filter((row) => !filters.dueFrom || (!!row.dueOn && row.dueOn >= filters.dueFrom))
		.filter((row) => !filters.dueTo || (!!row.dueOn && row.dueOn <= filters.dueTo))
		.filter(
			(row) =>
				!filters.actionField ||
				row.actionField === filters.actionField ||
				(!row.actionField &&
					!!row.networkId &&
					(actionFields.get(row.networkId) ?? []).includes(filters.actionField))
		)
		.map((row) => ({
			...toTaskSummary(row, today),
			mayEdit: mayEditTask(actor, row, membersOf(row.networkId))
		}))
		.filter((row) => !owner || row.ownerKey === owner);
	const owners = new Map<string, string>();
	for (const row of readable) {
		const summary = toTaskSummary(row, today);
		if (summary.ownerKey && summary.ownerName) owners.set(summary.ownerKey, summary.ownerName);
	}
	return {
		rows: visible,
		overdue: visible.filter((row) => row.overdue).length,
		options: {
			networks: networks
				.filter((network) => canInNetwork(actor, 'read', scope(network.id)))
				.map((network) => ({ id: network.id, name: network.name })),
			owners: [...owners]
				.map(([key, name]) => ({ key, name }))
				.sort((a, b) => a.name.localeCompare(b.name, 'de'))
		},
		mayPlan: canInNetwork(actor, 'manage', scope(null))
	};
}
