import { bitCount } from '../../shared/bits.js';

/** A fixed-size set of small integers (offer positions), for fast filter and facet arithmetic. */
export class Bitset {
	readonly words: Uint32Array;

	constructor(
		readonly size: number,
		words?: Uint32Array
	) {
		this.words = words ?? new Uint32Array(Math.ceil(size / 32));
	}

	static full(size: number): Bitset {
		const set = new Bitset(size);
		set.words.fill(0xffffffff);
		const rest = size % 32;
		if (rest && set.words.length) set.words[set.words.length - 1] = (1 << rest) - 1 || 0xffffffff;
		return set;
	}

	add(position: number): void {
		this.words[position >>> 5]! |= 1 << (position & 31);
	}

	has(position: number): boolean {
		return (this.words[position >>> 5]! & (1 << (position & 31))) !== 0;
	}

	and(other: Bitset): Bitset {
		const words = new Uint32Array(this.words.length);
		for (let index = 0; index < words.length; index++)
			words[index] = this.words[index]! & other.words[index]!;
		return new Bitset(this.size, words);
	}

	or(other: Bitset): Bitset {
		const words = new Uint32Array(this.words.length);
		for (let index = 0; index < words.length; index++)
			words[index] = this.words[index]! | other.words[index]!;
		return new Bitset(this.size, words);
	}

	/** The members not in `other`. */
	without(other: Bitset): Bitset {
		const words = new Uint32Array(this.words.length);
		for (let index = 0; index < words.length; index++)
			words[index] = this.words[index]! & ~other.words[index]!;
		return new Bitset(this.size, words);
	}

	/** Adds each of the positions (an index loop: a for-of over a typed array allocates per step). */
	addEach(positions: ArrayLike<number>): void {
		for (let at = 0; at < positions.length; at++) this.add(positions[at]!);
	}

	/** Adds every member of `other` to this set: unions over many sets without a copy each time. */
	addAll(other: Bitset): void {
		for (let index = 0; index < this.words.length; index++)
			this.words[index]! |= other.words[index]!;
	}

	count(): number {
		let total = 0;
		for (let index = 0; index < this.words.length; index++) total += bitCount(this.words[index]!);
		return total;
	}

	/** How many members the two sets share, without building the intersection. */
	countAnd(other: Bitset): number {
		let total = 0;
		for (let index = 0; index < this.words.length; index++)
			total += bitCount(this.words[index]! & other.words[index]!);
		return total;
	}

	/** Calls `visit` with each member in ascending order (a loop, not a generator: hot path). */
	forEach(visit: (position: number) => void): void {
		for (let index = 0; index < this.words.length; index++) {
			let word = this.words[index]!;
			while (word !== 0) {
				const low = word & -word;
				visit(index * 32 + (31 - Math.clz32(low)));
				word ^= low;
			}
		}
	}

	positions(): number[] {
		const result: number[] = [];
		this.forEach((position) => result.push(position));
		return result;
	}
}
