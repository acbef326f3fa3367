// Temporary stand-in until the thesaurus storage lands (branch `thesaurus`).
import { readFileSync } from 'node:fs';
import type { Db } from '../../db/schema.js';
import type { SearchConcept } from './concept.js';

let concepts: SearchConcept[] | undefined;

export async function thesaurus(db: Db): Promise<SearchConcept[]> {
	void db;
	concepts ??= (
		JSON.parse(readFileSync('content/search/thesaurus.json', 'utf8')) as {
			concepts: SearchConcept[];
		}
	).concepts;
	return concepts;
}

export async function thesaurusVersion(db: Db): Promise<string> {
	void db;
	return 'file';
}
