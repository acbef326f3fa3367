/**
 * Reporting periods as KITZ stores them: a year `2025`, a half-year `2025-H1`, a quarter
 * `2025-Q3`. Plain strings that sort in time order within one kind.
 */

export type PeriodKind = 'year' | 'half' | 'quarter';

const PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/;

export interface Period {
	kind: PeriodKind;
	year: number;
	/** 1 for a year; 1–2 for a half-year; 1–4 for a quarter. */
	part: number;
}

/** The period a string names, or null if it names none. */
export function parsePeriod(value: string): Period | null {
	const match = PATTERN.exec(value);
	if (!match) return null;
	const year = Number(match[1]);
	const suffix = match[2];
	if (!suffix) return { kind: 'year', year, part: 1 };
	return { kind: suffix[0] === 'H' ? 'half' : 'quarter', year, part: Number(suffix[1]) };
}

export function formatPeriod({ kind, year, part }: Period): string {
	if (kind === 'year') return String(year);
	return `${year}-${kind === 'half' ? 'H' : 'Q'}${part}`;
}

const MONTHS: Record<PeriodKind, number> = { year: 12, half: 6, quarter: 3 };

/** The first and the last day (`YYYY-MM-DD`) of a period, both included. */
export function periodDays(period: Period): { from: string; to: string } {
	const months = MONTHS[period.kind];
	const firstMonth = (period.part - 1) * months + 1;
	const lastMonth = firstMonth + months - 1;
	const lastDay = new Date(Date.UTC(period.year, lastMonth, 0)).getUTCDate();
	const pad = (value: number) => String(value).padStart(2, '0');
	return {
		from: `${period.year}-${pad(firstMonth)}-01`,
		to: `${period.year}-${pad(lastMonth)}-${pad(lastDay)}`
	};
}

/** The period of a kind that contains a day. */
export function periodOf(kind: PeriodKind, day: string): Period {
	const year = Number(day.slice(0, 4));
	const month = Number(day.slice(5, 7));
	return { kind, year, part: Math.floor((month - 1) / MONTHS[kind]) + 1 };
}

/** The periods of a kind in the years `from`…`to`, in time order. */
export function periodsBetween(kind: PeriodKind, from: number, to: number): Period[] {
	const parts = 12 / MONTHS[kind];
	const periods: Period[] = [];
	for (let year = from; year <= to; year++)
		for (let part = 1; part <= parts; part++) periods.push({ kind, year, part });
	return periods;
}

/** The period of the same kind just before. */
export function previousPeriod(period: Period): Period {
	if (period.part > 1) return { ...period, part: period.part - 1 };
	return { ...period, year: period.year - 1, part: 12 / MONTHS[period.kind] };
}

/** True once the period's last day lies before `today`: its figures can be frozen. */
export function isClosed(period: Period, today: string): boolean {
	return periodDays(period).to < today;
}
