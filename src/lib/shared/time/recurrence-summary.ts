import rrule from 'rrule';

const { RRule } = rrule;

/** A recurrence in words-ready parts; null for rules too unusual to put in a short phrase. */
export type RecurrenceSummary =
	| { kind: 'daily' }
	| { kind: 'weekly'; interval: number; weekdays: number[] }
	| { kind: 'monthly'; nth: -1 | 1 | 2 | 3 | 4; weekday: number };

/** Weekdays as 0 = Monday … 6 = Sunday, as rrule numbers them. */
export function summarizeRecurrence(rule: string): RecurrenceSummary | null {
	let options;
	try {
		options = RRule.parseString(rule.replace(/^RRULE:/i, ''));
	} catch {
		return null;
	}
	const listed = Array.isArray(options.byweekday)
		? options.byweekday
		: options.byweekday
			? [options.byweekday]
			: [];
	// parseString yields Weekday objects; numbers and strings are only the constructor's inputs.
	const byDay = listed.flatMap((day) =>
		typeof day === 'number'
			? [{ weekday: day, n: undefined as number | undefined }]
			: typeof day === 'string'
				? []
				: [{ weekday: day.weekday, n: day.n }]
	);
	const interval = options.interval ?? 1;
	if (options.freq === RRule.DAILY && interval === 1 && byDay.length === 0)
		return { kind: 'daily' };
	if (options.freq === RRule.WEEKLY && byDay.length > 0 && byDay.every((day) => !day.n))
		return { kind: 'weekly', interval, weekdays: byDay.map((day) => day.weekday).sort() };
	if (options.freq === RRule.MONTHLY && interval === 1 && byDay.length === 1) {
		const [day] = byDay;
		const nth =
			day!.n ?? (Array.isArray(options.bysetpos) ? options.bysetpos[0] : options.bysetpos);
		if (nth && (nth === -1 || (nth >= 1 && nth <= 4)))
			return { kind: 'monthly', nth: nth as -1 | 1 | 2 | 3 | 4, weekday: day!.weekday };
	}
	return null;
}
