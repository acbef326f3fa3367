import { join } from 'node:path';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { recordApplication } from '../committees/applications.service.js';
import { setApplicationStatus } from '../committees/applications.inbox.service.js';
import { APPLICATION_STATUSES } from '../committees/calls.table.js';
import { CALL_TARGET_LOCALES } from '../committees/calls.schema.js';
import { createCall, loadCall, openCall, type CallEditor } from '../committees/calls.service.js';
import { saveCallTranslations } from '../committees/calls.translations.service.js';
import { listCommittees } from '../committees/committees.service.js';
import type { DB } from '../db/schema.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { addDays } from '../../shared/time/wall-clock.js';
import { instantOn } from './demo.history.js';
import { buildLookup, lookUp, placeOf } from './demo.lookup.js';
import { readJson } from './demo.seed.js';

/**
 * The demo's calls for candidates (content/demo/committee-calls.json), made through the calls'
 * services as the demo's coordinator after the committee register: each call for its
 * committee's current term, opened some days ago with its translations, and the applications
 * that came since — recorded as the form records them, without its mail (the demo sends none).
 */
const texts = z.object({ title: z.string(), text: z.string(), eligibility: z.string() });

const demoCallsSchema = z.object({
	calls: z.array(
		z.object({
			committee: z.string(),
			openedDaysAgo: z.number().int().min(1),
			deadlineInDays: z.number().int().min(1),
			seatsSought: z.number().int().min(1),
			...texts.shape,
			translations: z.partialRecord(z.enum(CALL_TARGET_LOCALES), texts),
			applications: z.array(
				z.object({
					receivedDaysAgo: z.number().int().min(0),
					name: z.string(),
					email: z.string(),
					phone: z.string(),
					/** The official key of the applicant's municipality. */
					place: z.string(),
					languages: z.array(z.string()),
					message: z.string(),
					status: z.enum(APPLICATION_STATUSES)
				})
			)
		})
	)
});

export async function seedDemoCommitteeCalls(
	trx: Transaction<DB>,
	contentDir: string,
	coordinator: CallEditor,
	now = new Date()
): Promise<void> {
	const file = join(contentDir, 'demo', 'committee-calls.json');
	const { calls } = await readJson(file, demoCallsSchema);
	const committees = await listCommittees(trx, coordinator, undefined, now);
	const committeeIds = new Map(committees.map((committee) => [committee.name, committee.id]));
	const lookup = await buildLookup(trx);
	const today = berlinToday(now);
	for (const call of calls) {
		const committeeId = lookUp(committeeIds, call.committee, 'committee');
		const opened = instantOn(addDays(today, -call.openedDaysAgo));
		const callId = await createCall(
			trx,
			coordinator,
			{
				committeeId,
				termId: committees.find((committee) => committee.id === committeeId)!.currentTerm?.id,
				title: call.title,
				text: call.text,
				eligibility: call.eligibility,
				seatsSought: call.seatsSought,
				deadline: addDays(today, call.deadlineInDays)
			},
			opened
		);
		await saveCallTranslations(
			trx,
			coordinator,
			callId,
			{ translations: call.translations },
			opened
		);
		await openCall(trx, coordinator, callId, opened);
		const { slug } = await loadCall(trx, coordinator, callId, now);
		for (const { receivedDaysAgo, place, status, ...applicant } of call.applications) {
			const received = instantOn(addDays(today, -receivedDaysAgo), '19:30');
			const id = await recordApplication(
				trx,
				slug,
				{ ...applicant, placeId: placeOf(lookup, place).id, consent: true },
				received
			);
			if (status !== 'new') await setApplicationStatus(trx, coordinator, id, status, now);
		}
	}
}
