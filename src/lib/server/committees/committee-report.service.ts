import type { Db } from '../db/schema.js';
import { figuresView } from './committee-views.js';
import {
	findFiguresRows,
	findTermRows,
	listCommitteeRows,
	type TermRow
} from './committees.repository.js';
import type { FigureCount } from './committees.schema.js';
import type { CommitteeType } from './committees.table.js';
import type { ShownCount } from './representation.js';

/** A committee's representation figures in the yearly report: suppressed before they leave. */
export interface CommitteeReportFigures {
	name: string;
	type: CommitteeType;
	termStartsOn: string;
	termEndsOn: string | null;
	recordedOn: string;
	counts: Record<FigureCount, ShownCount>;
}

/** The term that ran at the end of the period, or the last one that ran in it. */
function termOfPeriod(terms: TermRow[], from: string, to: string): TermRow | undefined {
	return terms
		.filter((term) => term.startsOn <= to && (term.endsOn === null || term.endsOn >= from))
		.sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
}

/**
 * Per committee of the district (by name), the figures of its term in the period, where they
 * are recorded. The report's reader was authorised by the report.
 */
export async function committeeFiguresForPeriod(
	db: Db,
	districtId: number,
	period: { from: string; to: string }
): Promise<CommitteeReportFigures[]> {
	const committees = await listCommitteeRows(db, districtId);
	const terms = await findTermRows(
		db,
		committees.map((committee) => committee.id)
	);
	const figures = await findFiguresRows(
		db,
		terms.map((term) => term.id)
	);
	return committees.flatMap((committee) => {
		const term = termOfPeriod(
			terms.filter((candidate) => candidate.committeeId === committee.id),
			period.from,
			period.to
		);
		const recorded = term && figures.find((row) => row.termId === term.id);
		if (!term || !recorded) return [];
		const view = figuresView(recorded);
		return [
			{
				name: committee.name,
				type: committee.type,
				termStartsOn: term.startsOn,
				termEndsOn: term.endsOn,
				recordedOn: view.recordedOn,
				counts: view.figures.counts
			}
		];
	});
}
