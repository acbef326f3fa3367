import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { fold, words } from '../text/fold.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface SearchDocument {
	title: string;
	summary: string;
	body: string;
}

/** An offer containing every search term, and whether all of them are in its title or summary. */
export interface TextMatch {
	id: number;
	inTitle: boolean;
	inSummary: boolean;
}

/** Full-text search, one implementation per dialect; callers never see FTS5 or tsvector. */
export interface TextSearch {
	index(db: Db, offerId: number, document: SearchDocument): Promise<void>;
	/** The offers containing every term as a word prefix, in one query. */
	matches(db: Db, terms: string[]): Promise<TextMatch[]>;
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
	async matches(db, terms) {
		const all = terms.map((term) => `"${term}"*`).join(' AND ');
		// SQLite evaluates each IN (subquery) once, as a set.
		const { rows } = await sql<{
			id: number;
			inTitle: number;
			inSummary: number;
		}>`select rowid as id,
			rowid in (select rowid from offer_search where offer_search match ${`title : (${all})`}) as "inTitle",
			rowid in (select rowid from offer_search where offer_search match ${`summary : (${all})`}) as "inSummary"
			from offer_search where offer_search match ${all}`.execute(db.withoutPlugins());
		return rows.map((row) => ({
			id: row.id,
			inTitle: row.inTitle === 1,
			inSummary: row.inSummary === 1
		}));
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
	async matches(db, terms) {
		// Weights label the fields: A the title, B the summary, D the rest.
		const query = (label: string) => terms.map((term) => `${term}:*${label}`).join(' & ');
		const { rows } = await sql<TextMatch>`select offer_id as id,
			document @@ to_tsquery('simple', ${query('A')}) as "inTitle",
			document @@ to_tsquery('simple', ${query('B')}) as "inSummary"
			from offer_search where document @@ to_tsquery('simple', ${query('')})`.execute(
			db.withoutPlugins()
		);
		return rows;
	}
};

export function textSearchFor(db: Db): TextSearch {
	return db.getExecutor().adapter instanceof PostgresAdapter ? postgresSearch : sqliteSearch;
}
