import type { Generated } from 'kysely';

/** Tables of the intercultural opening context (migration 0017). Days are `YYYY-MM-DD`. */

export interface OpeningInstrumentsTable {
	id: Generated<number>;
	districtId: number;
	/** 1, 2, … per district; rounds keep the version they were answered with. */
	version: number;
	/** JSON of `InstrumentContent` (opening.schema.ts). */
	content: string;
	createdBy: number | null;
	createdAt: string;
	updatedAt: string;
}

export const UNIT_KINDS = ['administration', 'organisation'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface OpeningUnitsTable {
	id: Generated<number>;
	districtId: number;
	kind: UnitKind;
	/** E.g. "Fachdienst Ausländerangelegenheiten", or the organisation's name. */
	name: string;
	/** The organisation whose partner editors fill in the unit's rounds. */
	organisationId: number | null;
	createdAt: string;
	updatedAt: string;
}

export const ROUND_STATUSES = ['draft', 'submitted'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export interface OpeningRoundsTable {
	id: Generated<number>;
	unitId: number;
	instrumentId: number;
	/** The round's name, e.g. "2026". */
	label: string;
	status: RoundStatus;
	submittedAt: string | null;
	submittedBy: number | null;
	createdAt: string;
	updatedAt: string;
}

export interface OpeningRatingsTable {
	roundId: number;
	itemKey: string;
	/** 0 to the scale's top level; null while not rated. */
	level: number | null;
	notApplicable: Generated<number>;
	comment: Generated<string>;
}

export interface OpeningActionsTable {
	id: Generated<number>;
	roundId: number;
	what: string;
	/** Who does it, in words; or an organisation of the district. */
	who: Generated<string>;
	organisationId: number | null;
	dueOn: string | null;
	/** The measure or task the action became. */
	measureId: number | null;
	taskId: number | null;
	createdAt: string;
	updatedAt: string;
}
