import type { Translate } from '../../i18n/messages.js';
import { COLUMNS, type ColumnKey } from './columns.js';
import { writeCsv } from '../../shared/files/csv.js';
import { MAX_FILE_BYTES, MAX_ROWS } from './limits.js';
import { formatBytes } from '../../shared/files/limits.js';
import { allowedLabels, type Vocabulary } from './vocabulary.js';
import { writeXlsx } from '../../shared/files/xlsx.js';

/** The sheet the template, exports and the importer use; others (the notes) are ignored. */
export const OFFERS_SHEET = 'Angebote';
export const NOTES_SHEET = 'Hinweise';

const VOCABULARY_OF: Partial<Record<ColumnKey, Vocabulary>> = {
	actionFields: 'actionFields',
	targetGroups: 'targetGroups',
	languages: 'languages',
	languageLevel: 'languageLevel',
	languageLevelExit: 'languageLevelExit',
	cost: 'cost',
	access: 'access',
	accessibility: 'accessibility'
};

/** The header row and one example row, as both template files carry them. */
export function templateRows(): string[][] {
	return [COLUMNS.map((column) => column.header), COLUMNS.map((column) => column.example)];
}

/** One line per column: name, required, what it holds, its allowed values and an example. */
export function templateNotes(t: Translate): string[][] {
	return [
		[
			t('office.import.notes.column'),
			t('office.import.notes.required'),
			t('office.import.notes.description'),
			t('office.import.notes.allowed'),
			t('office.import.notes.example')
		],
		...COLUMNS.map((column) => {
			const vocabulary = VOCABULARY_OF[column.key];
			return [
				column.header,
				column.required ? t('office.import.notes.yes') : t('office.import.notes.no'),
				t(`office.import.column.${column.key}`),
				vocabulary ? allowedLabels(vocabulary) : '',
				column.example
			];
		}),
		[],
		[t('office.import.notes.limits', { size: formatBytes(MAX_FILE_BYTES), rows: MAX_ROWS })],
		[t('office.import.notes.rows')]
	];
}

export function templateCsv(): string {
	return writeCsv(templateRows());
}

export function templateXlsx(t: Translate): Promise<Uint8Array<ArrayBuffer>> {
	return writeXlsx([
		{ name: OFFERS_SHEET, rows: templateRows(), widths: COLUMNS.map(widthOf) },
		{ name: NOTES_SHEET, rows: templateNotes(t), widths: [20, 8, 70, 50, 30] }
	]);
}

/** A column width in characters that shows the header and most of the example. */
export function widthOf(column: { header: string; example: string }): number {
	return Math.min(40, Math.max(12, column.header.length + 2, column.example.length));
}
