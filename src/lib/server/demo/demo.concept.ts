import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

import type { ConceptEditor } from '../measures/concept-access.js';
import { createConceptVersion, listConceptVersions } from '../measures/concept.service.js';
import { createGoal } from '../measures/goals.service.js';
import { createIndicator, recordSnapshot, recordValue } from '../measures/indicators.service.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { parsePeriod, periodDays } from '../../shared/time/period.js';
import { addDays } from '../../shared/time/wall-clock.js';
import { instantOn } from './demo.history.js';
import { demoConceptSchema } from './demo.measures.schema.js';

/**
 * The concept "Wir sind Vielfalt" (content/demo/concept.json) as the district's one version,
 * written through the measures context as the demo's administrator. The file is written as of
 * `yearsAsOf`; every year and day in it moves by as many years as today lies after that, so the
 * last three years always have values. Entered values were recorded a month after their period;
 * a computed indicator's past values become the snapshots a running KITZ would have frozen.
 * Returns the sub-goals' ids by their key, for the measures.
 */
export async function seedDemoConcept(
	trx: Transaction<DB>,
	contentDir: string,
	admin: ConceptEditor,
	now = new Date()
): Promise<Map<string, number>> {
	const goalIds = new Map<string, number>();
	if ((await listConceptVersions(trx, admin, now)).length) return goalIds;
	const file = join(contentDir, 'demo', 'concept.json');
	const parsed = demoConceptSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
	}
	const { yearsAsOf, concept, fields } = parsed.data;
	const today = berlinToday(now);
	const shift = Number(today.slice(0, 4)) - yearsAsOf;
	const year = (value: number) => value + shift;
	// A day (`2023-06-22`) or a period (`2024`, `2025-H1`) begins with its year.
	const shifted = (value: string) => `${year(Number(value.slice(0, 4)))}${value.slice(4)}`;
	const adoptedOn = shifted(concept.adoptedOn);

	const versionId = await createConceptVersion(
		trx,
		admin,
		{
			title: concept.title,
			adoptedOn,
			periodFrom: year(concept.periodFrom),
			periodTo: year(concept.periodTo),
			documentUrl: concept.documentUrl
		},
		instantOn(adoptedOn)
	);
	for (const field of fields) {
		const at = instantOn(adoptedOn);
		const add = (parentId: number | null, text: string) =>
			createGoal(trx, admin, versionId, { actionField: field.actionField, parentId, text }, at);
		const guidingId = await add(null, field.goal);
		for (const subGoal of field.subGoals) {
			if (goalIds.has(subGoal.key))
				throw new Error(`${file}: sub-goal key "${subGoal.key}" is used twice`);
			const goalId = await add(guidingId, subGoal.text);
			goalIds.set(subGoal.key, goalId);
			for (const indicator of subGoal.indicators) {
				const indicatorId = await createIndicator(
					trx,
					admin,
					goalId,
					{
						name: indicator.name,
						unit: indicator.unit,
						direction: indicator.direction,
						periodKind: indicator.periodKind,
						baselineValue: indicator.baseline.value,
						baselineOn: shifted(indicator.baseline.on),
						targetValue: indicator.target.value,
						targetYear: year(indicator.target.year),
						computation: indicator.computation ?? null,
						computationParameter: indicator.parameter ?? null
					},
					at
				);
				for (const [written, given] of Object.entries(indicator.values)) {
					const value = typeof given === 'number' ? { value: given } : given;
					const key = shifted(written);
					const parsedPeriod = parsePeriod(key);
					if (!parsedPeriod) throw new Error(`${file}: "${written}" is no period`);
					const recorded = addDays(periodDays(parsedPeriod).to, 30);
					if (indicator.computation)
						await recordSnapshot(trx, admin, indicatorId, { period: key, value: value.value }, now);
					else
						await recordValue(
							trx,
							admin,
							indicatorId,
							{ period: key, ...value },
							recorded < today ? instantOn(recorded) : now
						);
				}
			}
		}
	}
	return goalIds;
}
