import { z } from 'zod';
import { parsePeriod, periodDays, type Period } from '../../shared/time/period.js';
import { InvalidReportPeriodError } from './reports.errors.js';

/** The earliest year a report can be asked for; before it KITZ holds no data. */
export const FIRST_REPORT_YEAR = 2000;

const periodText = z.string().trim().max(7);

/**
 * The period a report is asked for (`2025`, `2025-H1`, `2025-Q3`): one that has begun by
 * `today`, so its figures are at least partly known.
 */
export function parseReportPeriod(value: string, today: string): Period {
	const parsed = periodText.safeParse(value);
	const period = parsed.success ? parsePeriod(parsed.data) : null;
	if (!period || period.year < FIRST_REPORT_YEAR)
		throw new InvalidReportPeriodError(value.slice(0, 20), 'unknown');
	if (periodDays(period).from > today) throw new InvalidReportPeriodError(value, 'future');
	return period;
}
