import { bitCount } from '../../shared/bits.js';
import type { Bitset } from './bitset.js';

/**
 * A score for each member of a set, kept by the member's rank in the set: a text match of 3,000
 * offers among 100,000 holds 3,000 numbers and a count per 32 positions, not 100,000 numbers.
 * Every search with new words makes one, and the recent ones stay in the text-match cache.
 */
export class MemberScores {
	/** How many members the words before each word of the set hold. */
	private readonly before: Uint32Array;
	private readonly values: Float32Array;

	constructor(readonly members: Bitset) {
		const { words } = members;
		this.before = new Uint32Array(words.length);
		let total = 0;
		for (let index = 0; index < words.length; index++) {
			this.before[index] = total;
			total += bitCount(words[index]!);
		}
		this.values = new Float32Array(total);
	}

	/** Sets a member's score (a position outside the set is a caller's mistake and ignored). */
	set(position: number, score: number): void {
		if (this.members.has(position)) this.values[this.rankOf(position)] = score;
	}

	/** A member's score; 0 outside the set. */
	of(position: number): number {
		return this.members.has(position) ? this.values[this.rankOf(position)]! : 0;
	}

	private rankOf(position: number): number {
		const word = position >>> 5;
		// The members below the position within its word: the bits under it.
		return this.before[word]! + bitCount(this.members.words[word]! & ((1 << (position & 31)) - 1));
	}
}
