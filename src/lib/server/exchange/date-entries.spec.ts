import { describe, expect, it } from 'vitest';
import { formatDateEntry, parseDateEntry } from './date-entries.js';

describe('date entries', () => {
	it('reads a date with start, end time or end date, and writes it back the same way', () => {
		expect(parseDateEntry('02.06.2026 18:00')).toEqual({ startsAt: '2026-06-02T18:00' });
		expect(parseDateEntry('2026-06-02 18:00-19:30')).toEqual({
			startsAt: '2026-06-02T18:00',
			endsAt: '2026-06-02T19:30'
		});
		expect(parseDateEntry('2.6.2026 18.00 Uhr – 19.30 Uhr')).toEqual({
			startsAt: '2026-06-02T18:00',
			endsAt: '2026-06-02T19:30'
		});
		const overnight = { startsAt: '2026-06-02T18:00', endsAt: '2026-06-03T10:00' };
		expect(parseDateEntry('02.06.2026 18:00 bis 03.06.2026 10:00')).toEqual(overnight);
		expect(parseDateEntry(formatDateEntry(overnight))).toEqual(overnight);
		expect(parseDateEntry('02.06.2026')).toBeUndefined();
		expect(parseDateEntry('02.06.2026 25:00')).toBeUndefined();
	});
});
