import { describe, expect, it } from 'vitest';
import { berlinInstant, berlinNow, berlinToday } from './berlin-clock.js';
import { addDays } from './wall-clock.js';

describe('berlinNow', () => {
	it('uses Berlin wall-clock time, summer and winter', () => {
		expect(berlinNow(new Date('2026-07-01T12:00:00Z'))).toBe('2026-07-01T14:00');
		expect(berlinNow(new Date('2026-12-01T12:00:00Z'))).toBe('2026-12-01T13:00');
	});

	it('adds days across month ends', () => {
		expect(addDays('2026-12-30T10:00', 3)).toBe('2027-01-02T10:00');
	});
});

describe('berlinToday', () => {
	it('is the Berlin date, a day ahead of UTC late in the evening', () => {
		expect(berlinToday(new Date('2026-12-05T23:30:00Z'))).toBe('2026-12-06');
		expect(berlinToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
	});
});

describe('berlinInstant', () => {
	it('finds the instant of a wall-clock time in summer and winter', () => {
		expect(berlinInstant('2026-07-01T14:00').toISOString()).toBe('2026-07-01T12:00:00.000Z');
		expect(berlinInstant('2026-12-01T13:00').toISOString()).toBe('2026-12-01T12:00:00.000Z');
	});

	it('moves a skipped spring time on and takes the later of a repeated autumn time', () => {
		expect(berlinInstant('2026-03-29T02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(berlinInstant('2026-10-25T02:30').toISOString()).toBe('2026-10-25T01:30:00.000Z');
	});
});
