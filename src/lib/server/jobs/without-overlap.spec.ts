import { describe, expect, it } from 'vitest';
import { withoutOverlap } from './without-overlap.js';

describe('withoutOverlap', () => {
	it('never runs a job twice at once, and runs it once more for calls made meanwhile', async () => {
		let running = 0;
		let most = 0;
		let passes = 0;
		const finishers: (() => void)[] = [];
		const run = withoutOverlap(
			() => {
				passes++;
				most = Math.max(most, ++running);
				return new Promise<void>((resolve) =>
					finishers.push(() => {
						running--;
						resolve();
					})
				);
			},
			() => {}
		);
		const first = run();
		const second = run();
		void run();
		expect(passes).toBe(1);
		finishers.shift()!();
		await new Promise((resolve) => setImmediate(resolve));
		expect(passes).toBe(2);
		finishers.shift()!();
		await Promise.all([first, second]);
		expect({ passes, most }).toEqual({ passes: 2, most: 1 });
	});

	it('reports a failure and runs again at the next call', async () => {
		const errors: unknown[] = [];
		let calls = 0;
		const run = withoutOverlap(
			async () => {
				if (++calls === 1) throw new Error('down');
			},
			(error) => errors.push(error)
		);
		await run();
		await run();
		expect(calls).toBe(2);
		expect(errors).toEqual([new Error('down')]);
	});
});
