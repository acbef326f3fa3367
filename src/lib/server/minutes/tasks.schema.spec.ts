import { describe, expect, it } from 'vitest';
import { emptyTaskValues, isDate, parseOwner, parseTaskForm } from './tasks.schema.js';

describe('the task form', () => {
	it('names every problem at once', () => {
		expect(
			parseTaskForm({ ...emptyTaskValues(), dueOn: '2026-02-30', offer: 'http://x/ä' })
		).toEqual({
			errors: {
				title: 'office.task.error.title',
				owner: 'office.task.error.owner',
				dueOn: 'office.task.error.dueOn',
				offer: 'office.task.error.offer'
			}
		});
	});

	it('reads owners, dates and offer references', () => {
		const parsed = parseTaskForm({
			...emptyTaskValues(),
			title: '  Räume klären ',
			owner: 'contact:12',
			dueOn: '2026-12-31',
			agendaItemId: '7',
			offer: 'https://kitz.example.org/de/offers/sprachcafe-schleswig?x=1'
		});
		if (parsed.errors) throw new Error('refused');
		expect(parsed.input).toMatchObject({
			title: 'Räume klären',
			owner: { contactId: 12 },
			agendaItemId: 7,
			offer: { slug: 'sprachcafe-schleswig' }
		});
		expect(parseOwner('organisation:3')).toEqual({ organisationId: 3 });
		expect(parseOwner('user:3')).toBeNull();
		expect(isDate('2026-02-28')).toBe(true);
		expect(isDate('28.02.2026')).toBe(false);
	});
});
