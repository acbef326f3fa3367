import { PostgresAdapter, sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { fold, words } from '../text/fold.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface SearchDocument {
	title: string;
	summary: string;
	body: string;
}

/** Full-text search, one implementation per dialect; callers never see FTS5 or tsvector. */
export interface TextSearch {
	index(db: Db, offerId: number, document: SearchDocument): Promise<void>;
	/** A derived table `(offer_id, score)` of the offers matching every word (prefix), higher score first. */
	matches(terms: string[]): RawBuilder<{ offerId: number; score: number }>;
}

const MAX_TERMS = 12;

/** The words of a query as search terms; empty when the query has no searchable word. */
export function searchTerms(query: string): string[] {
	return [...new Set(words(query))].slice(0, MAX_TERMS);
}

const sqliteSearch: TextSearch = {
	async index(db, offerId, document) {
		await sql`delete from offer_search where rowid = ${offerId}`.execute(db);
		await sql`insert into offer_search (rowid, title, summary, body)
			values (${offerId}, ${fold(document.title)}, ${fold(document.summary)}, ${fold(document.body)})`.execute(
			db
		);
	},
	matches(terms) {
		const query = terms.map((term) => `"${term}"*`).join(' ');
		// bm25 is lower-is-better and negative; column weights favour the title.
		return sql<{ offerId: number; score: number }>`(select rowid as offer_id,
			-bm25(offer_search, 10.0, 4.0, 1.0) as score from offer_search where offer_search match ${query})`;
	}
};

const postgresSearch: TextSearch = {
	async index(db, offerId, document) {
		await sql`insert into offer_search (offer_id, document) values (${offerId},
			setweight(to_tsvector('simple', ${fold(document.title)}), 'A') ||
			setweight(to_tsvector('simple', ${fold(document.summary)}), 'B') ||
			setweight(to_tsvector('simple', ${fold(document.body)}), 'D'))
			on conflict (offer_id) do update set document = excluded.document`.execute(db);
	},
	matches(terms) {
		const query = terms.map((term) => `${term}:*`).join(' & ');
		return sql<{ offerId: number; score: number }>`(select offer_id,
			ts_rank('{0.1, 0.2, 0.4, 1.0}', document, to_tsquery('simple', ${query})) as score
			from offer_search where document @@ to_tsquery('simple', ${query}))`;
	}
};

export function textSearchFor(db: Db): TextSearch {
	return db.getExecutor().adapter instanceof PostgresAdapter ? postgresSearch : sqliteSearch;
}
