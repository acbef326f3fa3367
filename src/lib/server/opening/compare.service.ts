import type { Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import { OpeningValidationError } from './opening.errors.js';
import { listRoundRows } from './opening.repository.js';
import type { BilingualText } from './opening.schema.js';
import { scoresOfRounds } from './scored-rounds.js';
import { scoreDifferences, type RoundScores } from './scoring.js';
import { unitInScope } from './units.service.js';

export interface ScoredRound {
	id: number;
	label: string;
	submittedAt: string;
	scores: RoundScores;
}

export interface Comparison {
	earlier: ScoredRound;
	later: ScoredRound;
	/** Per dimension of the later round's instrument: both scores and the change. */
	rows: {
		key: string;
		title: BilingualText;
		earlier: number | null;
		later: number | null;
		difference: number | null;
	}[];
	overall: { earlier: number | null; later: number | null; difference: number | null };
}

/** The submitted rounds of a unit with their scores and dimension titles, oldest first. */
async function submittedRounds(db: Db, actor: Actor, unitId: number) {
	await unitInScope(db, actor, unitId);
	const rows = (await listRoundRows(db, [unitId])).filter((row) => row.status === 'submitted');
	const scored = await scoresOfRounds(db, rows);
	return rows.map((row) => {
		const { content, scores } = scored.get(row.id)!;
		return {
			id: row.id,
			label: row.label,
			submittedAt: row.submittedAt!,
			scores,
			titles: new Map(content.dimensions.map((d) => [d.key, d.title]))
		};
	});
}

/**
 * Two submitted rounds of a unit side by side, per dimension (by its key, so rounds answered
 * with different instrument versions compare); the earlier one first whatever the order chosen.
 */
export async function compareRounds(
	db: Db,
	actor: Actor,
	unitId: number,
	roundIds: [number, number]
): Promise<Comparison> {
	const rounds = await submittedRounds(db, actor, unitId);
	const chosen = rounds.filter((round) => roundIds.includes(round.id));
	if (chosen.length !== 2 || roundIds[0] === roundIds[1])
		throw new OpeningValidationError([{ path: 'rounds', code: 'two_rounds' }]);
	const [earlier, later] = chosen as [(typeof rounds)[number], (typeof rounds)[number]];
	const differences = scoreDifferences(earlier.scores, later.scores);
	const before = new Map(earlier.scores.dimensions.map((d) => [d.key, d.score]));
	const change = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
	const plain = (round: (typeof rounds)[number]): ScoredRound => ({
		id: round.id,
		label: round.label,
		submittedAt: round.submittedAt,
		scores: round.scores
	});
	return {
		earlier: plain(earlier),
		later: plain(later),
		rows: later.scores.dimensions.map((d) => ({
			key: d.key,
			title: later.titles.get(d.key)!,
			earlier: before.get(d.key) ?? null,
			later: d.score,
			difference: differences.get(d.key) ?? null
		})),
		overall: {
			earlier: earlier.scores.overall,
			later: later.scores.overall,
			difference: change(earlier.scores.overall, later.scores.overall)
		}
	};
}
