import { describe, expect, it } from 'vitest';
import { addMonths, progressOf, trafficLight, type LightInput } from './progress.js';

const milestones = [
	{ title: 'Kursräume gefunden', dueOn: '2026-03-01', doneOn: '2026-02-20' },
	{ title: 'Erster Kurs', dueOn: '2026-09-01', doneOn: null },
	{ title: 'Auswertung', dueOn: '2027-02-01', doneOn: null }
];

const base: LightInput = {
	status: 'running',
	milestones: [],
	budget: [],
	lastUpdateOn: '2026-11-20',
	today: '2026-12-01',
	staleMonths: 3
};

describe('progress', () => {
	it('is the share of milestones done, rounded', () => {
		expect(progressOf('milestones', milestones, 90)).toBe(33);
		expect(progressOf('milestones', [], 90)).toBeNull();
	});

	it('is the latest figure entered by hand in manual mode', () => {
		expect(progressOf('manual', milestones, 70)).toBe(70);
		expect(progressOf('manual', milestones, null)).toBeNull();
	});
});

describe('traffic light', () => {
	it('is green with no reasons when nothing is wrong', () => {
		expect(trafficLight(base)).toEqual({ light: 'green', reasons: [] });
	});

	it('is red for an overdue milestone of a measure under way, naming it', () => {
		expect(trafficLight({ ...base, milestones })).toEqual({
			light: 'red',
			reasons: [{ code: 'milestone_overdue', title: 'Erster Kurs', dueOn: '2026-09-01' }]
		});
		// Due today is not overdue yet; done or stopped measures owe no milestones.
		expect(
			trafficLight({ ...base, milestones: [{ title: 'x', dueOn: '2026-12-01', doneOn: null }] })
				.light
		).toBe('green');
		expect(trafficLight({ ...base, status: 'stopped', milestones }).light).toBe('green');
	});

	it('is red for a budget line spent beyond its plan, whatever the status', () => {
		const budget = [
			{ fundingSourceName: 'Kreishaushalt', year: 2026, plannedCents: 100_00, spentCents: 150_00 }
		];
		expect(trafficLight({ ...base, status: 'completed', budget })).toEqual({
			light: 'red',
			reasons: [
				{
					code: 'budget_overspent',
					fundingSourceName: 'Kreishaushalt',
					year: 2026,
					overCents: 50_00
				}
			]
		});
	});

	it('is amber after the configured months without an update, red wins over it', () => {
		const stale = { ...base, lastUpdateOn: '2026-09-01' };
		expect(trafficLight(stale)).toEqual({
			light: 'amber',
			reasons: [{ code: 'no_update', lastUpdateOn: '2026-09-01', months: 3 }]
		});
		expect(trafficLight({ ...stale, staleMonths: 4 }).light).toBe('green');
		expect(trafficLight({ ...stale, lastUpdateOn: '2026-09-02' }).light).toBe('green');
		expect(trafficLight({ ...stale, status: 'completed' }).light).toBe('green');
		expect(trafficLight({ ...stale, milestones }).light).toBe('red');
	});

	it('counts months on the calendar', () => {
		expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2026-12-05', 12)).toBe('2027-12-05');
	});
});
