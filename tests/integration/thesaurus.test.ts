import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import type { Database } from '../../src/lib/server/db/database.js';
import type { SearchConcept } from '../../src/lib/server/search/thesaurus/concept.js';
import {
	ConceptNotFoundError,
	ThesaurusValidationError
} from '../../src/lib/server/search/thesaurus/thesaurus.errors.js';
import { parseThesaurusFile } from '../../src/lib/server/search/thesaurus/thesaurus.schema.js';
import {
	createConcept,
	deleteConcept,
	exportThesaurus,
	getConcept,
	listConcepts,
	loadDefaultThesaurus,
	thesaurus,
	thesaurusVersion,
	updateConcept
} from '../../src/lib/server/search/thesaurus/thesaurus.service.js';
import type { TestActor } from '../factories/account.factory.js';
import { describeEachDialect } from '../support/databases.js';
import { districtWithPartners } from '../support/scenarios.js';

const NOW = new Date('2026-11-10T10:00:00.000Z');
const CONTENT = resolve('content');
const actors = {} as Record<'administrator' | 'coordinator' | 'viewer' | 'partner', TestActor>;

const doctor: SearchConcept = {
	key: 'doctor',
	labels: { de: 'Arzt', en: 'Doctor' },
	phrases: { de: ['Arzt', 'Ärztin'], fa: ['دکتر'] },
	actionFields: ['health'],
	targetGroups: [],
	germanCourse: false,
	terms: ['Arztpraxis'],
	broader: null
};
const course: SearchConcept = {
	key: 'german-course',
	labels: { de: 'Deutschkurs' },
	phrases: { de: ['Deutschkurs'] },
	actionFields: ['language'],
	targetGroups: [],
	germanCourse: true,
	terms: [],
	broader: null
};

/** A content folder holding only a thesaurus file with these concepts (or this text). */
const folders: string[] = [];
async function contentWith(file: { concepts: SearchConcept[] } | string): Promise<string> {
	const folder = await mkdtemp(join(tmpdir(), 'kitz-thesaurus-'));
	folders.push(folder);
	await mkdir(join(folder, 'search'));
	const text = typeof file === 'string' ? file : JSON.stringify(file);
	await writeFile(join(folder, 'search', 'thesaurus.json'), text);
	return folder;
}
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function seed(database: Database) {
	const world = await districtWithPartners(database.db);
	actors.administrator = await world.staff('administrator');
	actors.coordinator = await world.staff('coordinator');
	actors.viewer = await world.staff('viewer');
	actors.partner = await world.staff('partner_editor', [world.vhs]);
}

async function issuesOf(work: Promise<unknown>) {
	const error = await work.then(
		() => null,
		(caught: unknown) => caught
	);
	expect(error).toBeInstanceOf(ThesaurusValidationError);
	return (error as ThesaurusValidationError).issues;
}

const idOf = async (db: Database['db'], key: string) =>
	(await listConcepts(db)).find((concept) => concept.key === key)!.id;

describeEachDialect(
	'the search thesaurus',
	({ database }) => {
		it('loads the default file once, so a deleted concept stays deleted', async () => {
			const db = database().db;
			// A folder without the file loads nothing and leaves loading to a later start.
			const empty = await contentWith({ concepts: [] });
			await rm(join(empty, 'search'), { recursive: true });
			expect(await loadDefaultThesaurus(db, empty, NOW)).toBe(0);
			const content = await contentWith({ concepts: [doctor, course] });
			expect(await loadDefaultThesaurus(db, content, NOW)).toBe(2);
			expect((await listConcepts(db)).map((concept) => concept.key)).toEqual([
				'doctor',
				'german-course'
			]);
			await deleteConcept(db, actors.coordinator, await idOf(db, 'doctor'), NOW);
			expect(await loadDefaultThesaurus(db, content, NOW)).toBe(0);
			expect((await thesaurus(db)).map((concept) => concept.key)).toEqual(['german-course']);
		});

		it('brings a new default file to the concepts no coordinator touched, and only to those', async () => {
			const db = database().db;
			const women: SearchConcept = {
				...course,
				key: 'women',
				labels: { de: 'Frauen' },
				germanCourse: false,
				actionFields: ['women'],
				phrases: { de: ['Frauen'] }
			};
			const youth: SearchConcept = {
				...women,
				key: 'youth',
				labels: { de: 'Jugend' },
				actionFields: [],
				targetGroups: ['youth'],
				phrases: { de: ['Jugend'] }
			};
			await loadDefaultThesaurus(db, await contentWith({ concepts: [doctor, course, women] }), NOW);
			// A coordinator edits the doctor and deletes women; the German course stays as shipped.
			await updateConcept(
				db,
				actors.coordinator,
				await idOf(db, 'doctor'),
				{ ...doctor, phrases: { ...doctor.phrases, tr: ['doktor'] } },
				NOW
			);
			await deleteConcept(db, actors.coordinator, await idOf(db, 'women'), NOW);

			const next = await contentWith({
				concepts: [
					{ ...doctor, terms: ['Hausarzt'] },
					{ ...course, phrases: { de: ['Deutschkurs', 'Sprachkurs'] } },
					women,
					youth
				]
			});
			const before = await thesaurusVersion(db);
			expect(await loadDefaultThesaurus(db, next, NOW)).toBe(2);
			const byKey = new Map((await thesaurus(db)).map((concept) => [concept.key, concept]));
			expect([...byKey.keys()].sort()).toEqual(['doctor', 'german-course', 'youth']);
			expect(byKey.get('german-course')!.phrases.de).toEqual(['Deutschkurs', 'Sprachkurs']);
			expect(byKey.get('doctor')!.phrases.tr).toEqual(['doktor']);
			expect(byKey.get('doctor')!.terms).toEqual(['Arztpraxis']);
			expect(await thesaurusVersion(db)).not.toBe(before);
			// The same file again changes nothing; a file without the German course retires it.
			expect(await loadDefaultThesaurus(db, next, NOW)).toBe(0);
			const last = await contentWith({ concepts: [doctor, women, youth] });
			expect(await loadDefaultThesaurus(db, last, NOW)).toBe(1);
			expect((await thesaurus(db)).map((concept) => concept.key).sort()).toEqual([
				'doctor',
				'youth'
			]);
		});

		it('keeps a concept’s wider concept known and free of cycles, through renames and deletions', async () => {
			const db = database().db;
			const health: SearchConcept = { ...doctor, key: 'health', labels: { de: 'Gesundheit' } };
			const healthId = await createConcept(db, actors.coordinator, health, NOW);
			expect(
				await issuesOf(
					createConcept(db, actors.coordinator, { ...doctor, broader: 'unknown' }, NOW)
				)
			).toEqual([{ path: 'broader', code: 'broader_unknown', params: { key: 'unknown' } }]);
			const doctorId = await createConcept(
				db,
				actors.coordinator,
				{ ...doctor, broader: 'health' },
				NOW
			);
			// Health under doctor would lead back to health.
			expect(
				await issuesOf(
					updateConcept(db, actors.coordinator, healthId, { ...health, broader: 'doctor' }, NOW)
				)
			).toEqual([{ path: 'broader', code: 'broader_cycle', params: { key: 'doctor' } }]);
			// The narrower concept follows a new key, and loses a deleted one.
			await updateConcept(db, actors.coordinator, healthId, { ...health, key: 'healthcare' }, NOW);
			expect((await getConcept(db, actors.coordinator, doctorId)).broader).toBe('healthcare');
			await deleteConcept(db, actors.coordinator, healthId, NOW);
			expect((await getConcept(db, actors.coordinator, doctorId)).broader).toBeNull();
		});

		it('ships a valid default file', async () => {
			const db = database().db;
			const added = await loadDefaultThesaurus(db, CONTENT, NOW);
			expect(added).toBeGreaterThanOrEqual(3);
			const concepts = await thesaurus(db);
			expect(concepts).toHaveLength(added);
			expect(concepts.map((concept) => concept.key)).toContain('german-course');
		});

		it('names every problem of an invalid default file and loads none of it', async () => {
			const db = database().db;
			const bad = await contentWith({ concepts: [doctor, { ...course, key: 'Doctor!' }] });
			await expect(loadDefaultThesaurus(db, bad, NOW)).rejects.toThrow(
				/thesaurus\.json: .*concepts\.1\.key: key_format/
			);
			expect(await listConcepts(db)).toEqual([]);
		});

		it('bumps the version on every edit, and the cached thesaurus follows', async () => {
			const db = database().db;
			await loadDefaultThesaurus(db, await contentWith({ concepts: [doctor] }), NOW);
			const first = await thesaurusVersion(db);
			const cached = await thesaurus(db);
			expect(await thesaurus(db)).toBe(cached);

			const id = await idOf(db, 'doctor');
			await updateConcept(
				db,
				actors.coordinator,
				id,
				{ ...doctor, phrases: { ...doctor.phrases, tr: ['doktor'] } },
				NOW
			);
			const second = await thesaurusVersion(db);
			expect(second).not.toBe(first);
			expect((await thesaurus(db))[0]!.phrases.tr).toEqual(['doktor']);
			expect((await getConcept(db, actors.coordinator, id)).phrases).toEqual({
				de: ['Arzt', 'Ärztin'],
				fa: ['دکتر'],
				tr: ['doktor']
			});

			await createConcept(db, actors.administrator, course, NOW);
			expect(await thesaurusVersion(db)).not.toBe(second);
			expect((await thesaurus(db)).map((concept) => concept.key)).toEqual([
				'doctor',
				'german-course'
			]);
			await deleteConcept(db, actors.coordinator, id, NOW);
			expect((await thesaurus(db)).map((concept) => concept.key)).toEqual(['german-course']);
		});

		it('refuses a taken key, a concept without meaning and an unknown concept', async () => {
			const db = database().db;
			await createConcept(db, actors.coordinator, doctor, NOW);
			const id = await createConcept(db, actors.coordinator, course, NOW);
			expect(await issuesOf(createConcept(db, actors.coordinator, doctor, NOW))).toEqual([
				{ path: 'key', code: 'key_taken', params: { key: 'doctor' } }
			]);
			expect(
				await issuesOf(updateConcept(db, actors.coordinator, id, { ...course, key: 'doctor' }, NOW))
			).toEqual([{ path: 'key', code: 'key_taken', params: { key: 'doctor' } }]);
			const meaningless = { ...course, actionFields: [], germanCourse: false };
			expect(await issuesOf(updateConcept(db, actors.coordinator, id, meaningless, NOW))).toEqual([
				{ path: 'actionFields', code: 'no_meaning' }
			]);
			await expect(updateConcept(db, actors.coordinator, 999_999, course, NOW)).rejects.toThrow(
				ConceptNotFoundError
			);
			await expect(deleteConcept(db, actors.coordinator, 999_999, NOW)).rejects.toThrow(
				ConceptNotFoundError
			);
			// Renaming to a free key is fine; nothing else changed.
			await updateConcept(db, actors.coordinator, id, { ...course, key: 'german-courses' }, NOW);
			expect((await thesaurus(db)).map((concept) => concept.key)).toEqual([
				'doctor',
				'german-courses'
			]);
		});

		it('lets coordinators and administrators edit, never viewers or partners', async () => {
			const db = database().db;
			const id = await createConcept(db, actors.coordinator, doctor, NOW);
			for (const actor of [actors.viewer, actors.partner]) {
				await expect(createConcept(db, actor, course, NOW)).rejects.toThrow(ForbiddenError);
				await expect(updateConcept(db, actor, id, doctor, NOW)).rejects.toThrow(ForbiddenError);
				await expect(deleteConcept(db, actor, id, NOW)).rejects.toThrow(ForbiddenError);
				await expect(getConcept(db, actor, id)).rejects.toThrow(ForbiddenError);
			}
			await deleteConcept(db, actors.administrator, id, NOW);
			expect(await listConcepts(db)).toEqual([]);
		});

		it('audits every change with the concept before and after', async () => {
			const db = database().db;
			const id = await createConcept(db, actors.coordinator, doctor, NOW);
			const changed = { ...doctor, terms: ['Arztpraxis', 'Hausarzt'] };
			await updateConcept(db, actors.coordinator, id, changed, NOW);
			await deleteConcept(db, actors.administrator, id, NOW);
			const rows = await db
				.selectFrom('auditLog')
				.select(['action', 'entity', 'entityId', 'userId', 'before', 'after'])
				.where('entity', '=', 'search_concept')
				.orderBy('id')
				.execute();
			const parse = (text: string | null) => (text === null ? null : JSON.parse(text));
			expect(
				rows.map((row) => ({ ...row, before: parse(row.before), after: parse(row.after) }))
			).toEqual([
				{
					action: 'search_concept.create',
					entity: 'search_concept',
					entityId: id,
					userId: actors.coordinator.id,
					before: null,
					after: doctor
				},
				{
					action: 'search_concept.update',
					entity: 'search_concept',
					entityId: id,
					userId: actors.coordinator.id,
					before: doctor,
					after: changed
				},
				{
					action: 'search_concept.delete',
					entity: 'search_concept',
					entityId: id,
					userId: actors.administrator.id,
					before: changed,
					after: null
				}
			]);
		});

		it('exports the thesaurus in the default file format, ordered by key', async () => {
			const db = database().db;
			await createConcept(db, actors.coordinator, course, NOW);
			await createConcept(
				db,
				actors.coordinator,
				{ ...doctor, labels: { en: 'Doctor', de: 'Arzt' } },
				NOW
			);
			const file = await exportThesaurus(db);
			expect(file).toEqual({ concepts: [doctor, course] });
			expect(Object.keys(file.concepts[0]!.labels)).toEqual(['de', 'en']);
			expect(parseThesaurusFile(JSON.parse(JSON.stringify(file)))).toEqual(file);
		});
	},
	seed,
	{ isolation: 'test' }
);
