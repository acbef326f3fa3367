import { join } from 'node:path';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { actionToMeasure, addAction } from '../opening/actions.service.js';
import { DEFAULT_INSTRUMENT } from '../opening/instrument.service.js';
import type { OpeningEditor } from '../opening/opening-access.js';
import type { Answer } from '../opening/opening.schema.js';
import { saveAnswers, startRound } from '../opening/rounds.service.js';
import { createUnit, listUnits } from '../opening/units.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { addDays } from '../../shared/time/wall-clock.js';
import { lookUp, organisationIdsBySlug } from './demo.lookup.js';
import { readJson } from './demo.seed.js';

/** The shape of content/demo/opening.json, described for authors in content/demo/FORMAT.md. */
const level = z.union([z.number().int().min(0).max(4), z.literal('na')]);
const demoOpeningSchema = z.object({
	units: z
		.array(
			z.object({
				key: z.string().min(1),
				/** Empty for an organisation's unit: it takes the organisation's name. */
				name: z.string(),
				organisation: z.string().optional(),
				rounds: z
					.array(
						z.object({
							label: z.string().min(1),
							daysAgo: z.number().int().min(0),
							/** Per dimension key, one level per item in the default instrument's order. */
							levels: z.record(z.string(), z.array(level)),
							comments: z.record(z.string(), z.string()).default({}),
							actions: z
								.array(
									z.object({
										what: z.string().min(1),
										who: z.string().default(''),
										organisation: z.string().optional(),
										dueInDays: z.number().int().optional(),
										/** Already turned into a measure by the coordinator. */
										measure: z.boolean().default(false)
									})
								)
								.default([])
						})
					)
					.min(1)
			})
		)
		.min(1)
});
type DemoRound = z.infer<typeof demoOpeningSchema>['units'][number]['rounds'][number];

const DAY = 24 * 60 * 60 * 1000;

/** A round's answers to the default instrument from the file's levels per dimension. */
function answersOf(round: DemoRound): Answer[] {
	return DEFAULT_INSTRUMENT.dimensions.flatMap((dimension) =>
		dimension.items.map((item, index) => {
			const given = round.levels[dimension.key]?.[index];
			if (given === undefined) throw new Error(`no level for ${item.key} in round ${round.label}`);
			return {
				itemKey: item.key,
				level: given === 'na' ? null : given,
				notApplicable: given === 'na',
				comment: round.comments[item.key] ?? ''
			};
		})
	);
}

/**
 * The demo's intercultural opening (content/demo/opening.json), through the opening services as
 * the demo's coordinator: the default instrument, the units, their submitted rounds on the days
 * given (counted back from the seeding day) and their improvement actions, some already a measure.
 */
export async function seedDemoOpening(
	trx: Transaction<DB>,
	contentDir: string,
	coordinator: OpeningEditor,
	now = new Date()
): Promise<void> {
	if ((await listUnits(trx, coordinator)).length) return;
	const file = join(contentDir, 'demo', 'opening.json');
	const { units } = await readJson(file, demoOpeningSchema);
	const organisations = await organisationIdsBySlug(trx);
	const today = berlinToday(now);
	for (const unit of units) {
		try {
			const organisationId = unit.organisation
				? lookUp(organisations, unit.organisation, 'organisation')
				: null;
			const unitId = await createUnit(
				trx,
				coordinator,
				{
					kind: organisationId ? 'organisation' : 'administration',
					name: unit.name,
					organisationId
				},
				now
			);
			for (const round of unit.rounds) {
				const at = new Date(now.getTime() - round.daysAgo * DAY);
				const roundId = await startRound(trx, coordinator, unitId, { label: round.label }, at);
				await saveAnswers(trx, coordinator, roundId, answersOf(round), true, at);
				for (const action of round.actions) {
					const actionId = await addAction(
						trx,
						coordinator,
						roundId,
						{
							what: action.what,
							who: action.who,
							organisationId: action.organisation
								? lookUp(organisations, action.organisation, 'organisation')
								: null,
							dueOn: action.dueInDays === undefined ? null : addDays(today, action.dueInDays)
						},
						at
					);
					if (action.measure) await actionToMeasure(trx, coordinator, actionId, at);
				}
			}
		} catch (failure) {
			throw new Error(`${file}: unit "${unit.key}": ${String(failure)}`, { cause: failure });
		}
	}
}
