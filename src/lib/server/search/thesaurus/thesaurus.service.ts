import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { recordAudit, type AuditAction } from '../../accounts/audit.service.js';
import type { Actor } from '../../accounts/authorization.js';
import { getSetting, setSetting } from '../../db/settings.repository.js';
import type { Db } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import type { SearchConcept } from './concept.js';
import { authorizeThesaurus, type ThesaurusEditor } from './thesaurus-access.js';
import { ConceptNotFoundError, ThesaurusValidationError } from './thesaurus.errors.js';
import {
	deleteConceptRow,
	findConceptIdByKey,
	findConceptRow,
	findConceptRows,
	findThesaurusVersion,
	insertConceptRow,
	insertConceptRowIfNew,
	markThesaurusChanged,
	replaceBroaderKey,
	updateConceptRow,
	type ConceptRow,
	type ConceptValues
} from './thesaurus.repository.js';
import {
	broaderProblem,
	PHRASE_SCRIPTS,
	parseConcept,
	parseThesaurusFile,
	THESAURUS_DEFAULTS_SETTING,
	type ThesaurusFile
} from './thesaurus.schema.js';

/** A concept as the back office lists and edits it. */
export type StoredConcept = SearchConcept & { id: number; updatedAt: string };

const conceptOf = (row: ConceptRow): SearchConcept => ({
	key: row.key,
	labels: JSON.parse(row.labels) as SearchConcept['labels'],
	phrases: JSON.parse(row.phrases) as SearchConcept['phrases'],
	actionFields: JSON.parse(row.actionFields) as string[],
	targetGroups: JSON.parse(row.targetGroups) as string[],
	germanCourse: row.germanCourse === 1,
	terms: JSON.parse(row.terms) as string[],
	broader: row.broader
});

const storedOf = (row: ConceptRow): StoredConcept => ({
	id: row.id,
	updatedAt: row.updatedAt,
	...conceptOf(row)
});

/** Labels and phrases in the order of the languages, so equal concepts store equal JSON. */
function ordered<V>(record: Partial<Record<string, V>>): Partial<Record<string, V>> {
	return Object.fromEntries(
		PHRASE_SCRIPTS.filter((code) => record[code] !== undefined).map((code) => [code, record[code]])
	);
}

/** The concept in the file's order of properties, labels and phrases. */
const canonical = (concept: SearchConcept): SearchConcept => ({
	key: concept.key,
	labels: ordered(concept.labels),
	phrases: ordered(concept.phrases),
	actionFields: concept.actionFields,
	targetGroups: concept.targetGroups,
	germanCourse: concept.germanCourse,
	terms: concept.terms,
	broader: concept.broader
});

function valuesOf(concept: SearchConcept, updatedBy: number | null, now: Date): ConceptValues {
	const { key, labels, phrases, actionFields, targetGroups, germanCourse, terms, broader } =
		canonical(concept);
	return {
		key,
		labels: JSON.stringify(labels),
		phrases: JSON.stringify(phrases),
		actionFields: JSON.stringify(actionFields),
		targetGroups: JSON.stringify(targetGroups),
		germanCourse: germanCourse ? 1 : 0,
		terms: JSON.stringify(terms),
		broader,
		updatedAt: now.toISOString(),
		updatedBy
	};
}

const byGermanLabel = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** Every concept, ordered by its German label (then key), for the back office. */
export async function listConcepts(db: Db): Promise<StoredConcept[]> {
	const concepts = (await findConceptRows(db)).map(storedOf);
	return concepts.sort(
		(a, b) =>
			byGermanLabel.compare(a.labels.de ?? a.key, b.labels.de ?? b.key) ||
			a.key.localeCompare(b.key)
	);
}

/** One concept for its edit page; staff only. */
export async function getConcept(db: Db, actor: Actor, id: number): Promise<StoredConcept> {
	authorizeThesaurus(actor, 'read');
	const row = await findConceptRow(db, id);
	if (!row) throw new ConceptNotFoundError(id);
	return storedOf(row);
}

/** Changes whenever a concept changes: the search keys what it derives from the thesaurus on it. */
export function thesaurusVersion(db: Db): Promise<string> {
	return findThesaurusVersion(db);
}

const cache = new WeakMap<Db, { version: string; concepts: Promise<SearchConcept[]> }>();

/**
 * Every concept, ordered by key, read once per database and version: a change in any process
 * (which bumps the version) is seen on the next call; a caller that has just read the version
 * passes it. The array is shared; do not change it.
 */
export async function thesaurus(db: Db, knownVersion?: string): Promise<SearchConcept[]> {
	const version = knownVersion ?? (await findThesaurusVersion(db));
	const cached = cache.get(db);
	if (cached?.version === version) return cached.concepts;
	const concepts = findConceptRows(db).then((rows) =>
		rows.map(conceptOf).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
	);
	cache.set(db, { version, concepts });
	concepts.catch(() => {
		if (cache.get(db)?.concepts === concepts) cache.delete(db);
	});
	return concepts;
}

async function audit(
	db: Db,
	actor: ThesaurusEditor,
	action: AuditAction & `search_concept.${string}`,
	change: { entityId: number; before?: SearchConcept; after?: SearchConcept },
	now: Date
): Promise<void> {
	await recordAudit(
		db,
		{ districtId: actor.districtId, userId: actor.id, action, entity: 'search_concept', ...change },
		now
	);
}

async function refuseTakenKey(db: Db, key: string, ownId: number | null): Promise<void> {
	const holder = await findConceptIdByKey(db, key);
	if (holder !== undefined && holder !== ownId)
		throw new ThesaurusValidationError([{ path: 'key', code: 'key_taken', params: { key } }]);
}

/** The wider concept must exist and must not lead back to the concept (saved as `ownId`). */
async function refuseBadBroader(
	db: Db,
	concept: SearchConcept,
	ownId: number | null
): Promise<void> {
	if (concept.broader === null) return;
	const others = (await findConceptRows(db)).filter((row) => row.id !== ownId);
	const problem = broaderProblem([...others, concept], concept);
	if (problem)
		throw new ThesaurusValidationError([
			{ path: 'broader', code: problem, params: { key: concept.broader } }
		]);
}

/** Adds a concept; its key must be new. Returns its id. */
export async function createConcept(
	db: Db,
	actor: ThesaurusEditor,
	input: SearchConcept,
	now = new Date()
): Promise<number> {
	authorizeThesaurus(actor);
	const concept = parseConcept(input);
	return inTransaction(db, async (trx) => {
		await refuseTakenKey(trx, concept.key, null);
		await refuseBadBroader(trx, concept, null);
		const id = await insertConceptRow(trx, valuesOf(concept, actor.id, now));
		await audit(trx, actor, 'search_concept.create', { entityId: id, after: concept }, now);
		await markThesaurusChanged(trx);
		return id;
	});
}

/** Replaces a concept's content, its key included (a new key must be free). */
export async function updateConcept(
	db: Db,
	actor: ThesaurusEditor,
	id: number,
	input: SearchConcept,
	now = new Date()
): Promise<void> {
	authorizeThesaurus(actor);
	const concept = parseConcept(input);
	await inTransaction(db, async (trx) => {
		const row = await findConceptRow(trx, id);
		if (!row) throw new ConceptNotFoundError(id);
		await refuseTakenKey(trx, concept.key, id);
		await refuseBadBroader(trx, concept, id);
		await updateConceptRow(trx, id, valuesOf(concept, actor.id, now));
		// Narrower concepts follow a new key.
		if (row.key !== concept.key) await replaceBroaderKey(trx, row.key, concept.key);
		const change = { entityId: id, before: conceptOf(row), after: concept };
		await audit(trx, actor, 'search_concept.update', change, now);
		await markThesaurusChanged(trx);
	});
}

/** Removes a concept for good: loading the defaults again never brings it back. */
export async function deleteConcept(
	db: Db,
	actor: ThesaurusEditor,
	id: number,
	now = new Date()
): Promise<void> {
	authorizeThesaurus(actor);
	await inTransaction(db, async (trx) => {
		const row = await findConceptRow(trx, id);
		if (!row) throw new ConceptNotFoundError(id);
		await deleteConceptRow(trx, id);
		await replaceBroaderKey(trx, row.key, null);
		await audit(trx, actor, 'search_concept.delete', { entityId: id, before: conceptOf(row) }, now);
		await markThesaurusChanged(trx);
	});
}

/** What the last applied default file held; `keys` is null where an older version recorded a date. */
function appliedDefaults(
	setting: string | undefined
): { fingerprint: string; keys: string[] | null } | null {
	if (!setting) return null;
	try {
		const applied = JSON.parse(setting) as { fingerprint: string; keys: string[] };
		return { fingerprint: applied.fingerprint, keys: applied.keys };
	} catch {
		return { fingerprint: '', keys: null };
	}
}

/**
 * Applies `<contentDir>/search/thesaurus.json`, the thesaurus KITZ ships, whenever it differs from
 * the one applied last: concepts new to the file are added, and concepts no coordinator edited
 * follow the file (changed, or removed when the file drops them). Concepts a coordinator edited
 * keep the edit, and concepts a coordinator deleted stay deleted. A missing file changes nothing;
 * an invalid one fails the start with every problem named. Returns how many concepts changed.
 */
export async function loadDefaultThesaurus(
	db: Db,
	contentDir: string,
	now = new Date()
): Promise<number> {
	const path = join(contentDir, 'search', 'thesaurus.json');
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (failure) {
		if ((failure as NodeJS.ErrnoException).code === 'ENOENT') return 0;
		throw failure;
	}
	const fingerprint = createHash('sha256').update(text).digest('hex');
	if (
		appliedDefaults(await getSetting(db, THESAURUS_DEFAULTS_SETTING))?.fingerprint === fingerprint
	)
		return 0;
	let file: ThesaurusFile;
	try {
		file = parseThesaurusFile(JSON.parse(text));
	} catch (failure) {
		throw new Error(`${path}: ${(failure as Error).message}`, { cause: failure });
	}
	return inTransaction(db, async (trx) => {
		const applied = appliedDefaults(await getSetting(trx, THESAURUS_DEFAULTS_SETTING));
		if (applied?.fingerprint === fingerprint) return 0;
		const rows = new Map((await findConceptRows(trx)).map((row) => [row.key, row]));
		// Before fingerprints, a date recorded the first load: the keys then stored were its keys.
		const shipped = new Set(applied ? (applied.keys ?? rows.keys()) : []);
		let changed = 0;
		for (const concept of file.concepts) {
			const values = valuesOf(concept, null, now);
			const row = rows.get(concept.key);
			if (!row) {
				if (!shipped.has(concept.key) && (await insertConceptRowIfNew(trx, values))) changed++;
			} else if (row.updatedBy === null && !sameConcept(conceptOf(row), concept)) {
				await updateConceptRow(trx, row.id, values);
				changed++;
			}
		}
		const inFile = new Set(file.concepts.map((concept) => concept.key));
		for (const row of rows.values()) {
			if (row.updatedBy === null && shipped.has(row.key) && !inFile.has(row.key)) {
				await deleteConceptRow(trx, row.id);
				changed++;
			}
		}
		await setSetting(
			trx,
			THESAURUS_DEFAULTS_SETTING,
			JSON.stringify({ fingerprint, keys: [...inFile] })
		);
		if (changed) await markThesaurusChanged(trx);
		return changed;
	});
}

const sameConcept = (a: SearchConcept, b: SearchConcept) =>
	JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** The whole thesaurus in the default file's format, ordered by key: the JSON download. */
export async function exportThesaurus(db: Db): Promise<ThesaurusFile> {
	return { concepts: (await thesaurus(db)).map(canonical) };
}
