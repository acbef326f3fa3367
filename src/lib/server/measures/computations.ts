/**
 * The figures KITZ computes itself for an indicator, each for one action field and period.
 * "Stock" figures describe the day they are computed (offers, tasks); "flow" figures count what
 * happened within the period's days (meetings, participants). See computed-indicators.ts.
 */
export const COMPUTATIONS = [
	'published_offers',
	'municipalities_within_km',
	'multilingual_offer_share',
	'meetings_held',
	'meeting_participants',
	'open_tasks',
	'overdue_tasks',
	'offers_confirmed_recently'
] as const;
export type Computation = (typeof COMPUTATIONS)[number];

/** The flow figures; every other computation is a stock figure, the same for any period. */
export const FLOW_COMPUTATIONS: ReadonlySet<Computation> = new Set([
	'meetings_held',
	'meeting_participants'
]);

/** The parameter a computation takes, with the value it uses when none is given. */
export const COMPUTATION_PARAMETER: Partial<
	Record<Computation, { name: 'km' | 'languages' | 'months'; default: number }>
> = {
	municipalities_within_km: { name: 'km', default: 10 },
	multilingual_offer_share: { name: 'languages', default: 3 },
	offers_confirmed_recently: { name: 'months', default: 6 }
};

/** The parameter a computation runs with: the given one, else its default; null if it takes none. */
export function parameterOf(computation: Computation, given: number | null): number | null {
	const parameter = COMPUTATION_PARAMETER[computation];
	return parameter ? (given ?? parameter.default) : null;
}
