import { describe, expect, it } from 'vitest';
import { freshnessOf } from './freshness.js';

const CONFIG = { freshnessReminderMonths: 6, freshnessOutdatedMonths: 2 };
const NOW = new Date('2026-08-31T12:00:00.000Z');

describe('freshnessOf', () => {
	it('is fresh until the reminder period has passed, then due, then possibly outdated', () => {
		const at = (iso: string) => freshnessOf(iso, CONFIG, NOW);
		expect(at('2026-08-30T00:00:00.000Z')).toBe('fresh');
		expect(at('2026-02-28T12:00:00.001Z')).toBe('fresh');
		expect(at('2026-02-28T12:00:00.000Z')).toBe('due');
		expect(at('2025-12-31T12:00:00.001Z')).toBe('due');
		expect(at('2025-12-31T12:00:00.000Z')).toBe('may_be_outdated');
		expect(at('2020-01-01T00:00:00.000Z')).toBe('may_be_outdated');
	});

	it('follows the configured periods', () => {
		const short = { freshnessReminderMonths: 1, freshnessOutdatedMonths: 1 };
		expect(freshnessOf('2026-07-15T00:00:00.000Z', short, NOW)).toBe('due');
		expect(freshnessOf('2026-06-15T00:00:00.000Z', short, NOW)).toBe('may_be_outdated');
	});
});
