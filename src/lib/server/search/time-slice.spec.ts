import { describe, expect, it } from 'vitest';
import { sortSliced, TimeSlice } from './time-slice.js';

describe('sortSliced', () => {
	it('orders as a sort at once does, ties in their first order, across many runs', async () => {
		let seed = 7;
		const keys = Array.from({ length: 5_000 }, () => (seed = (seed * 48271) % 2147483647) % 300);
		const positions = Int32Array.from(keys.keys());
		const byKey = (a: number, b: number) => keys[a]! - keys[b]!;
		// A budget of 0 pauses at every chance: the merge must not lose its place across pauses.
		const sorted = await sortSliced(positions, byKey, new TimeSlice({ budgetMs: 0 }));
		expect([...sorted]).toEqual([...positions].sort(byKey));
		expect([...positions]).toEqual([...keys.keys()]);
	});

	it('sorts nothing and one', async () => {
		expect([...(await sortSliced(new Int32Array(0), () => 0, new TimeSlice()))]).toEqual([]);
		expect([...(await sortSliced(Int32Array.of(3), () => 0, new TimeSlice()))]).toEqual([3]);
	});
});

describe('TimeSlice', () => {
	it('lets a timer run between two slices of work', async () => {
		const slice = new TimeSlice({ budgetMs: 0 });
		let ticked = false;
		setTimeout(() => (ticked = true), 0);
		const until = performance.now() + 5;
		while (performance.now() < until) await slice.pause();
		await slice.pause();
		expect(ticked).toBe(true);
	});

	it('ends the work at its next pause once its signal is aborted', async () => {
		const stop = new AbortController();
		const slice = new TimeSlice({ signal: stop.signal });
		await slice.pause();
		stop.abort(new Error('shutting down'));
		await expect(slice.pause()).rejects.toThrow('shutting down');
	});
});
