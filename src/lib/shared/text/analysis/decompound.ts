/** Letters German puts between the parts of a compound ("Wohnung-s-suche", "Frau-en-café"). */
const LINKS = ['', 's', 'es', 'n', 'en', 'e', 'er'];
const MIN_PART = 3;
const MIN_COMPOUND = 6;

/**
 * Splits German compounds into the known words they are made of: "wohnungssuche" → wohnung,
 * suche; "berufssprachkurs" → berufs, sprach, kurs. `isKnown` decides what a word is (the
 * maintained word list), told whether the part ends the compound (only the last part is inflected);
 * a word is split into as few known parts as possible, and a word that cannot be covered by known
 * parts is left whole.
 */
export class Decompounder {
	private readonly cache = new Map<string, string[]>();

	constructor(private readonly isKnown: (part: string, last: boolean) => boolean) {}

	/** The parts of a folded word, or an empty list when it is not made of known words. */
	split(word: string): string[] {
		let parts = this.cache.get(word);
		if (parts === undefined) {
			if (this.cache.size > 100_000) this.cache.clear();
			this.cache.set(word, (parts = this.compute(word)));
		}
		return parts;
	}

	private compute(word: string): string[] {
		if (word.length < MIN_COMPOUND) return [];
		// fewest[i]: the fewest parts covering word[0, i), with the split that achieves it.
		const fewest: ({ count: number; links: number; from: number; partEnd: number } | null)[] =
			Array(word.length + 1).fill(null);
		fewest[0] = { count: 0, links: 0, from: 0, partEnd: 0 };
		for (let start = 0; start < word.length; start++) {
			const before = fewest[start];
			if (!before) continue;
			for (let end = start + MIN_PART; end <= word.length; end++) {
				// The word itself may be listed too; its parts are still wanted, so the first part
				// leaves room for another.
				if (start === 0 && end > word.length - MIN_PART) continue;
				if (!this.isKnown(word.slice(start, end), end === word.length)) continue;
				for (const link of end === word.length ? [''] : LINKS) {
					const next = end + link.length;
					if (next > word.length || word.slice(end, next) !== link) continue;
					const candidate = {
						count: before.count + 1,
						links: before.links + link.length,
						from: start,
						partEnd: end
					};
					const current = fewest[next];
					// Fewer parts win; among equals, fewer linking letters ("neben-kosten", not "neb-en-kosten").
					if (
						!current ||
						candidate.count < current.count ||
						(candidate.count === current.count && candidate.links < current.links)
					)
						fewest[next] = candidate;
				}
			}
		}
		const whole = fewest[word.length];
		if (!whole) return [];
		const parts: string[] = [];
		for (let at = word.length; at > 0;) {
			const step = fewest[at]!;
			parts.unshift(word.slice(step.from, step.partEnd));
			at = step.from;
		}
		return parts;
	}
}
