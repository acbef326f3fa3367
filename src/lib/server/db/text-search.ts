import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DB, Db } from './schema.js';

/**
 * An offer's search entry: per field, the tokens that text analysis (stems, compound parts; see
 * `shared/text/analysis`) made of it, separated by spaces. The engines only store and look up
 * these tokens, never analyse text themselves, so SQLite and PostgreSQL match alike.
 */
export interface SearchDocument {
	title: string;
	summary: string;
	body: string;
}

/** Full-text search, one implementation per dialect; callers never see FTS5 or tsvector. */
export interface TextSearch {
	index(db: Db, offerId: number, document: SearchDocument): Promise<void>;
	/** Entries of offers that have none yet, in one statement (bulk loads: one round trip). */
	insertMany(db: Db, entries: { offerId: number; document: SearchDocument }[]): Promise<void>;
	remove(db: Db, offerId: number): Promise<void>;
	/**
	 * Ids of the offers containing the token in any field or language. May take turns of the event
	 * loop (a common word is in nearly every offer). `common`: the token is in thousands of offers
	 * (the frequent sets), which PostgreSQL then reads in a transaction of its own (see there).
	 */
	matchingIds(db: Kysely<DB>, token: string, options?: { common?: boolean }): Promise<number[]>;
	/** Every indexed token with the number of offers containing it. */
	documentFrequencies(db: Db): Promise<{ term: string; documents: number }[]>;
}

const COMMA = 44;
const ZERO = 48;

// Thousands of matches travel as one comma-separated string: far cheaper than a row object each.
// Read digit by digit: splitting made a string per id first, and 100,000 ids held the event loop
// twice as long (23-42 ms against 14 ms).
function parseIds(list: string | null | undefined): number[] {
	const ids: number[] = [];
	if (!list) return ids;
	let id = 0;
	for (let at = 0; at < list.length; at++) {
		const code = list.charCodeAt(at);
		if (code === COMMA) {
			ids.push(id);
			id = 0;
		} else id = id * 10 + code - ZERO;
	}
	ids.push(id);
	return ids;
}

/** Terms per read of SQLite's vocabulary: about 30 ms at 100,000 offers. */
const VOCABULARY_PAGE = 200;
/** Offer ids per read of SQLite's full-text index: 5–17 ms at 100,000 offers. */
const MATCH_PAGE = 20_000;

/** SQLite's full-text search; `matchPage` is smaller only in tests of the paging. */
export const sqliteTextSearch = (matchPage = MATCH_PAGE): TextSearch => ({
	async index(db, offerId, document) {
		await this.remove(db, offerId);
		await sql`insert into offer_search (rowid, title, summary, body)
			values (${offerId}, ${document.title}, ${document.summary}, ${document.body})`.execute(db);
	},
	async insertMany(db, entries) {
		if (entries.length === 0) return;
		const rows = entries.map(
			({ offerId, document }) =>
				sql`(${offerId}, ${document.title}, ${document.summary}, ${document.body})`
		);
		await sql`insert into offer_search (rowid, title, summary, body)
			values ${sql.join(rows)}`.execute(db);
	},
	async remove(db, offerId) {
		await sql`delete from offer_search where rowid = ${offerId}`.execute(db);
	},
	async matchingIds(db, token) {
		// In pages after the last id read, each after a turn of the event loop: the driver is
		// synchronous, so listing a word's 100,000 offers at once, or the words of the frequent
		// sets one after another, would hold every request meanwhile.
		const ids: number[] = [];
		let page = { ids: null as string | null, count: matchPage, last: 0 };
		while (page.count === matchPage) {
			await nextTurn();
			const { rows } = await sql<typeof page>`
				select group_concat(rowid) as ids, count(*) as count, max(rowid) as last
				from (select rowid from offer_search where offer_search match ${`"${token}"`}
					and rowid > ${page.last} order by rowid limit ${matchPage})`.execute(db.withoutPlugins());
			page = rows[0]!;
			ids.push(...parseIds(page.ids));
		}
		return ids;
	},
	async documentFrequencies(db) {
		// fts5vocab reads the index's own term statistics; a temp table needs no migration.
		await sql`create virtual table if not exists temp.offer_search_vocab
			using fts5vocab(main, offer_search, row)`.execute(db);
		// In pages with a turn of the event loop between: the driver is synchronous, and counting
		// the documents of every term at 100,000 offers takes a second.
		const terms: { term: string; documents: number }[] = [];
		for (;;) {
			const { rows } = await sql<{ term: string; documents: number }>`select term, doc as documents
				from temp.offer_search_vocab where term > ${terms.at(-1)?.term ?? ''} order by term
				limit ${VOCABULARY_PAGE}`.execute(db.withoutPlugins());
			terms.push(...rows);
			if (rows.length < VOCABULARY_PAGE) return terms;
			await nextTurn();
		}
	}
});

const sqliteSearch = sqliteTextSearch();

/** The weighted tsvector of an entry: title above summary above the rest. */
const weightedVector = (document: SearchDocument) =>
	sql`setweight(to_tsvector('simple', ${document.title}), 'A') ||
		setweight(to_tsvector('simple', ${document.summary}), 'B') ||
		setweight(to_tsvector('simple', ${document.body}), 'D')`;

const postgresSearch: TextSearch = {
	async index(db, offerId, document) {
		await sql`insert into offer_search (offer_id, document)
			values (${offerId}, ${weightedVector(document)})
			on conflict (offer_id) do update set document = excluded.document`.execute(db);
	},
	async insertMany(db, entries) {
		if (entries.length === 0) return;
		const rows = entries.map(
			({ offerId, document }) => sql`(${offerId}, ${weightedVector(document)})`
		);
		await sql`insert into offer_search (offer_id, document) values ${sql.join(rows)}`.execute(db);
	},
	async remove(db, offerId) {
		await sql`delete from offer_search where offer_id = ${offerId}`.execute(db);
	},
	async matchingIds(db, token, { common = false } = {}) {
		const read = async (executor: Kysely<DB>) => {
			const { rows } = await sql<{ ids: string | null }>`select
				string_agg(offer_id::text, ',') as ids from offer_search
				where document @@ to_tsquery('simple', ${token})`.execute(executor.withoutPlugins());
			return parseIds(rows[0]?.ids);
		};
		// A rarer word, looked up while a visitor waits: the planner takes the index by itself, and
		// one statement is one round trip.
		if (!common) return read(db);
		// The planner prices a sequential scan without the cost of reading each tsvector out of
		// TOAST, so on an analysed database it takes one for a common word: 0.9–2.2 s at 100,000
		// offers, against 0.1–0.5 s for the GIN index's bitmap, which never reads a tsvector.
		return db.transaction().execute(async (trx) => {
			await sql`set local enable_seqscan = off`.execute(trx);
			return read(trx);
		});
	},
	async documentFrequencies(db) {
		const { rows } = await sql<{ term: string; documents: number }>`select word as term,
			ndoc as documents from ts_stat('select document from offer_search')`.execute(db.withoutPlugins());
		return rows;
	}
};

export function textSearchFor(db: Db): TextSearch {
	return db.getExecutor().adapter instanceof PostgresAdapter ? postgresSearch : sqliteSearch;
}
