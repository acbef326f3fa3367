import type { Db } from '../db/schema.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import type { MeasureStatus, ProgressMode } from './measures.table.js';
import { findActionFields, findUpdates, type MeasureRow } from './measures.repository.js';
import { findBudget, findMilestones } from './measure-parts.repository.js';
import { progressOf, trafficLight, type Light, type LightReason } from './progress.js';

/** A measure as lists, the overview and the report show it: with progress and traffic light. */
export interface MeasureSummary {
	id: number;
	title: string;
	status: MeasureStatus;
	statusOn: string;
	actionFields: string[];
	leadOrganisationName: string | null;
	startsOn: string | null;
	endsOn: string | null;
	progressMode: ProgressMode;
	progress: number | null;
	light: Light;
	reasons: LightReason[];
	/** The day anything of the measure last changed (Europe/Berlin). */
	lastUpdateOn: string;
	isPublic: boolean;
	decisionId: number | null;
}

/** Summaries of measure rows, with their parts loaded in a few queries for all of them. */
export async function summarise(
	db: Db,
	rows: readonly MeasureRow[],
	staleMonths: number,
	now: Date
): Promise<MeasureSummary[]> {
	const ids = rows.map((row) => row.id);
	const [fields, milestones, budget, updates] = await Promise.all([
		findActionFields(db, ids),
		findMilestones(db, ids),
		findBudget(db, ids),
		findUpdates(db, ids)
	]);
	const today = berlinToday(now);
	return rows.map((row) => {
		const own = <T extends { measureId: number }>(list: readonly T[]) =>
			list.filter((item) => item.measureId === row.id);
		const ownMilestones = own(milestones);
		// Updates come newest first: the first with a figure is the progress entered last.
		const manual = own(updates).find((update) => update.progress !== null)?.progress ?? null;
		const lastUpdateOn = berlinToday(new Date(row.updatedAt));
		const { light, reasons } = trafficLight({
			status: row.status,
			milestones: ownMilestones,
			budget: own(budget),
			lastUpdateOn,
			today,
			staleMonths
		});
		return {
			id: row.id,
			title: row.title,
			status: row.status,
			statusOn: row.statusOn,
			actionFields: own(fields).map((field) => field.actionField),
			leadOrganisationName: row.leadOrganisationName,
			startsOn: row.startsOn,
			endsOn: row.endsOn,
			progressMode: row.progressMode,
			progress: progressOf(row.progressMode, ownMilestones, manual),
			light,
			reasons,
			lastUpdateOn,
			isPublic: row.isPublic === 1,
			decisionId: row.decisionId
		};
	});
}
