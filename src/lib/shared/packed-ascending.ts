/**
 * Ascending non-negative integers (offer positions) packed as the gaps between neighbours, the
 * first from -1, each an unsigned LEB128 varint: 7 bits a byte, the high bit set on all but a
 * number's last byte. A search token's offers lie about a hundred positions apart, so a position
 * takes one byte instead of an Int32Array's four, and a list grows by its bytes, not by a number[].
 */
/** The longest varint a safe integer needs: 53 bits, 7 a byte. */
const MAX_VARINT_BYTES = 8;

export class PackedAscending {
	private bytes: Uint8Array = new Uint8Array(8);
	private length = 0;
	private count = 0;
	private last = -1;

	/** The `count` values packed in `bytes` (a view into a file), complete: no `push` after them. */
	static read(bytes: Uint8Array, count: number): PackedAscending {
		const list = new PackedAscending();
		list.bytes = bytes;
		list.length = bytes.length;
		list.count = count;
		list.last = Number.POSITIVE_INFINITY;
		return list;
	}

	/** How many values it holds. */
	get size(): number {
		return this.count;
	}

	/** The packed bytes (a view, valid until the next `push`). */
	packed(): Uint8Array {
		return this.bytes.subarray(0, this.length);
	}

	/** Appends `value`; a value equal to the last is already there, a smaller one is a bug. */
	push(value: number): void {
		if (value === this.last) return;
		if (!(value > this.last)) throw new Error(`value ${value} after ${this.last}: not ascending`);
		if (this.length + MAX_VARINT_BYTES > this.bytes.length) {
			const grown = new Uint8Array(Math.max(16, this.bytes.length * 2));
			grown.set(this.bytes.subarray(0, this.length));
			this.bytes = grown;
		}
		let gap = value - this.last;
		while (gap >= 0x80) {
			this.bytes[this.length++] = (gap & 0x7f) | 0x80;
			gap = Math.floor(gap / 0x80);
		}
		this.bytes[this.length++] = gap;
		this.last = value;
		this.count++;
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
				if (at >= this.length) throw new Error('packed list cut short');
				byte = bytes[at++]!;
				gap += (byte & 0x7f) * scale;
				scale *= 0x80;
			} while (byte >= 0x80);
			value += gap;
			visit(value);
		}
		if (at !== this.length) throw new Error('bytes left over after the packed list');
	}
}
