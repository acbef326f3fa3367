import { describe, expect, it } from 'vitest';
import { coverageCategory, groupByAmt, type Cell, type Municipality } from './coverage.js';

const cell = (distanceKm: number | null, covered: boolean): Cell => ({
	nearest: distanceKm === null ? null : { offerId: 1, distanceKm },
	onlineExists: false,
	languages: [],
	covered
});

describe('coverageCategory', () => {
	it('tells an offer in the place from one within reach, online cover and a gap', () => {
		expect(coverageCategory(cell(0, true), 25)).toBe('here');
		expect(coverageCategory(cell(12.4, true), 25)).toBe('reach');
		expect(coverageCategory(cell(25, true), 25)).toBe('reach');
		expect(coverageCategory(cell(40, true), 25)).toBe('online');
		expect(coverageCategory(cell(null, true), 25)).toBe('online');
		expect(coverageCategory(cell(40, false), 25)).toBe('gap');
		expect(coverageCategory(cell(null, false), 25)).toBe('gap');
	});
});

describe('groupByAmt', () => {
	const row = (name: string, amt: string | null) => ({
		municipality: { name, amt } as Municipality
	});

	it('groups rows sorted by Amt in their order, the towns without an Amt as a group of null', () => {
		const groups = groupByAmt([
			row('Böklund', 'Amt Arensharde'),
			row('Idstedt', 'Amt Arensharde'),
			row('Gelting', 'Amt Geltinger Bucht'),
			row('Kappeln', null),
			row('Schleswig', null)
		]);
		expect(groups.map((group) => [group.amt, group.rows.map((r) => r.municipality.name)])).toEqual([
			['Amt Arensharde', ['Böklund', 'Idstedt']],
			['Amt Geltinger Bucht', ['Gelting']],
			[null, ['Kappeln', 'Schleswig']]
		]);
	});

	it('gives no group for no rows', () => {
		expect(groupByAmt([])).toEqual([]);
	});
});
