import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset.js';

describe('Bitset', () => {
	it('adds, tests and lists members in order', () => {
		const set = new Bitset(100);
		for (const position of [0, 31, 32, 63, 99]) set.add(position);
		expect([...set.positions()]).toEqual([0, 31, 32, 63, 99]);
		expect(set.has(31)).toBe(true);
		expect(set.has(30)).toBe(false);
		expect(set.count()).toBe(5);
	});

	it('builds full sets of any size', () => {
		for (const size of [0, 1, 31, 32, 33, 64, 100]) expect(Bitset.full(size).count()).toBe(size);
	});

	it('intersects and unites', () => {
		const a = new Bitset(70);
		const b = new Bitset(70);
		[1, 2, 40, 69].forEach((p) => a.add(p));
		[2, 40, 50].forEach((p) => b.add(p));
		expect([...a.and(b).positions()]).toEqual([2, 40]);
		expect(a.countAnd(b)).toBe(2);
		expect([...a.or(b).positions()]).toEqual([1, 2, 40, 50, 69]);
	});

	it('adds another set’s members in place, leaving the other alone', () => {
		const a = new Bitset(70);
		const b = new Bitset(70);
		[1, 69].forEach((p) => a.add(p));
		[2, 69].forEach((p) => b.add(p));
		a.addAll(b);
		expect(a.positions()).toEqual([1, 2, 69]);
		expect(b.positions()).toEqual([2, 69]);
	});

	it('leaves out the members of another set in a new set', () => {
		const a = new Bitset(70);
		const b = new Bitset(70);
		[1, 33, 69].forEach((p) => a.add(p));
		[33, 40].forEach((p) => b.add(p));
		expect(a.without(b).positions()).toEqual([1, 69]);
		expect(a.positions()).toEqual([1, 33, 69]);
	});
});
