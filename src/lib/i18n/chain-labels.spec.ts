import { describe, expect, it } from 'vitest';
import { stageRulesSchema } from '../server/chains/chains.schema.js';
import { describeReach, describeRules, stepLabels } from './chain-labels.js';
import { translator } from './messages.js';

const de = translator('de');
const en = translator('en');
const rules = (input: Parameters<typeof stageRulesSchema.parse>[0]) =>
	stageRulesSchema.parse(input);

describe('a stage’s rules in words', () => {
	it('says nothing for rules that select nothing', () => {
		expect(describeRules(de, rules({}))).toEqual([]);
	});

	it('writes one sentence per rule, lists as alternatives', () => {
		expect(
			describeRules(
				de,
				rules({
					actionFields: ['language', 'work'],
					targetGroups: ['refugees'],
					entryLevelMax: 'B1',
					exitLevelMin: 'B2',
					keywords: ['Beruf', 'Job'],
					cost: 'free_or_reduced',
					onlineAllowed: false
				})
			)
		).toEqual([
			'Handlungsfeld Sprache oder Arbeit',
			'Für Geflüchtete',
			'Setzt höchstens Deutsch B1 voraus',
			'Führt mindestens zu Deutsch B2',
			'Im Text steht „Beruf“ oder „Job“',
			'Kostenlos oder ermäßigt',
			'Keine Online-Angebote'
		]);
	});

	it('names “no German” in words, in English too', () => {
		expect(describeRules(en, rules({ entryLevelMax: 'none', cost: 'free' }))).toEqual([
			'Open without any German',
			'Free of charge'
		]);
		expect(
			describeRules(en, rules({ exitLevelMin: 'A1', keywords: ['career', 'job', 'work'] }))
		).toEqual(['Leads to German A1 or higher', 'The text contains “career”, “job”, or “work”']);
	});
});

describe('a stage’s reach in words', () => {
	it('writes kilometres in the page’s language and whether online counts', () => {
		expect(describeReach(de, { reachKm: 12.5, onlineCounts: false })).toBe('bis 12,5 km');
		expect(describeReach(en, { reachKm: 25, onlineCounts: true })).toBe(
			'up to 25 km, online counts'
		);
	});
});

describe('step labels', () => {
	it('numbers steps and letters branches on one step', () => {
		const labels = stepLabels([
			{ id: 7, step: 1 },
			{ id: 3, step: 2 },
			{ id: 9, step: 2 },
			{ id: 4, step: 3 }
		]);
		expect([...labels]).toEqual([
			[7, '1'],
			[3, '2a'],
			[9, '2b'],
			[4, '3']
		]);
	});
});
