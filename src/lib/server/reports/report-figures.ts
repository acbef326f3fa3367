import type { Actor } from '../accounts/authorization.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import {
	committeeFiguresForPeriod,
	type CommitteeReportFigures
} from '../committees/committee-report.service.js';
import type { Db } from '../db/schema.js';
import {
	meetingFiguresByNetwork,
	type NetworkMeetingFigures
} from '../meetings/meeting-figures.service.js';
import type { Period } from '../../shared/time/period.js';
import { MEASURE_SECTIONS } from './measure-figures.js';
import {
	countPeriodOffers,
	countPeriodOffersByActionField,
	countPeriodOffersByPlace,
	listDistrictPlaces,
	type PeriodWindow
} from './period-figures.repository.js';

type ActionField = (typeof ACTION_FIELDS)[number];

/** What a section needs to compute a period's figures. */
export interface FigureContext {
	db: Db;
	districtId: number;
	/** Who asked for the report: the measures' read functions check that they may read them. */
	actor: Actor;
	period: Period;
	window: PeriodWindow;
	/** Berlin wall clock `YYYY-MM-DDTHH:mm`: what has not happened yet does not count. */
	now: string;
	/** The same moment as an instant, for the read functions that take one. */
	clock: Date;
}

export interface MeetingFigures {
	networks: NetworkMeetingFigures[];
}

export interface PlaceOfferCount {
	placeId: number;
	name: string;
	amt: string | null;
	count: number;
}

export interface OfferFigures {
	total: number;
	/** Offers without a place: online only. */
	online: number;
	byActionField: { actionField: ActionField; count: number }[];
	/** Every municipality of the district, those without offers too, and any other with offers. */
	byPlace: PlaceOfferCount[];
}

async function meetingFigures(context: FigureContext): Promise<MeetingFigures> {
	const { db, districtId, window, now } = context;
	return {
		networks: await meetingFiguresByNetwork(
			db,
			districtId,
			{ from: window.fromDay, to: window.toDay },
			now
		)
	};
}

async function offerFigures(context: FigureContext): Promise<OfferFigures> {
	const { db, districtId, window } = context;
	const [total, fields, places, districtPlaces] = await Promise.all([
		countPeriodOffers(db, districtId, window),
		countPeriodOffersByActionField(db, districtId, window),
		countPeriodOffersByPlace(db, districtId, window),
		listDistrictPlaces(db, districtId)
	]);
	const byField = new Map(fields.map((row) => [row.actionField, Number(row.count)]));
	const byPlace = new Map<number, PlaceOfferCount>(
		districtPlaces.map((place) => [place.id, { placeId: place.id, ...place, count: 0 }])
	);
	for (const row of places)
		if (row.placeId !== null)
			byPlace.set(row.placeId, {
				placeId: row.placeId,
				name: row.name ?? '',
				amt: row.amt,
				count: Number(row.count)
			});
	return {
		total,
		online: Number(places.find((row) => row.placeId === null)?.count ?? 0),
		byActionField: ACTION_FIELDS.map((actionField) => ({
			actionField,
			count: byField.get(actionField) ?? 0
		})),
		byPlace: [...byPlace.values()]
	};
}

/** The committees' representation figures, suppressed by the committees context (issue 12). */
async function committeeFigures(context: FigureContext): Promise<CommitteeReportFigures[]> {
	const { db, districtId, window } = context;
	return committeeFiguresForPeriod(db, districtId, { from: window.fromDay, to: window.toDay });
}

/**
 * The sections of a period's figures, each computed from live data on its own. A closed period
 * stores them as JSON under these keys; a section added later (as the concept, the measures and
 * the budget were) is computed and added to an older snapshot the first time it is needed, while
 * the sections already frozen stay as they were.
 */
export const FIGURE_SECTIONS = {
	meetings: meetingFigures,
	offers: offerFigures,
	...MEASURE_SECTIONS,
	committees: committeeFigures
} satisfies Record<string, (context: FigureContext) => Promise<unknown>>;

export type FigureSectionKey = keyof typeof FIGURE_SECTIONS;

export type PeriodFigures = {
	[Key in FigureSectionKey]: Awaited<ReturnType<(typeof FIGURE_SECTIONS)[Key]>>;
};

export const FIGURE_SECTION_KEYS = Object.keys(FIGURE_SECTIONS) as FigureSectionKey[];

/** The named sections, computed from live data. */
export async function computeSections(
	context: FigureContext,
	keys: readonly FigureSectionKey[]
): Promise<Partial<PeriodFigures>> {
	const entries = await Promise.all(
		keys.map(async (key) => [key, await FIGURE_SECTIONS[key](context)] as const)
	);
	return Object.fromEntries(entries) as Partial<PeriodFigures>;
}
