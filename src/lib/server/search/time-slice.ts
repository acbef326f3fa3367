import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Cooperative time slicing for work that runs beside the requests (building the search index at
 * 100,000 offers takes seconds): `pause()` gives the event loop a turn once the slice's budget is
 * spent, so no request waits longer than about one slice. With a `signal`, `pause()` throws its
 * reason once it is aborted, so that the work ends at its next turn.
 */
export class TimeSlice {
	private started = performance.now();
	private readonly budgetMs: number;
	private readonly signal?: AbortSignal;

	constructor({ budgetMs = 5, signal }: { budgetMs?: number; signal?: AbortSignal } = {}) {
		this.budgetMs = budgetMs;
		this.signal = signal;
	}

	/** Whether the slice's budget is spent; check in hot loops, then `await pause()`. */
	due(): boolean {
		return performance.now() - this.started >= this.budgetMs;
	}

	/** Yields to the event loop (timers, I/O, other requests) when the budget is spent. */
	async pause(): Promise<void> {
		this.signal?.throwIfAborted();
		if (!this.due()) return;
		await nextTurn();
		this.signal?.throwIfAborted();
		this.started = performance.now();
	}
}

/** Runs `visit` for each item, pausing between items when the slice is spent. */
export async function forEachSliced<T>(
	items: ArrayLike<T>,
	slice: TimeSlice,
	visit: (item: T, at: number) => void
): Promise<void> {
	for (let at = 0; at < items.length; at++) {
		visit(items[at]!, at);
		if (slice.due()) await slice.pause();
	}
}

const RUN = 512;

/**
 * A stable sort of positions in slices: runs of 512 sorted at once, then merged pairwise with
 * pauses, so sorting 100,000 titles by collation never holds the event loop for long.
 */
export async function sortSliced(
	items: Int32Array,
	compare: (a: number, b: number) => number,
	slice: TimeSlice
): Promise<Int32Array> {
	let from = Int32Array.from(items);
	for (let start = 0; start < from.length; start += RUN) {
		// Int32Array#sort with a comparator is stable, as Array#sort is (ES2019).
		from.subarray(start, Math.min(start + RUN, from.length)).sort(compare);
		await slice.pause();
	}
	let to = new Int32Array(from.length);
	for (let width = RUN; width < from.length; width *= 2) {
		for (let left = 0; left < from.length; left += 2 * width) {
			const middle = Math.min(left + width, from.length);
			const right = Math.min(left + 2 * width, from.length);
			let a = left;
			let b = middle;
			let out = left;
			while (a < middle && b < right) {
				to[out++] = compare(from[b]!, from[a]!) < 0 ? from[b++]! : from[a++]!;
				if ((out & 1023) === 0 && slice.due()) await slice.pause();
			}
			while (a < middle) to[out++] = from[a++]!;
			while (b < right) to[out++] = from[b++]!;
		}
		[from, to] = [to, from];
		await slice.pause();
	}
	return from;
}
