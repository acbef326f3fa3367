import type { Db } from '../db/schema.js';
import { confirmedWithin } from '../freshness/freshness.js';
import { heldMeetingsOfField } from '../meetings/held-meetings.service.js';
import { openTasksOfField } from '../minutes/field-tasks.service.js';
import { publishedOffersInField } from '../offers/field-figures.service.js';
import { municipalitiesNear } from '../places/municipality-coverage.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { periodDays, type Period } from '../../shared/time/period.js';
import { parameterOf, type Computation } from './computations.js';

/**
 * The figures KITZ computes for an indicator, from the other contexts' services. Flow figures
 * (meetings, participants) count what happened within the period's days. Stock figures (offers,
 * municipalities, languages, tasks, confirmations) describe the moment of computing: live for
 * the running period, and for a closed period as its snapshot froze them — the snapshot job runs
 * hourly, so a closed period is frozen within an hour of its end (see indicator-snapshots.ts).
 */
export interface ComputedFigure {
	districtId: number;
	actionField: string;
	computation: Computation;
	parameter: number | null;
}

/** A share in percent with one decimal; no offers at all is 0 %. */
const percent = (part: number, whole: number) =>
	whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

export async function computeFigure(
	db: Db,
	figure: ComputedFigure,
	period: Period,
	now = new Date()
): Promise<number> {
	const { districtId, actionField, computation } = figure;
	const parameter = parameterOf(computation, figure.parameter);
	switch (computation) {
		case 'meetings_held':
		case 'meeting_participants': {
			const days = periodDays(period);
			const held = await heldMeetingsOfField(
				db,
				{ districtId, actionField, fromDay: days.from, toDay: days.to },
				now
			);
			return computation === 'meetings_held' ? held.meetings : held.participants;
		}
		case 'open_tasks':
		case 'overdue_tasks': {
			const tasks = await openTasksOfField(db, districtId, actionField, berlinToday(now));
			return computation === 'open_tasks' ? tasks.open : tasks.overdue;
		}
		default:
			return offerFigure(db, figure, parameter, now);
	}
}

async function offerFigure(
	db: Db,
	figure: ComputedFigure,
	parameter: number | null,
	now: Date
): Promise<number> {
	const offers = await publishedOffersInField(db, figure.districtId, figure.actionField);
	switch (figure.computation) {
		case 'municipalities_within_km': {
			const placeIds = offers.flatMap((offer) => (offer.placeId === null ? [] : [offer.placeId]));
			return (await municipalitiesNear(db, figure.districtId, placeIds, parameter!)).reached;
		}
		case 'multilingual_offer_share':
			return percent(offers.filter((offer) => offer.languages >= parameter!).length, offers.length);
		case 'offers_confirmed_recently':
			return offers.filter((offer) => confirmedWithin(offer.lastVerifiedAt, parameter!, now))
				.length;
		default:
			return offers.length;
	}
}
