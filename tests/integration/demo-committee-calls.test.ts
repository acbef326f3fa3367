import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { listApplications } from '../../src/lib/server/committees/applications.inbox.service.js';
import { openCalls, publicCall } from '../../src/lib/server/committees/calls.public.service.js';
import { demoActor, seedDemo } from '../../src/lib/server/demo/demo.js';
import { loadReferencePlaces } from '../../src/lib/server/places/reference.js';
import { describeEachDialect } from '../support/databases.js';

const CONTENT = resolve('content');
const NOW = new Date('2026-12-01T09:00:00Z');

describeEachDialect(
	'demo calls for candidates',
	({ database }) => {
		it('opens two calls, translated into every portal language, with support offers', async () => {
			const db = database().db;
			const calls = await openCalls(db, 'uk', NOW);
			expect(calls.map((call) => [call.title.text, call.title.lang, call.deadline])).toEqual([
				['Долучайтеся до молодіжної ради Шлезвіга', 'uk', '2026-12-29'],
				['Долучайтеся до інтеграційної ради', 'uk', '2027-01-12']
			]);
			for (const locale of ['de-x-easy', 'en', 'ar', 'fa', 'ru', 'tr'] as const)
				for (const { slug } of calls) {
					const call = (await publicCall(db, slug, locale, NOW))!;
					expect([call.title, call.text, call.eligibility!].map((text) => text.lang)).toEqual(
						Array(3).fill(locale === 'de-x-easy' ? 'de-x-easy' : locale)
					);
				}
			const board = calls.find((call) => call.committeeName.startsWith('Integrationsbeirat'))!;
			expect(board.supportOffers.map((offer) => offer.kind)).toEqual(['training', 'mentoring']);
		});

		it('fills the inbox with three applications, one a possible duplicate, and sends no mail', async () => {
			const db = database().db;
			await db.transaction().execute(async (trx) => {
				const coordinator = await demoActor(trx, 'coordinator');
				const applications = await listApplications(trx, coordinator, null);
				expect(
					applications.map((application) => [
						application.contact.name,
						application.status,
						application.possibleDuplicates.map((other) => other.name)
					])
				).toEqual([
					['Mariam Sultani', 'new', []],
					['Maren Petersen', 'new', ['Maren Petersen']],
					['Yusuf Demir', 'in_review', []]
				]);
			});
			expect(await db.selectFrom('mailOutbox').select('id').execute()).toEqual([]);
		});
	},
	async ({ db }) => {
		await loadReferencePlaces(db, CONTENT);
		await seedDemo(db, { contentDir: CONTENT, password: 'demo-password-for-tests' }, NOW);
	}
);
