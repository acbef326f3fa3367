/**
 * Ascending non-negative integers (offer positions) packed as the gaps between neighbours, the
 * first from -1, each an unsigned LEB128 varint: 7 bits a byte, the high bit set on all but a
 * number's last byte. A search token's offers lie about a hundred positions apart, so a position
 * takes one byte instead of an Int32Array's four. Lists are measured (`measurePacked`), then
 * packed one after another into one array (`packInto`) and read in place (`PackedAscending`).
 */

/** How many distinct values ascending `values` hold (repeats count once), and their packed bytes. */
export function measurePacked(values: ArrayLike<number>): { count: number; bytes: number } {
	let count = 0;
	let bytes = 0;
	forEachGap(values, (gap) => {
		count++;
		bytes++;
		while (gap >= 0x80) {
			bytes++;
			gap = Math.floor(gap / 0x80);
		}
	});
	return { count, bytes };
}

/** Packs ascending `values` (a repeat once) into `target` from `at`; returns where they end. */
export function packInto(values: ArrayLike<number>, target: Uint8Array, at: number): number {
	forEachGap(values, (gap) => {
		while (gap >= 0x80) {
			target[at++] = (gap & 0x7f) | 0x80;
			gap = Math.floor(gap / 0x80);
		}
		target[at++] = gap;
	});
	return at;
}

function forEachGap(values: ArrayLike<number>, visit: (gap: number) => void): void {
	let last = -1;
	for (let index = 0; index < values.length; index++) {
		const value = values[index]!;
		if (value === last) continue;
		if (!(value > last)) throw new Error(`value ${value} after ${last}: not ascending`);
		visit(value - last);
		last = value;
	}
}

/** A packed list read in place: `count` values in `bytes` (a view into a table or a file). */
export class PackedAscending {
	constructor(
		private readonly bytes: Uint8Array,
		private readonly count: number
	) {}

	/** How many values it holds. */
	get size(): number {
		return this.count;
	}

	/** Calls `visit` with each value in order; throws when the bytes do not hold `size` values. */
	forEach(visit: (value: number) => void): void {
		const bytes = this.bytes;
		let at = 0;
		let value = -1;
		for (let index = 0; index < this.count; index++) {
			let gap = 0;
			let scale = 1;
			let byte: number;
			do {
				if (at >= bytes.length) throw new Error('packed list cut short');
				byte = bytes[at++]!;
				gap += (byte & 0x7f) * scale;
				scale *= 0x80;
			} while (byte >= 0x80);
			value += gap;
			visit(value);
		}
		if (at !== bytes.length) throw new Error('bytes left over after the packed list');
	}
}
