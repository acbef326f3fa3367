import { Bitset } from './bitset.js';

/**
 * An inverted index from analysed search tokens to offer positions, with, per token, a word as
 * people read it (for "Meinten Sie …"). Exact tokens: analysis already brought the forms of a word
 * together, so a prefix would only add unrelated words ("kur" is not "kurz").
 */
export class TokenIndex {
	private readonly postings = new Map<string, number[]>();
	private readonly spellings = new Map<string, string>();
	private readonly sets = new Map<string, Bitset>();

	constructor(private readonly size: number) {}

	add(position: number, tokens: Iterable<string>): void {
		for (const token of tokens) {
			let list = this.postings.get(token);
			if (!list) this.postings.set(token, (list = []));
			if (list[list.length - 1] !== position) list.push(position);
		}
	}

	/** Remembers how a token is written, the first time it is seen. */
	spell(token: string, word: string): void {
		if (!this.spellings.has(token)) this.spellings.set(token, word);
	}

	has(token: string): boolean {
		return this.postings.has(token);
	}

	/** How many offers contain the token. */
	frequency(token: string): number {
		return this.postings.get(token)?.length ?? 0;
	}

	spelling(token: string): string | undefined {
		return this.spellings.get(token);
	}

	/** Every token with a known spelling (the words a correction may suggest). */
	spelledTokens(): IterableIterator<string> {
		return this.spellings.keys();
	}

	/** The offers containing the token; the same set object for repeated calls. */
	match(token: string): Bitset {
		let set = this.sets.get(token);
		if (!set) {
			set = new Bitset(this.size);
			for (const position of this.postings.get(token) ?? []) set.add(position);
			if (this.sets.size > 10_000) this.sets.clear();
			this.sets.set(token, set);
		}
		return set;
	}
}
