import { expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import { listAudit } from '../../src/lib/server/accounts/audit.service.js';
import {
	chainTranslations,
	saveChainTranslations
} from '../../src/lib/server/chains/chain-translations.service.js';
import { ChainValidationError } from '../../src/lib/server/chains/chains.errors.js';
import { getChain, updateChain } from '../../src/lib/server/chains/chains.service.js';
import { updateStage } from '../../src/lib/server/chains/stages.service.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { localizeMany } from '../../src/lib/server/translations/translations.service.js';
import type { TestActor } from '../factories/account.factory.js';
import { createTestChain } from '../factories/chain.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

const NOW = new Date('2026-11-10T10:00:00.000Z');
const actors = {} as Record<'coordinator' | 'viewer' | 'partner' | 'stranger', TestActor>;
const ids = { chain: 0, orientation: 0, course: 0 };

async function seed(database: Database) {
	const db = database.db;
	const world = await districtWithPartners(db);
	actors.coordinator = await world.staff('coordinator');
	actors.viewer = await world.staff('viewer');
	actors.partner = await world.staff('partner_editor', [world.vhs]);
	actors.stranger = await world.staff('coordinator', [], world.places.districts.flensburg);
	const chain = await createTestChain(
		db,
		{
			districtId: world.districtId,
			introduction: 'Vom ersten Beratungsgespräch bis zum Deutschkurs.',
			isPublic: true,
			stages: [
				{ key: 'Erstorientierung', achieves: 'Sie wissen, welche Hilfen es gibt.' },
				{ key: 'Integrationskurs', follows: ['Erstorientierung'] }
			]
		},
		NOW
	);
	ids.chain = chain.chainId;
	ids.orientation = chain.stages['Erstorientierung']!;
	ids.course = chain.stages['Integrationskurs']!;
}

const arabic = {
	publicTitle: 'طريقك إلى دورة اللغة الألمانية',
	introduction: 'من أول استشارة إلى دورة اللغة.'
};

describeEachDialect(
	'support chains: translations of the public texts',
	({ database }) => {
		it('lists the chain’s and each stage’s texts, all missing at first, empty ones left out', async () => {
			const texts = await chainTranslations(database().db, actors.viewer, ids.chain);
			expect(texts.texts.map((text) => text.name)).toEqual([
				'publicTitle',
				'introduction',
				`stage.${ids.orientation}.title`,
				`stage.${ids.orientation}.achieves`,
				// The course achieves nothing in words yet, so there is nothing to translate.
				`stage.${ids.course}.title`
			]);
			expect(texts.states).toMatchObject({ ar: 'missing', en: 'missing', 'de-x-easy': 'missing' });
			expect(texts.mayEdit).toBe(false);
			expect((await chainTranslations(database().db, actors.coordinator, ids.chain)).mayEdit).toBe(
				true
			);
			await expect(
				chainTranslations(database().db, actors.stranger, ids.chain)
			).rejects.toBeInstanceOf(ForbiddenError);
		});

		it('saves translations as reviewed, marks them outdated when the German changes, and audits per entity', async () => {
			const db = database().db;
			const orientationTitle = `stage.${ids.orientation}.title`;
			await saveChainTranslations(
				db,
				actors.coordinator,
				ids.chain,
				{
					translations: {
						ar: { ...arabic, [orientationTitle]: 'التوجيه الأول' },
						en: { [orientationTitle]: 'First orientation' }
					}
				},
				NOW
			);
			let texts = await chainTranslations(db, actors.coordinator, ids.chain);
			const byName = (name: string) => texts.texts.find((text) => text.name === name)!;
			expect(byName('publicTitle').translations.ar).toEqual({
				value: arabic.publicTitle,
				status: 'reviewed'
			});
			expect(byName(orientationTitle).translations.en.status).toBe('reviewed');
			// Arabic still lacks the stages' other texts, so the language needs work.
			expect(texts.states.ar).toBe('missing');

			const portal = await localizeMany(
				db,
				'chain_stage',
				[{ id: ids.orientation, fields: { title: 'Erstorientierung' } }],
				'ar'
			);
			expect(portal.get(ids.orientation)!.title).toMatchObject({
				text: 'التوجيه الأول',
				fallback: false
			});

			const chain = await getChain(db, actors.coordinator, ids.chain);
			await updateChain(
				db,
				actors.coordinator,
				ids.chain,
				{
					title: chain.title,
					publicTitle: 'Ihr Weg zur Sprache',
					introduction: chain.introduction,
					actionFields: ['language'],
					isPublic: true
				},
				NOW
			);
			const stage = chain.stages.find((candidate) => candidate.id === ids.orientation)!;
			await updateStage(
				db,
				actors.coordinator,
				ids.orientation,
				{ ...stage, title: 'Erste Orientierung' },
				NOW
			);
			texts = await chainTranslations(db, actors.coordinator, ids.chain);
			expect(byName('publicTitle').translations.ar.status).toBe('outdated');
			expect(byName(orientationTitle).translations.en.status).toBe('outdated');

			// Confirming keeps the text and makes it current; emptying removes it.
			await saveChainTranslations(
				db,
				actors.coordinator,
				ids.chain,
				{
					translations: {
						ar: { publicTitle: arabic.publicTitle, introduction: arabic.introduction },
						en: { [orientationTitle]: '' }
					},
					confirmed: ['ar.publicTitle']
				},
				NOW
			);
			texts = await chainTranslations(db, actors.coordinator, ids.chain);
			expect(byName('publicTitle').translations.ar.status).toBe('reviewed');
			expect(byName(orientationTitle).translations.en).toEqual({ value: '', status: 'missing' });

			const audit = await listAudit(db, { ...actors.coordinator, role: 'administrator' });
			const translated = audit
				.filter((entry) => entry.action.endsWith('translate'))
				.map((entry) => `${entry.action} ${entry.entityId}`)
				.sort();
			expect(translated).toEqual(
				[
					`chain.translate ${ids.chain}`,
					`chain.translate ${ids.chain}`,
					`chain.stage.translate ${ids.orientation}`,
					`chain.stage.translate ${ids.orientation}`
				].sort()
			);
		});

		it('refuses partners, viewers and a text too long for its field, saving nothing', async () => {
			const db = database().db;
			for (const actor of [actors.partner, actors.viewer])
				await expect(
					saveChainTranslations(db, actor, ids.chain, { translations: { ar: arabic } }, NOW)
				).rejects.toBeInstanceOf(ForbiddenError);
			const failure = await saveChainTranslations(
				db,
				actors.coordinator,
				ids.chain,
				{
					translations: {
						ar: { introduction: arabic.introduction, publicTitle: 'ط'.repeat(201) }
					}
				},
				NOW
			).catch((caught: unknown) => caught);
			expect(failure).toBeInstanceOf(ChainValidationError);
			expect((failure as ChainValidationError).issues).toEqual([
				{ path: 'translations.ar.publicTitle', code: 'too_big' }
			]);
			const texts = await chainTranslations(db, actors.coordinator, ids.chain);
			expect(texts.texts.every((text) => text.translations.ar.status === 'missing')).toBe(true);
		});
	},
	seed,
	{ isolation: 'test' }
);
