import { describe, expect, it } from 'vitest';
import { findCycle, stepsOf } from './chain-graph.js';

describe('the stage graph', () => {
	it('finds no cycle in a chain with a branch that joins again', () => {
		const edges = [
			{ from: 1, to: 2 },
			{ from: 2, to: 3 },
			{ from: 2, to: 4 },
			{ from: 3, to: 5 },
			{ from: 4, to: 5 }
		];
		expect(findCycle([1, 2, 3, 4, 5], edges)).toBeNull();
		expect([...stepsOf([1, 2, 3, 4, 5], edges)]).toEqual([
			[1, 1],
			[2, 2],
			[3, 3],
			[4, 3],
			[5, 4]
		]);
	});

	it('names the stages along a cycle, first and last the same', () => {
		const cycle = findCycle(
			[1, 2, 3],
			[
				{ from: 1, to: 2 },
				{ from: 2, to: 3 },
				{ from: 3, to: 2 }
			]
		);
		expect(cycle).toEqual([2, 3, 2]);
		expect(findCycle([1], [{ from: 1, to: 1 }])).toEqual([1, 1]);
	});

	it('counts a step from the longest way in, so a shortcut does not pull a stage forward', () => {
		const steps = stepsOf(
			[1, 2, 3],
			[
				{ from: 1, to: 2 },
				{ from: 2, to: 3 },
				{ from: 1, to: 3 }
			]
		);
		expect(steps.get(3)).toBe(3);
	});
});
