import { authorize, can, type Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import { berlinInstant, berlinNow, berlinToday } from '../../shared/time/berlin-clock.js';
import {
	formatPeriod,
	isClosed,
	periodDays,
	periodsBetween,
	previousPeriod,
	type Period
} from '../../shared/time/period.js';
import { addDays } from '../../shared/time/wall-clock.js';
import { findDistrictName } from './period-figures.repository.js';
import {
	computeSections,
	FIGURE_SECTION_KEYS,
	type FigureContext,
	type PeriodFigures
} from './report-figures.js';
import {
	findSnapshot,
	insertSnapshot,
	updateSnapshotFigures
} from './report-snapshots.repository.js';
import { parseReportPeriod } from './reports.schema.js';

/** One period's figures and whether they are final. */
export interface PeriodReport {
	period: Period;
	days: { from: string; to: string };
	figures: PeriodFigures;
	/** When the closed period's figures were frozen; null while the period runs (provisional). */
	frozenAt: string | null;
}

export interface YearlyReport {
	district: string;
	/** The Berlin day the report was made. */
	asOf: string;
	current: PeriodReport;
	/** The period just before, of the same kind, for the changes. */
	previous: PeriodReport;
}

// District leadership (viewers) and staff read the reports; partners do not.
const districtScope = (actor: Actor) => ({
	districtId: actor.districtId,
	organisationId: 0,
	published: false
});

export function canReadReports(actor: Actor): boolean {
	return can(actor, 'read', districtScope(actor));
}

/** The yearly (or half-yearly, quarterly) report of the actor's district for a period. */
export async function yearlyReport(
	db: Db,
	actor: Actor,
	periodText: string,
	now = new Date()
): Promise<YearlyReport> {
	authorize(actor, 'read', districtScope(actor));
	const today = berlinToday(now);
	const period = parseReportPeriod(periodText, today);
	const [district, current, previous] = await Promise.all([
		findDistrictName(db, actor.districtId),
		periodReport(db, actor, period, now),
		periodReport(db, actor, previousPeriod(period), now)
	]);
	return { district, asOf: today, current, previous };
}

/**
 * A period's figures: live while it runs; once closed, frozen in a snapshot the first time they
 * are needed and read from there ever after, so a report made again later shows the same.
 */
async function periodReport(
	db: Db,
	actor: Actor,
	period: Period,
	now: Date
): Promise<PeriodReport> {
	const districtId = actor.districtId;
	const days = periodDays(period);
	const context: FigureContext = {
		db,
		districtId,
		actor,
		period,
		window: {
			fromDay: days.from,
			toDay: days.to,
			until: berlinInstant(`${addDays(days.to, 1)}T00:00`).toISOString()
		},
		now: berlinNow(now),
		clock: now
	};
	if (!isClosed(period, berlinToday(now)))
		return {
			period,
			days,
			figures: (await computeSections(context, FIGURE_SECTION_KEYS)) as PeriodFigures,
			frozenAt: null
		};
	const key = formatPeriod(period);
	let stored = await findSnapshot(db, districtId, key);
	if (!stored) {
		const figures = await computeSections(context, FIGURE_SECTION_KEYS);
		const takenAt = now.toISOString();
		await insertSnapshot(db, {
			districtId,
			period: key,
			figures: JSON.stringify(figures),
			takenAt
		});
		// Another request may have frozen the period a moment earlier: its figures stand.
		stored = (await findSnapshot(db, districtId, key))!;
	}
	const figures = JSON.parse(stored.figures) as Partial<PeriodFigures>;
	const missing = FIGURE_SECTION_KEYS.filter((section) => !(section in figures));
	if (missing.length) {
		Object.assign(figures, await computeSections(context, missing));
		await updateSnapshotFigures(db, districtId, key, JSON.stringify(figures));
	}
	return { period, days, figures: figures as PeriodFigures, frozenAt: stored.takenAt };
}

/**
 * The periods a report can be made for, newest first: the last five years, with their halves
 * and quarters, as far as they have begun. The default is the last closed year.
 */
export function reportPeriodChoices(now = new Date()): {
	periods: string[];
	defaultPeriod: string;
} {
	const today = berlinToday(now);
	const year = Number(today.slice(0, 4));
	const periods = (['year', 'half', 'quarter'] as const)
		.flatMap((kind) => periodsBetween(kind, year - 4, year))
		.filter((period) => periodDays(period).from <= today)
		.sort((a, b) => b.year - a.year || kindOrder(a) - kindOrder(b) || a.part - b.part)
		.map(formatPeriod);
	return { periods, defaultPeriod: String(year - 1) };
}

const kindOrder = (period: Period) => ['year', 'half', 'quarter'].indexOf(period.kind);
