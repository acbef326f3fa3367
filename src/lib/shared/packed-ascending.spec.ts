import { describe, expect, it } from 'vitest';
import { measurePacked, PackedAscending, packInto } from './packed-ascending.js';

/** Packs `values` alone, as a table packs each list. */
function packed(values: number[]) {
	const { count, bytes } = measurePacked(values);
	const target = new Uint8Array(bytes);
	expect(packInto(values, target, 0)).toBe(bytes);
	return { list: new PackedAscending(target, count), bytes: target };
}

const valuesOf = (list: PackedAscending) => {
	const values: number[] = [];
	list.forEach((value) => values.push(value));
	return values;
};

describe('packed ascending lists', () => {
	it('give back what was packed, each value once, in one byte a small gap', () => {
		const { list, bytes } = packed([0, 3, 3, 4, 130]);
		expect(valuesOf(list)).toEqual([0, 3, 4, 130]);
		expect(list.size).toBe(4);
		// Gaps 1, 3, 1 in a byte each; 126 needs no second byte either.
		expect(bytes).toEqual(Uint8Array.from([1, 3, 1, 126]));
	});

	it('pack gaps of several bytes, up to positions beyond 2^31, in the bytes measured', () => {
		const values = [127, 128, 16_511, 2_000_000, 2 ** 31 + 5, 2 ** 40, 2 ** 52];
		const { list, bytes } = packed(values);
		expect(valuesOf(list)).toEqual(values);
		// 2 + 1 + 2 + 3 + 5 + 6 + 8 bytes (the first gap, 128, from -1): a safe integer takes up to 8.
		expect(bytes.length).toBe(27);
	});

	it('lie one after another in one array, each read in place', () => {
		const lists = [[1, 5, 900], [], [0, 2 ** 35]];
		const sizes = lists.map((values) => measurePacked(values));
		const target = new Uint8Array(sizes.reduce((sum, size) => sum + size.bytes, 0));
		let at = 0;
		const starts = lists.map((values) => [at, (at = packInto(values, target, at))] as const);
		expect(at).toBe(target.length);
		lists.forEach((values, index) => {
			const [start, end] = starts[index]!;
			const list = new PackedAscending(target.subarray(start, end), sizes[index]!.count);
			expect(valuesOf(list)).toEqual(values);
		});
	});

	it('refuse values out of order', () => {
		expect(() => measurePacked([5, 4])).toThrow('value 4 after 5: not ascending');
		expect(() => packInto([-2], new Uint8Array(8), 0)).toThrow('value -2 after -1: not ascending');
	});

	it('find damaged bytes: cut short, or more than the count', () => {
		expect(() => valuesOf(new PackedAscending(Uint8Array.from([1, 0x81]), 2))).toThrow(
			'packed list cut short'
		);
		expect(() => valuesOf(new PackedAscending(Uint8Array.from([1, 1, 1]), 2))).toThrow(
			'bytes left over after the packed list'
		);
	});

	it('read an empty list', () => {
		expect(valuesOf(packed([]).list)).toEqual([]);
		expect(valuesOf(new PackedAscending(new Uint8Array(0), 0))).toEqual([]);
	});
});
