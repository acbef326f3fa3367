import { bitCount } from '../bits.js';

// Three rows of the distance table, reused: the function runs over whole vocabularies per query.
let rows: [Int32Array, Int32Array, Int32Array] = [
	new Int32Array(64),
	new Int32Array(64),
	new Int32Array(64)
];

/**
 * Damerau–Levenshtein distance (optimal string alignment): the insertions, deletions,
 * substitutions and swaps of neighbouring characters that turn `a` into `b`. With `limit`, any
 * result above it is only known to be above it (`limit + 1`), which lets most comparisons stop early.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	if (rows[0].length <= b.length)
		rows = [0, 1, 2].map(() => new Int32Array(b.length * 2 + 1)) as typeof rows;
	let [beforeLast, last, current] = rows;
	for (let j = 0; j <= b.length; j++) last[j] = j;
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let rowBest = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(last[j]! + 1, current[j - 1]! + 1, last[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				best = Math.min(best, beforeLast[j - 2]! + 1);
			current[j] = best;
			if (best < rowBest) rowBest = best;
		}
		// Every path to the end passes through this row, and distances never shrink along a path.
		if (rowBest > limit) return limit + 1;
		// Rotated one by one, not by destructuring, which builds an array per row.
		const spare = beforeLast;
		beforeLast = last;
		last = current;
		current = spare;
	}
	return Math.min(last[b.length]!, limit + 1);
}

/** How many typing mistakes a word of this length may have and still count as meant. */
export function allowedMistakes(length: number): number {
	return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * The characters of a text as bits of a 32-bit mask (characters sharing a bit count as one), for
 * `fewestEdits`.
 */
export function characterMask(text: string): number {
	let mask = 0;
	for (let at = 0; at < text.length; at++) mask |= 1 << (text.charCodeAt(at) & 31);
	return mask;
}

/**
 * At least how many edits turn one text into the other, from their character masks: each edit
 * takes away at most one character and brings in at most one, so every character the one has and
 * the other lacks costs an edit. Two bit operations where `editDistance` fills a table.
 */
export function fewestEdits(maskA: number, maskB: number): number {
	return Math.max(bitCount(maskA & ~maskB), bitCount(maskB & ~maskA));
}

/**
 * Words by length, each with its character mask, to find those within some typing mistakes of a
 * text: only words of a length within the mistakes can be within them, and of those the masks rule
 * out most before a distance table is filled.
 */
export class MistakeIndex<T> {
	private readonly byLength = new Map<number, { texts: string[]; masks: number[]; items: T[] }>();

	add(text: string, item: T): void {
		let bucket = this.byLength.get(text.length);
		if (!bucket) this.byLength.set(text.length, (bucket = { texts: [], masks: [], items: [] }));
		bucket.texts.push(text);
		bucket.masks.push(characterMask(text));
		bucket.items.push(item);
	}

	/** Calls `visit` with each item within `mistakes` edits of `text`, shorter words first. */
	forEachWithin(text: string, mistakes: number, visit: (item: T, distance: number) => void): void {
		const mask = characterMask(text);
		for (let length = text.length - mistakes; length <= text.length + mistakes; length++) {
			const bucket = this.byLength.get(length);
			if (!bucket) continue;
			for (let at = 0; at < bucket.items.length; at++) {
				if (fewestEdits(bucket.masks[at]!, mask) > mistakes) continue;
				const distance = editDistance(text, bucket.texts[at]!, mistakes);
				if (distance <= mistakes) visit(bucket.items[at]!, distance);
			}
		}
	}
}
