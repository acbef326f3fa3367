import { fold } from '../../shared/text/fold.js';

/**
 * The one column definition behind the import template, the importer and the CSV/XLSX export:
 * one row per offer, columns named in German as partners see them in their spreadsheet.
 */
export const COLUMNS = [
	{ key: 'title', header: 'Titel', required: true, example: 'Deutschkurs am Abend (A1)' },
	{
		key: 'summary',
		header: 'Kurzbeschreibung',
		required: true,
		example: 'Deutsch lernen in kleiner Gruppe, zweimal pro Woche.'
	},
	{
		key: 'description',
		header: 'Beschreibung',
		required: false,
		example: 'Für Erwachsene ohne Vorkenntnisse. Mit **Kinderbetreuung** während des Kurses.'
	},
	{ key: 'organisation', header: 'Träger', required: false, example: '' },
	{ key: 'actionFields', header: 'Handlungsfelder', required: true, example: 'Sprache, Frauen' },
	{ key: 'targetGroups', header: 'Zielgruppen', required: false, example: 'Neu Zugewanderte' },
	{ key: 'languages', header: 'Sprachen', required: true, example: 'Deutsch, Arabisch' },
	{ key: 'languageLevel', header: 'Sprachniveau', required: true, example: 'keine' },
	{ key: 'languageLevelExit', header: 'Sprachniveau am Ende', required: false, example: 'A1' },
	{ key: 'cost', header: 'Kosten', required: false, example: 'ermäßigt möglich' },
	{ key: 'amount', header: 'Betrag', required: false, example: '25,00' },
	{
		key: 'costNote',
		header: 'Kostenhinweis',
		required: false,
		example: 'pro Kurs, mit Bildungsgutschein kostenlos'
	},
	{ key: 'access', header: 'Zugang', required: true, example: 'mit Anmeldung' },
	{
		key: 'accessibility',
		header: 'Barrierefreiheit',
		required: false,
		example: 'Rollstuhlgerecht, Kinderbetreuung'
	},
	{ key: 'street', header: 'Straße', required: false, example: 'Schulstraße 4' },
	{ key: 'place', header: 'Ort', required: false, example: '24376' },
	{ key: 'onlineUrl', header: 'Online-Link', required: false, example: '' },
	{
		key: 'dates',
		header: 'Termine',
		required: false,
		example: '02.06.2026 18:00-19:30'
	},
	{ key: 'rrule', header: 'Wiederholung', required: false, example: 'FREQ=WEEKLY;BYDAY=TU,TH' },
	{ key: 'validFrom', header: 'Gültig ab', required: false, example: '01.06.2026' },
	{ key: 'validTo', header: 'Gültig bis', required: false, example: '31.12.2026' },
	{ key: 'contactName', header: 'Kontakt Name', required: false, example: 'Frau Petersen' },
	{ key: 'contactPhone', header: 'Kontakt Telefon', required: false, example: '04642 1234' },
	{
		key: 'contactEmail',
		header: 'Kontakt E-Mail',
		required: false,
		example: 'deutschkurs@example.org'
	}
] as const satisfies readonly { key: string; header: string; required: boolean; example: string }[];

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type RowCells = Record<ColumnKey, string>;

export const COLUMN_KEYS: readonly ColumnKey[] = COLUMNS.map((column) => column.key);

export function headerOf(key: ColumnKey): string {
	return COLUMNS.find((column) => column.key === key)!.header;
}

/** Spellings people type for a header besides the template's own (case, ß/ss and dashes are ignored anyway). */
const ALIASES: Partial<Record<ColumnKey, string[]>> = {
	organisation: ['Organisation', 'Anbieter'],
	validFrom: ['Gueltig ab'],
	validTo: ['Gueltig bis'],
	contactEmail: ['Kontakt Mail'],
	onlineUrl: ['Link', 'Online']
};

const headerKey = (text: string) => fold(text).replace(/[^a-z0-9]/g, '');

const BY_HEADER = new Map<string, ColumnKey>(
	COLUMNS.flatMap((column) =>
		[column.header, ...(ALIASES[column.key] ?? [])].map(
			(name) => [headerKey(name), column.key] as const
		)
	)
);

export interface HeaderMapping {
	/** For each column key, the position of its cell in a row; absent when the file lacks it. */
	positions: Partial<Record<ColumnKey, number>>;
	missing: string[];
	unknown: string[];
	duplicate: string[];
}

/** Matches a file's header row to the template columns; empty header cells are ignored. */
export function mapHeader(header: readonly string[]): HeaderMapping {
	const positions: Partial<Record<ColumnKey, number>> = {};
	const unknown: string[] = [];
	const duplicate: string[] = [];
	header.forEach((name, position) => {
		if (!name.trim()) return;
		const key = BY_HEADER.get(headerKey(name));
		if (!key) unknown.push(name.trim());
		else if (positions[key] !== undefined) duplicate.push(name.trim());
		else positions[key] = position;
	});
	const missing: string[] = COLUMNS.filter(
		(column) => column.required && positions[column.key] === undefined
	).map((column) => column.header);
	// Where an offer takes place needs either the address columns or the online link.
	const hasAddress = positions.place !== undefined;
	if (!hasAddress && positions.onlineUrl === undefined)
		missing.push(`${headerOf('place')} / ${headerOf('onlineUrl')}`);
	return { positions, missing, unknown, duplicate };
}

/** The cells of a data row by column key; absent columns and missing cells are empty. */
export function cellsOf(row: readonly string[], mapping: HeaderMapping): RowCells {
	return Object.fromEntries(
		COLUMNS.map((column) => {
			const position = mapping.positions[column.key];
			return [column.key, position === undefined ? '' : (row[position] ?? '').trim()];
		})
	) as RowCells;
}
