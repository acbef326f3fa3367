import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { findCycle } from '../chains/chain-graph.js';
import { hasRule, TRANSITION_STATES } from '../chains/chains.schema.js';
import { DistanceTable, stageCoverage, type Municipality } from '../chains/coverage.js';
import { compileRules, matchStage, type OfferFacts } from '../chains/stage-matching.js';
import { fold } from '../../shared/text/fold.js';
import { demoChainsSchema, type DemoChain, type DemoStage } from './demo.chains.schema.js';
import { demoMeasuresSchema } from './demo.measures.schema.js';
import { demoFileSchema, demoPageSchema, type DemoOffer } from './demo.schema.js';

/**
 * The demo chains against the demo they are seeded into: every key they name exists, every
 * chain is a graph without cycles, every stage finds offers, and the language chain shows the
 * gap the demo is meant to show — a rural Amt without a course within reach while the towns have
 * one. Coverage is computed as the office computes it, over the reference places.
 */

const content = (...path: string[]) => readFileSync(join('content', ...path), 'utf8');
const json = (file: string): unknown => JSON.parse(content('demo', file));
const csv = (file: string): Record<string, string>[] =>
	parse(content('places', file), { columns: true, skip_empty_lines: true, trim: true });

const { chains } = demoChainsSchema.parse(json('chains.json'));
const offerFiles = ['offers-a.json', 'offers-b.json', 'offers-c.json'].map((file) =>
	demoFileSchema.parse(json(file))
);
const kitz = demoPageSchema.parse(json('kitz.json'));
const { measures } = demoMeasuresSchema.parse(json('measures.json'));

const offers = offerFiles.flatMap((file) => file.offers);
const organisationKeys = new Set([
	kitz.organisation.key,
	...offerFiles.flatMap((file) => file.organisations.map((organisation) => organisation.key))
]);

/** Municipalities with their seat's point; an offer is placed at its municipality's, as seeded. */
const places = [...csv('municipalities.csv'), ...csv('municipalities-additions.csv')];
const amtOf = new Map(
	csv('places-supplement.csv')
		.filter((row) => !row.name && row.amt)
		.map((row) => [row.ags!, row.amt!])
);
const placeIdOf = new Map(places.map((row, index) => [row.ags!, index + 1]));
const municipalities: Municipality[] = places
	.filter((row) => row.ags!.startsWith(chains[0]!.district))
	.map((row) => ({
		placeId: placeIdOf.get(row.ags!)!,
		ags: row.ags!,
		name: row.name!,
		amt: amtOf.get(row.ags!) ?? null,
		lat: Number(row.lat),
		lon: Number(row.lon),
		population: row.population ? Number(row.population) : null
	}));
const distances = new DistanceTable(
	places.map((row) => ({
		id: placeIdOf.get(row.ags!)!,
		lat: Number(row.lat),
		lon: Number(row.lon)
	}))
);

/** The offers the portal shows: archived ones are no longer published. */
const published = offers.filter((offer) => offer.archivedMonthsAgo === undefined);
const offerIdOf = new Map(offers.map((offer, index) => [offer.key, index + 1]));

const factsOf = (offer: DemoOffer): OfferFacts => ({
	id: offerIdOf.get(offer.key)!,
	actionFields: offer.actionFields,
	targetGroups: offer.targetGroups,
	languageLevel: offer.languageLevel,
	// Offers say no exit level yet; the stages rely on none.
	languageLevelExit: null,
	costKind: offer.cost.kind,
	online: 'online' in offer.location,
	foldedText: fold([offer.title, offer.summary, offer.description].join('\n'))
});

function qualifying(stage: DemoStage): DemoOffer[] {
	const selection = {
		compiled: compileRules(stage.rules),
		included: new Set(stage.include.map((key) => offerIdOf.get(key)!)),
		excluded: new Set(stage.exclude.map((key) => offerIdOf.get(key)!)),
		hasAnyRule: hasRule(stage.rules)
	};
	return published.filter((offer) => matchStage(selection, factsOf(offer)) !== null);
}

function coverage(stage: DemoStage) {
	const sites = qualifying(stage).map((offer) => ({
		id: offerIdOf.get(offer.key)!,
		placeId: 'place' in offer.location ? placeIdOf.get(offer.location.place)! : null,
		online: 'online' in offer.location,
		languages: offer.languages
	}));
	return stageCoverage(municipalities, sites, stage, distances);
}

const edgesOf = (chain: DemoChain) =>
	chain.stages.flatMap((stage) => stage.follows.map((from) => `${from} → ${stage.key}`));

describe('the demo chains (content/demo/chains.json)', () => {
	it('are keyed uniquely, in the demo district, and the language chain is the portal’s “Ihr Weg zum Deutschkurs”', () => {
		expect(new Set(chains.map((chain) => chain.key)).size).toBe(chains.length);
		expect(chains.map((chain) => chain.district)).toEqual(chains.map(() => '01059'));
		expect(content('places', 'districts.csv')).toContain('01059,');
		for (const chain of chains)
			expect(new Set(chain.stages.map((stage) => stage.key)).size).toBe(chain.stages.length);
		const language = chains.find((chain) => chain.actionFields.includes('language'));
		expect(language?.isPublic).toBe(true);
		expect(language?.publicTitle).toMatch(/^Ihr Weg zum Deutschkurs/);
	});

	it('name only offers, organisations and measures of the demo', () => {
		const missing: string[] = [];
		const need = (known: boolean, what: string) => known || missing.push(what);
		for (const chain of chains) {
			for (const stage of chain.stages)
				for (const key of [...stage.include, ...stage.exclude])
					need(offerIdOf.has(key), `offer ${key} (${chain.key}/${stage.key})`);
			for (const transition of chain.transitions)
				for (const key of [transition.fromOrganisation, transition.toOrganisation])
					if (key !== null) need(organisationKeys.has(key), `organisation ${key}`);
			for (const report of chain.frictionReports)
				need(organisationKeys.has(report.organisation), `organisation ${report.organisation}`);
			for (const decision of chain.reviews.flatMap((review) => review.decisions)) {
				if ('task' in decision)
					need(organisationKeys.has(decision.task.owner), `owner ${decision.task.owner}`);
				if ('idea' in decision)
					need(organisationKeys.has(decision.idea.lead), `lead ${decision.idea.lead}`);
				if ('measure' in decision) {
					const measure = measures.find((candidate) => candidate.key === decision.measure);
					need(measure !== undefined, `measure ${decision.measure}`);
					// The review's decision becomes the one the measure was started from.
					need(measure?.decidedIn === undefined, `measure ${decision.measure} decided elsewhere`);
				}
			}
		}
		expect(missing).toEqual([]);
	});

	it('name only stages of their own chain, with one documented transition per edge', () => {
		for (const chain of chains) {
			const stageKeys = new Set(chain.stages.map((stage) => stage.key));
			const edges = edgesOf(chain);
			for (const stage of chain.stages)
				for (const key of stage.follows)
					expect(stageKeys, `${chain.key}/${stage.key}`).toContain(key);
			const transitions = chain.transitions.map(({ from, to }) => `${from} → ${to}`);
			expect([...transitions].sort(), chain.key).toEqual([...edges].sort());
			const pairs = [
				...chain.frictionReports,
				...chain.reviews.flatMap((review) => review.findings)
			].flatMap((item) => ('from' in item ? [`${item.from} → ${item.to}`] : []));
			for (const pair of pairs) expect(transitions, chain.key).toContain(pair);
			for (const finding of chain.reviews.flatMap((review) => review.findings))
				if ('stage' in finding) expect(stageKeys, chain.key).toContain(finding.stage);
		}
	});

	it('are free of cycles, with a branch and an optional stage in the demo', () => {
		for (const chain of chains) {
			const ids = new Map(chain.stages.map((stage, index) => [stage.key, index + 1]));
			const edges = chain.stages.flatMap((stage) =>
				stage.follows.map((from) => ({ from: ids.get(from)!, to: ids.get(stage.key)! }))
			);
			expect(findCycle([...ids.values()], edges), chain.key).toBeNull();
		}
		const stages = chains.flatMap((chain) => chain.stages);
		expect(stages.some((stage) => stage.isOptional)).toBe(true);
		// A branch: a stage that more than one non-optional stage follows.
		const branching = stages.filter(
			(stage) =>
				stages.filter((next) => !next.isOptional && next.follows.includes(stage.key)).length > 1
		);
		expect(branching.length).toBeGreaterThan(0);
	});

	it('show every state of a transition, and hold one past review with two or three decisions', () => {
		const states = new Set(chains.flatMap((chain) => chain.transitions.map((t) => t.state)));
		expect([...states].sort()).toEqual([...TRANSITION_STATES].sort());
		const reviews = chains.flatMap((chain) => chain.reviews);
		expect(reviews).toHaveLength(1);
		expect(reviews[0]!.decisions.length).toBeGreaterThanOrEqual(2);
		expect(reviews[0]!.decisions.length).toBeLessThanOrEqual(3);
	});

	it.each(
		chains.flatMap((chain) => chain.stages.map((stage) => [chain.key, stage.key, stage] as const))
	)('%s: stage %s finds published demo offers', (_chain, _stage, stage) => {
		expect(qualifying(stage).length).toBeGreaterThan(0);
	});

	it('reach Schleswig and Kappeln at every required language stage, but leave a rural Amt without an integration course', () => {
		const chain = chains.find((candidate) => candidate.key === 'sprache-arbeit')!;
		const town = (name: string) =>
			municipalities.find((municipality) => municipality.name === name)!.placeId;
		for (const stage of chain.stages.filter((candidate) => !candidate.isOptional)) {
			const cells = coverage(stage);
			expect(cells.get(town('Schleswig'))?.covered, stage.key).toBe(true);
			expect(cells.get(town('Kappeln'))?.covered, stage.key).toBe(true);
		}
		const cells = coverage(chain.stages.find((stage) => stage.key === 'integrationskurs')!);
		const ruralGaps = municipalities.filter(
			(municipality) => municipality.amt !== null && !cells.get(municipality.placeId)?.covered
		);
		expect(ruralGaps.length).toBeGreaterThan(0);
	});
});
