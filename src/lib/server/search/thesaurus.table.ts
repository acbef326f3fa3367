import type { Generated } from 'kysely';

/**
 * The search thesaurus (migration 0018), one row per concept. It sits beside the search context's
 * code rather than in `thesaurus/` because db/schema.ts may import only a context's top-level
 * `*.table.ts`. JSON columns hold what `thesaurus/concept.ts` describes; `germanCourse` is 0 or 1.
 */
export interface SearchConceptsTable {
	id: Generated<number>;
	key: string;
	/** `{ "de": "Deutschkurs", "tr": "Almanca kursu", … }` */
	labels: string;
	/** `{ "de": ["Deutschkurs", …], "latin": […] }` */
	phrases: string;
	/** JSON arrays of codes and of German words. */
	actionFields: string;
	targetGroups: string;
	germanCourse: Generated<number>;
	terms: string;
	/** Key of the wider concept (migration 0020), null for none. */
	broader: string | null;
	updatedAt: string;
	/** Null for a concept loaded from the default file. */
	updatedBy: number | null;
}
