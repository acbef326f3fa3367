import type { Db } from '../db/schema.js';
import { instrumentVersions } from './instrument.service.js';
import { findRatingRows, type RoundRow } from './opening.repository.js';
import type { InstrumentContent } from './opening.schema.js';
import { scoreRound, type RoundScores } from './scoring.js';

/** Rounds with their scores, each on the instrument version it was answered with, by round id. */
export async function scoresOfRounds(
	db: Db,
	rounds: readonly RoundRow[]
): Promise<Map<number, { content: InstrumentContent; scores: RoundScores }>> {
	const instruments = await instrumentVersions(
		db,
		rounds.map((round) => round.instrumentId)
	);
	const ratings = await findRatingRows(
		db,
		rounds.map((round) => round.id)
	);
	return new Map(
		rounds.map((round) => {
			const { content } = instruments.get(round.instrumentId)!;
			const answers = ratings
				.filter((rating) => rating.roundId === round.id)
				.map((rating) => ({ ...rating, notApplicable: rating.notApplicable === 1 }));
			return [round.id, { content, scores: scoreRound(content, answers) }];
		})
	);
}
