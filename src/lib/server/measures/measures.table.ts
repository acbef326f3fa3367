import type { Generated } from 'kysely';
import type { PeriodKind } from '../../shared/time/period.js';

/**
 * Tables of the measures context (migration 0010): the integration concept with its goals and
 * indicators, and the measures that serve them. Amounts are whole cents; days `YYYY-MM-DD`;
 * periods `YYYY`, `YYYY-H1`, `YYYY-Q3` (see period.ts).
 */

export interface ConceptVersionsTable {
	id: Generated<number>;
	districtId: number;
	title: string;
	adoptedOn: string;
	periodFrom: number;
	periodTo: number;
	documentUrl: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface GoalsTable {
	id: Generated<number>;
	conceptVersionId: number;
	actionField: string;
	/** Null for the action field's guiding goal; a sub-goal names its guiding goal. */
	parentId: number | null;
	position: number;
	text: string;
	createdAt: string;
	updatedAt: string;
}

export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const PERIOD_KINDS = ['year', 'half', 'quarter'] as const satisfies readonly PeriodKind[];

export interface IndicatorsTable {
	id: Generated<number>;
	goalId: number;
	position: number;
	name: string;
	unit: string;
	direction: IndicatorDirection;
	periodKind: PeriodKind;
	baselineValue: number | null;
	baselineOn: string | null;
	targetValue: number | null;
	targetYear: number | null;
	/** Null when values are entered by hand; else the key of a figure KITZ computes. */
	computation: string | null;
	computationParameter: number | null;
	createdAt: string;
	updatedAt: string;
}

export interface IndicatorValuesTable {
	id: Generated<number>;
	indicatorId: number;
	period: string;
	value: number;
	source: Generated<string>;
	note: Generated<string>;
	/** Set on the snapshot of a computed indicator. */
	computedAt: string | null;
	recordedBy: number | null;
	recordedAt: string;
}

export interface FundingSourcesTable {
	id: Generated<number>;
	districtId: number;
	name: string;
	position: number;
	archivedAt: string | null;
	createdAt: string;
}

export const MEASURE_STATUSES = ['idea', 'planned', 'running', 'completed', 'stopped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const PROGRESS_MODES = ['milestones', 'manual'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];

export interface MeasuresTable {
	id: Generated<number>;
	districtId: number;
	title: string;
	description: Generated<string>;
	status: MeasureStatus;
	statusOn: string;
	statusReason: Generated<string>;
	leadOrganisationId: number | null;
	responsibleContactId: number | null;
	startsOn: string | null;
	endsOn: string | null;
	progressMode: ProgressMode;
	/** 0/1: shown on the portal's "Was wir tun" page. */
	isPublic: number;
	decisionId: number | null;
	createdAt: string;
	updatedAt: string;
}

export interface MeasureActionFieldsTable {
	measureId: number;
	actionField: string;
}

export interface MeasureGoalsTable {
	measureId: number;
	goalId: number;
}

export interface MeasurePartnersTable {
	measureId: number;
	organisationId: number;
}

export interface MeasureOffersTable {
	measureId: number;
	offerId: number;
}

export interface MeasureTasksTable {
	measureId: number;
	taskId: number;
}

export interface MeasureMilestonesTable {
	id: Generated<number>;
	measureId: number;
	title: string;
	dueOn: string;
	doneOn: string | null;
	decisionId: number | null;
	createdAt: string;
	updatedAt: string;
}

export interface MeasureBudgetsTable {
	measureId: number;
	fundingSourceId: number;
	year: number;
	plannedCents: number;
	spentCents: number;
}

/**
 * Participants in a period; every breakdown is an optional anonymous count. Age groups: minors
 * under 18, young adults 18–26, adults 27–64, seniors 65 and over.
 */
export interface MeasureReachTable {
	measureId: number;
	period: string;
	participants: number;
	women: number | null;
	men: number | null;
	diverse: number | null;
	ageMinors: number | null;
	ageYoungAdults: number | null;
	ageAdults: number | null;
	ageSeniors: number | null;
	recordedBy: number | null;
	recordedAt: string;
}

export interface MeasureLinksTable {
	id: Generated<number>;
	measureId: number;
	title: string;
	url: string;
	position: number;
}

export interface MeasureUpdatesTable {
	id: Generated<number>;
	measureId: number;
	recordedAt: string;
	recordedBy: number | null;
	status: MeasureStatus | null;
	progress: number | null;
	note: Generated<string>;
}
