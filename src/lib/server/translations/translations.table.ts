export interface TranslationsTable {
	entity: string;
	entityId: number;
	locale: string;
	field: string;
	value: string;
	/** machine | reviewed; "outdated" is derived from sourceHash, "missing" from absence. */
	status: string;
	/** Hash of the German source text the translation was made from. */
	sourceHash: string;
	updatedAt: string;
}
