import { Bitset } from './bitset.js';

/**
 * An inverted index from words to offer positions that answers "which offers have a word
 * starting with each of these prefixes" with a binary search and sequential posting lists.
 */
export class PrefixIndex {
	private readonly postings = new Map<string, number[]>();
	private vocabulary: string[] = [];

	constructor(private readonly size: number) {}

	add(position: number, words: Iterable<string>): void {
		for (const word of words) {
			let list = this.postings.get(word);
			if (!list) this.postings.set(word, (list = []));
			if (list[list.length - 1] !== position) list.push(position);
		}
	}

	/** Call once after the last `add`. */
	freeze(): this {
		this.vocabulary = [...this.postings.keys()].sort();
		return this;
	}

	/** Positions having, for every prefix, some word that starts with it. */
	matchAll(prefixes: string[]): Bitset {
		let result: Bitset | undefined;
		for (const prefix of prefixes) {
			const set = this.matchPrefix(prefix);
			result = result ? result.and(set) : set;
		}
		return result ?? new Bitset(this.size);
	}

	private matchPrefix(prefix: string): Bitset {
		const set = new Bitset(this.size);
		let low = 0;
		let high = this.vocabulary.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.vocabulary[middle]! < prefix) low = middle + 1;
			else high = middle;
		}
		for (
			let at = low;
			at < this.vocabulary.length && this.vocabulary[at]!.startsWith(prefix);
			at++
		) {
			for (const position of this.postings.get(this.vocabulary[at]!)!) set.add(position);
		}
		return set;
	}
}
