import { describe, expect, it } from 'vitest';
import { PackedAscending } from './packed-ascending.js';

const valuesOf = (list: PackedAscending) => {
	const values: number[] = [];
	list.forEach((value) => values.push(value));
	return values;
};

describe('PackedAscending', () => {
	it('gives back what was pushed, each value once, in one byte a small gap', () => {
		const list = new PackedAscending();
		for (const value of [0, 3, 3, 4, 130]) list.push(value);
		expect(valuesOf(list)).toEqual([0, 3, 4, 130]);
		expect(list.size).toBe(4);
		// Gaps 1, 3, 1 in a byte each; 126 needs no second byte either.
		expect(list.packed()).toEqual(Uint8Array.from([1, 3, 1, 126]));
	});

	it('packs gaps of several bytes, up to positions beyond 2^31', () => {
		const values = [127, 128, 16_511, 2_000_000, 2 ** 31 + 5, 2 ** 40];
		const list = new PackedAscending();
		values.forEach((value) => list.push(value));
		expect(valuesOf(list)).toEqual(values);
		expect(valuesOf(PackedAscending.read(list.packed().slice(), values.length))).toEqual(values);
	});

	it('has room for a long gap right below the point where it would grow', () => {
		const list = new PackedAscending();
		// Eleven one-byte gaps, then one of six bytes: the first growth left 16 bytes.
		const values = [...Array.from({ length: 11 }, (_, at) => at), 10 + 2 ** 40];
		values.forEach((value) => list.push(value));
		expect(valuesOf(list)).toEqual(values);
	});

	it('grows past its first bytes', () => {
		const list = new PackedAscending();
		const values = Array.from({ length: 10_000 }, (_, at) => at * 300);
		values.forEach((value) => list.push(value));
		expect(valuesOf(list)).toEqual(values);
		expect(list.packed().length).toBe(1 + 2 * 9_999);
	});

	it('refuses a value smaller than the last, and pushes after a list read back', () => {
		const list = new PackedAscending();
		list.push(5);
		expect(() => list.push(4)).toThrow('value 4 after 5: not ascending');
		expect(() => PackedAscending.read(Uint8Array.from([1]), 1).push(7)).toThrow('not ascending');
	});

	it('finds damaged bytes: cut short, or more than the count', () => {
		expect(() => valuesOf(PackedAscending.read(Uint8Array.from([1, 0x81]), 2))).toThrow(
			'packed list cut short'
		);
		expect(() => valuesOf(PackedAscending.read(Uint8Array.from([1, 1, 1]), 2))).toThrow(
			'bytes left over after the packed list'
		);
	});

	it('reads an empty list', () => {
		expect(valuesOf(new PackedAscending())).toEqual([]);
		expect(valuesOf(PackedAscending.read(new Uint8Array(0), 0))).toEqual([]);
	});
});
