import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset.js';
import { MemberScores } from './member-scores.js';

function membersAt(size: number, positions: number[]): Bitset {
	const set = new Bitset(size);
	for (const position of positions) set.add(position);
	return set;
}

describe('member scores', () => {
	it('keeps a score per member across word boundaries', () => {
		const positions = [0, 5, 31, 32, 63, 64, 99];
		const scores = new MemberScores(membersAt(100, positions));
		positions.forEach((position, rank) => scores.set(position, rank + 0.5));
		expect(positions.map((position) => scores.of(position))).toEqual([
			0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5
		]);
	});

	it('gives 0 outside the set and ignores scores set there', () => {
		const scores = new MemberScores(membersAt(64, [1, 40]));
		scores.set(2, 7);
		scores.set(1, 3);
		expect([scores.of(0), scores.of(1), scores.of(2), scores.of(40)]).toEqual([0, 3, 0, 0]);
	});
});
