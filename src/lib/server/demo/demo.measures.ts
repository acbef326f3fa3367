import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transaction } from 'kysely';
import type { ACTION_FIELDS } from '../action-fields/action-fields.js';
import type { DB } from '../db/schema.js';
import { addDecision } from '../minutes/decisions.service.js';
import {
	addFundingSource,
	archiveFundingSource,
	listFundingSources,
	renameFundingSource
} from '../measures/funding-sources.service.js';
import {
	addMilestone,
	linkMeasureOffer,
	setBudget,
	setMilestoneDoneOn,
	setReach
} from '../measures/measure-parts.service.js';
import {
	changeStatus,
	createMeasure,
	recordUpdate,
	type MeasureActor
} from '../measures/measures.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { addDays } from '../../shared/time/wall-clock.js';
import { addMonths } from '../measures/progress.js';
import { instantOn, monthsFrom } from './demo.history.js';
import { findPastMeeting, lookUp, organisationIdsBySlug } from './demo.lookup.js';
import { demoMeasuresSchema, type DemoMeasure } from './demo.measures.schema.js';

/**
 * The demo's measures (content/demo/measures.json), written through the measures context as the
 * demo's coordinator, each step on the day it happened: created, planned, started, ended; its
 * milestones done on their days, its figures and status note entered on its last update, so the
 * traffic light has history to judge. A measure `decidedIn` a past demo meeting is written as a
 * decision into that meeting's minutes first and created from it; one decided in a chain review
 * is created from the review's decision.
 */
export interface MeasureRefs {
	goalIds: Map<string, number>;
	offerIds: Map<string, number>;
	/** Decisions already in a past meeting's minutes, by the key of the measure each started. */
	decisions: Map<string, DemoDecision>;
}

/** A decision in a past meeting's minutes, and the meeting's day. */
export interface DemoDecision {
	decisionId: number;
	day: string;
}

type Refs = MeasureRefs & {
	organisationIds: Map<string, number>;
	contactIds: Map<string, number>;
	fundingSourceIds: Map<string, number>;
};

export async function seedDemoMeasures(
	trx: Transaction<DB>,
	contentDir: string,
	coordinator: MeasureActor,
	refs: MeasureRefs,
	now = new Date()
): Promise<number> {
	if (await trx.selectFrom('measures').select('id').limit(1).executeTakeFirst()) return 0;
	const file = join(contentDir, 'demo', 'measures.json');
	const parsed = demoMeasuresSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
	}
	const { fundingSources, measures } = parsed.data;
	const all: Refs = {
		...refs,
		organisationIds: await organisationIdsBySlug(trx),
		contactIds: await contactIds(trx, coordinator.districtId),
		fundingSourceIds: await seedFundingSources(trx, coordinator, fundingSources, now)
	};
	const keys = new Set<string>();
	for (const key of refs.decisions.keys()) {
		const measure = measures.find((m) => m.key === key);
		// One decision per measure: the one it was started from.
		if (!measure || measure.decidedIn)
			throw new Error(`${file}: a decision names "${key}", which is no measure without decidedIn`);
	}
	for (const measure of measures) {
		if (keys.has(measure.key))
			throw new Error(`${file}: measure key "${measure.key}" is used twice`);
		keys.add(measure.key);
		try {
			await seedMeasure(trx, coordinator, measure, all, now);
		} catch (failure) {
			throw new Error(`${file}: measure "${measure.key}": ${String(failure)}`, {
				cause: failure
			});
		}
	}
	return measures.length;
}

/** A new measure a past decision proposed, as an idea; not in measures.json. */
export interface DemoIdea {
	title: string;
	description: string;
	actionFields: (typeof ACTION_FIELDS)[number][];
	/** The leading organisation's key. */
	lead: string;
}

/** Creates the idea from its decision, a week after the meeting, as a measure from measures.json. */
export async function seedDecidedIdea(
	trx: Transaction<DB>,
	actor: MeasureActor,
	idea: DemoIdea,
	decision: DemoDecision
): Promise<number> {
	const createdOn = addDays(decision.day, 7);
	return createMeasure(
		trx,
		actor,
		{
			title: idea.title,
			description: idea.description,
			actionFields: idea.actionFields,
			goalIds: [],
			leadOrganisationId: lookUp(await organisationIdsBySlug(trx), idea.lead, 'organisation'),
			partnerOrganisationIds: [],
			responsibleContactId: null,
			startsOn: null,
			endsOn: null,
			progressMode: 'manual',
			isPublic: false,
			links: [],
			decisionId: decision.decisionId
		},
		{ status: 'idea', statusOn: createdOn, reason: '' },
		instantOn(createdOn)
	);
}

/** The district's list of funding sources becomes the file's: the defaults renamed, more added. */
async function seedFundingSources(
	trx: Transaction<DB>,
	actor: MeasureActor,
	names: string[],
	now: Date
): Promise<Map<string, number>> {
	const defaults = await listFundingSources(trx, actor, {}, now);
	const ids = new Map<string, number>();
	for (const [index, name] of names.entries()) {
		const existing = defaults[index];
		if (!existing) ids.set(name, await addFundingSource(trx, actor, name, now));
		else {
			if (existing.name !== name) await renameFundingSource(trx, actor, existing.id, name, now);
			ids.set(name, existing.id);
		}
	}
	for (const unused of defaults.slice(names.length))
		await archiveFundingSource(trx, actor, unused.id, true, now);
	return ids;
}

async function contactIds(trx: Transaction<DB>, districtId: number) {
	const rows = await trx
		.selectFrom('contacts')
		.select(['id', 'name'])
		.where('districtId', '=', districtId)
		.execute();
	return new Map(rows.map((row) => [row.name, row.id]));
}

/** Writes the decision into the minutes of the named past meeting; returns it and the meeting's day. */
async function seedDecision(
	trx: Transaction<DB>,
	actor: MeasureActor,
	decidedIn: NonNullable<DemoMeasure['decidedIn']>,
	today: string
): Promise<DemoDecision> {
	const meeting = await findPastMeeting(trx, decidedIn, today);
	const decisionId = await addDecision(
		trx,
		actor,
		meeting.id,
		{ agendaItemId: null, text: decidedIn.decision },
		instantOn(meeting.day, '18:00')
	);
	return { decisionId, day: meeting.day };
}

async function seedMeasure(
	trx: Transaction<DB>,
	actor: MeasureActor,
	measure: DemoMeasure,
	refs: Refs,
	now: Date
): Promise<void> {
	const today = berlinToday(now);
	const inMonths = (months: number | null) => (months === null ? null : monthsFrom(now, months));
	const startsOn = inMonths(measure.startsInMonths);
	const endsOn = inMonths(measure.endsInMonths);
	const statusOn = monthsFrom(now, -measure.statusMonthsAgo);
	const lastUpdateOn = monthsFrom(now, -measure.lastUpdateMonthsAgo);
	const decision = measure.decidedIn
		? await seedDecision(trx, actor, measure.decidedIn, today)
		: (refs.decisions.get(measure.key) ?? null);
	// A measure under way has run since its start; it was planned two months before that.
	const begun = startsOn !== null && startsOn < statusOn ? startsOn : statusOn;
	const createdOn = decision
		? addDays(decision.day, 7)
		: measure.status === 'idea'
			? statusOn
			: addMonths(begun, -2);
	// Nothing happens after the measure's last update, so the light judges that day.
	const on = (day: string) =>
		instantOn(day < createdOn ? createdOn : day > lastUpdateOn ? lastUpdateOn : day);
	const first = measure.status === 'idea' || measure.status === 'planned' ? 'idea' : 'planned';

	const id = await createMeasure(
		trx,
		actor,
		{
			title: measure.title,
			description: measure.description,
			actionFields: measure.actionFields,
			goalIds: measure.goals.map((key) => lookUp(refs.goalIds, key, 'goal')),
			leadOrganisationId: lookUp(refs.organisationIds, measure.lead, 'organisation'),
			partnerOrganisationIds: measure.partners.map((key) =>
				lookUp(refs.organisationIds, key, 'organisation')
			),
			responsibleContactId: measure.responsible
				? lookUp(refs.contactIds, measure.responsible, 'contact')
				: null,
			startsOn,
			endsOn,
			progressMode: measure.progress === 'milestones' ? 'milestones' : 'manual',
			isPublic: measure.public,
			links: measure.links,
			decisionId: decision?.decisionId ?? null
		},
		{ status: first, statusOn: createdOn, reason: '' },
		on(createdOn)
	);
	for (const offer of measure.offers)
		await linkMeasureOffer(
			trx,
			actor,
			id,
			lookUp(refs.offerIds, offer, 'offer'),
			true,
			on(createdOn)
		);
	for (const milestone of measure.milestones) {
		const dueOn = monthsFrom(now, milestone.dueInMonths);
		const milestoneId = await addMilestone(
			trx,
			actor,
			id,
			{ title: milestone.title, dueOn, decisionId: null },
			on(createdOn)
		);
		if (milestone.done) {
			const doneOn = dueOn < today ? dueOn : today;
			await setMilestoneDoneOn(trx, actor, id, milestoneId, doneOn, on(doneOn));
		}
	}
	const steps: { status: DemoMeasure['status']; on: string }[] = [];
	const ended = measure.status === 'completed' || measure.status === 'stopped';
	if (measure.status === 'running' || (ended && begun < statusOn))
		steps.push({ status: 'running', on: begun });
	if (measure.status !== first && measure.status !== 'running')
		steps.push({ status: measure.status, on: statusOn });
	for (const step of steps)
		await changeStatus(
			trx,
			actor,
			id,
			{
				status: step.status,
				statusOn: step.on,
				reason: step.status === measure.status ? (measure.statusReason ?? '') : ''
			},
			on(step.on)
		);
	const year = Number(today.slice(0, 4));
	for (const line of measure.budget)
		await setBudget(
			trx,
			actor,
			id,
			{
				fundingSourceId: lookUp(refs.fundingSourceIds, line.source, 'funding source'),
				year: year + line.yearOffset,
				plannedCents: Math.round(line.planned * 100),
				spentCents: Math.round(line.spent * 100)
			},
			on(lastUpdateOn)
		);
	for (const { yearOffset, ...reach } of measure.reach)
		await setReach(
			trx,
			actor,
			id,
			{
				period: String(year + yearOffset),
				participants: reach.participants,
				women: reach.women ?? null,
				men: reach.men ?? null,
				diverse: reach.diverse ?? null,
				ageMinors: reach.ageMinors ?? null,
				ageYoungAdults: reach.ageYoungAdults ?? null,
				ageAdults: reach.ageAdults ?? null,
				ageSeniors: reach.ageSeniors ?? null
			},
			on(lastUpdateOn)
		);
	const progress = typeof measure.progress === 'number' ? measure.progress : null;
	if (measure.note || progress !== null)
		await recordUpdate(trx, actor, id, { note: measure.note ?? '', progress }, on(lastUpdateOn));
}
