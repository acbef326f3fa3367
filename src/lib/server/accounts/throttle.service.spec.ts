import { describe, expect, it } from 'vitest';
import { blockSeconds, THROTTLE_RULES } from './throttle.service.js';

describe('blockSeconds', () => {
	const rule = THROTTLE_RULES.login.pair!;

	it('lets the allowance pass, then doubles the wait up to the longest', () => {
		expect(blockSeconds(rule, rule.free - 1)).toBe(0);
		expect(blockSeconds(rule, rule.free)).toBe(60);
		expect(blockSeconds(rule, rule.free + 1)).toBe(120);
		expect(blockSeconds(rule, rule.free + 3)).toBe(480);
		expect(blockSeconds(rule, rule.free + 4)).toBe(15 * 60);
		expect(blockSeconds(rule, rule.free + 1000)).toBe(15 * 60);
	});

	it('allows one reset mail per account before a quarter of an hour’s wait', () => {
		expect(blockSeconds(THROTTLE_RULES.reset.account!, 1)).toBe(15 * 60);
	});
});
