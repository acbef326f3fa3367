import { measurePacked, PackedAscending, packInto } from '../../shared/packed-ascending.js';
import { Bitset } from './bitset.js';
import type { TimeSlice } from './time-slice.js';

/** Positions per key as flat lists: what a snapshot stores and reads back. */
export interface PostingTable {
	keys: string[];
	/** Key i's positions are `positions[offsets[i]] … positions[offsets[i + 1] - 1]`. */
	offsets: Uint32Array;
	positions: Int32Array;
}

/** A token index as flat lists, each token's positions packed (`PackedAscending`). */
export interface TokenTable {
	keys: string[];
	/** Key i's `counts[i]` positions are packed in `packed[offsets[i]] … packed[offsets[i + 1] - 1]`. */
	offsets: Uint32Array;
	counts: Uint32Array;
	packed: Uint8Array;
	/** Tokens with a spelling, in the order first spelled (corrections break ties by it). */
	spelled: string[];
	spellings: string[];
}

/** Each key's positions as a view into the table's one array. */
export function postingsOf(table: PostingTable): Map<string, Int32Array> {
	return new Map(
		table.keys.map((key, at) => [
			key,
			table.positions.subarray(table.offsets[at]!, table.offsets[at + 1]!)
		])
	);
}

/** Each token's packed positions, read in place from the table's one array. */
export function packedPostingsOf(table: TokenTable): Map<string, PackedAscending> {
	return new Map(
		table.keys.map((key, at) => [
			key,
			new PackedAscending(
				table.packed.subarray(table.offsets[at]!, table.offsets[at + 1]!),
				table.counts[at]!
			)
		])
	);
}

/** The table of lists of positions, copied into one array with pauses between keys. */
export async function postingTable(
	lists: Map<string, ArrayLike<number>>,
	slice: TimeSlice
): Promise<PostingTable> {
	const keys = [...lists.keys()];
	const offsets = new Uint32Array(keys.length + 1);
	let total = 0;
	keys.forEach((key, at) => {
		offsets[at] = total;
		total += lists.get(key)!.length;
	});
	offsets[keys.length] = total;
	const positions = new Int32Array(total);
	for (let at = 0; at < keys.length; at++) {
		positions.set(lists.get(keys[at]!)!, offsets[at]!);
		if (slice.due()) await slice.pause();
	}
	return { keys, offsets, positions };
}

/** Bitsets of recent matches kept (12.5 KB each at 100,000 offers); others are made again. */
const MAX_SETS = 256;

/**
 * Collects the tokens of each offer's texts while an index is built (German first, then the
 * translations: positions do not come in order), and the first spelling seen of each token.
 */
export class TokenIndexBuilder {
	private readonly lists = new Map<string, number[]>();
	private readonly spellings = new Map<string, string>();

	add(position: number, tokens: Iterable<string>): void {
		for (const token of tokens) {
			let list = this.lists.get(token);
			if (!list) this.lists.set(token, (list = []));
			if (list[list.length - 1] !== position) list.push(position);
		}
	}

	/** Remembers how a token is written, the first time it is seen. */
	spell(token: string, word: string): void {
		if (!this.spellings.has(token)) this.spellings.set(token, word);
	}

	/**
	 * Each token's positions sorted, once each, and packed one after another into one array (its
	 * size measured first, so no list has a buffer of its own); pauses between keys.
	 */
	async toTable(slice: TimeSlice): Promise<TokenTable> {
		const keys = [...this.lists.keys()];
		const offsets = new Uint32Array(keys.length + 1);
		const counts = new Uint32Array(keys.length);
		// Sorted in one typed array (numeric order without a comparator) and written back in place.
		let longest = 0;
		this.lists.forEach((list) => (longest = Math.max(longest, list.length)));
		const scratch = new Int32Array(longest);
		for (let at = 0; at < keys.length; at++) {
			const list = this.lists.get(keys[at]!)!;
			scratch.set(list);
			scratch
				.subarray(0, list.length)
				.sort()
				.forEach((position, index) => (list[index] = position));
			const { count, bytes } = measurePacked(list);
			offsets[at + 1] = offsets[at]! + bytes;
			counts[at] = count;
			if (slice.due()) await slice.pause();
		}
		const packed = new Uint8Array(offsets[keys.length]!);
		for (let at = 0; at < keys.length; at++) {
			packInto(this.lists.get(keys[at]!)!, packed, offsets[at]!);
			if (slice.due()) await slice.pause();
		}
		return {
			keys,
			offsets,
			counts,
			packed,
			spelled: [...this.spellings.keys()],
			spellings: [...this.spellings.values()]
		};
	}
}

/**
 * An inverted index from analysed search tokens to offer positions, with, per token, a word as
 * people read it (for "Meinten Sie …"). Exact tokens: analysis already brought the forms of a word
 * together, so a prefix would only add unrelated words ("kur" is not "kurz"). Made from a
 * `TokenIndexBuilder`'s table, whose packed lists it reads in place.
 */
export class TokenIndex {
	private readonly spellings = new Map<string, string>();
	private readonly sets = new Map<string, Bitset>();

	private constructor(
		private readonly size: number,
		private readonly postings: Map<string, PackedAscending>
	) {}

	static fromTable(size: number, table: TokenTable): TokenIndex {
		const index = new TokenIndex(size, packedPostingsOf(table));
		table.spelled.forEach((token, at) => index.spellings.set(token, table.spellings[at]!));
		return index;
	}

	has(token: string): boolean {
		return this.postings.has(token);
	}

	/** How many offers contain the token. */
	frequency(token: string): number {
		return this.postings.get(token)?.size ?? 0;
	}

	spelling(token: string): string | undefined {
		return this.spellings.get(token);
	}

	/** Every token with a known spelling (the words a correction may suggest). */
	spelledTokens(): IterableIterator<string> {
		return this.spellings.keys();
	}

	/** The offers containing the token; the same set object for repeated calls in a while. */
	match(token: string): Bitset {
		let set = this.sets.get(token);
		if (set) {
			this.sets.delete(token);
		} else {
			const members = (set = new Bitset(this.size));
			this.postings.get(token)?.forEach((position) => members.add(position));
			if (this.sets.size >= MAX_SETS) this.sets.delete(this.sets.keys().next().value!);
		}
		this.sets.set(token, set);
		return set;
	}
}
