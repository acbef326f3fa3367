import type { Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import { decisionOrigins, type DecisionOrigin } from '../minutes/decisions.service.js';
import { tasksByIds, type TaskSummary } from '../minutes/tasks.service.js';
import { berlinNow, berlinToday } from '../../shared/time/berlin-clock.js';
import { canOnMeasure } from './measure-access.js';
import { measureFor, staleMonthsOf } from './measure-scope.js';
import { summarise, type MeasureSummary } from './measure-views.js';
import { findGoalLinks, findPartners, findUpdates } from './measures.repository.js';
import {
	findBudget,
	findLinks,
	findMilestones,
	findOffers,
	findReach,
	findTaskIds
} from './measure-parts.repository.js';
import type { MeasureStatus } from './measures.table.js';

export interface MeasureMilestone {
	id: number;
	title: string;
	dueOn: string;
	doneOn: string | null;
	decisionId: number | null;
	overdue: boolean;
}

export interface BudgetLine {
	fundingSourceId: number;
	fundingSourceName: string;
	year: number;
	plannedCents: number;
	spentCents: number;
}

export interface ReachFigures {
	period: string;
	participants: number;
	women: number | null;
	men: number | null;
	diverse: number | null;
	ageMinors: number | null;
	ageYoungAdults: number | null;
	ageAdults: number | null;
	ageSeniors: number | null;
}

export interface MeasureHistoryEntry {
	/** Europe/Berlin wall clock, `YYYY-MM-DDTHH:mm`. */
	recordedAt: string;
	recordedByName: string | null;
	status: MeasureStatus | null;
	progress: number | null;
	note: string;
}

/** Everything the measure page shows; the budget only to those who may see it. */
export interface MeasureDetail extends MeasureSummary {
	description: string;
	statusReason: string;
	leadOrganisationId: number | null;
	responsibleContactId: number | null;
	/** Null for a person who was erased ("former participant"). */
	responsibleName: string | null;
	goals: { id: number; text: string; actionField: string }[];
	partners: { id: number; name: string }[];
	decision: DecisionOrigin | null;
	milestones: MeasureMilestone[];
	budget: BudgetLine[] | null;
	reach: ReachFigures[];
	links: { title: string; url: string }[];
	offers: { id: number; slug: string; title: string; status: string }[];
	tasks: TaskSummary[];
	history: MeasureHistoryEntry[];
	may: { update: boolean; manage: boolean };
}

export async function getMeasure(
	db: Db,
	actor: Actor,
	measureId: number,
	now = new Date()
): Promise<MeasureDetail> {
	const { row, scope } = await measureFor(db, actor, measureId, 'read');
	const [summary] = await summarise(db, [row], await staleMonthsOf(db, row.districtId), now);
	const today = berlinToday(now);
	const ids = [measureId];
	const [goals, partners, milestones, budget, reach, links, offers, taskIds, updates] =
		await Promise.all([
			findGoalLinks(db, ids),
			findPartners(db, ids),
			findMilestones(db, ids),
			findBudget(db, ids),
			findReach(db, ids),
			findLinks(db, measureId),
			findOffers(db, measureId),
			findTaskIds(db, measureId),
			findUpdates(db, ids)
		]);
	const decision = row.decisionId
		? ((await decisionOrigins(db, row.districtId, [row.decisionId]))[0] ?? null)
		: null;
	return {
		...summary!,
		description: row.description,
		statusReason: row.statusReason,
		leadOrganisationId: row.leadOrganisationId,
		responsibleContactId: row.responsibleContactId,
		responsibleName: row.responsibleAnonymisedAt ? null : row.responsibleName,
		goals: goals.map(({ id, text, actionField }) => ({ id, text, actionField })),
		partners: partners.map(({ id, name }) => ({ id, name })),
		decision,
		milestones: milestones.map((milestone) => ({
			id: milestone.id,
			title: milestone.title,
			dueOn: milestone.dueOn,
			doneOn: milestone.doneOn,
			decisionId: milestone.decisionId,
			overdue: milestone.doneOn === null && milestone.dueOn < today
		})),
		budget: canOnMeasure(actor, 'read_budget', scope)
			? budget.map(({ measureId: _measure, ...line }) => line)
			: null,
		reach: reach.map(({ measureId: _measure, ...figures }) => figures),
		links,
		offers,
		tasks: await tasksByIds(db, row.districtId, taskIds, now),
		history: updates.map(({ recordedAt, recordedByName, status, progress, note }) => ({
			recordedAt: berlinNow(new Date(recordedAt)),
			recordedByName,
			status,
			progress,
			note
		})),
		may: {
			update: canOnMeasure(actor, 'update', scope),
			manage: canOnMeasure(actor, 'manage', scope)
		}
	};
}
