import { describe, expect, it } from 'vitest';
import { UnreadableTableError } from './unreadable-table.js';
import { formatOf, readTableRecords, writeTableFile } from './table-file.js';
import { writeXlsx } from './xlsx.js';

const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]);
const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0]);
const TEXT = new TextEncoder().encode('a;b\r\n1;2\r\n');

function refusal(name: string, bytes: Uint8Array): string | undefined {
	try {
		formatOf({ name, bytes });
	} catch (error) {
		if (error instanceof UnreadableTableError) return error.problem;
		throw error;
	}
}

describe('table files', () => {
	it('tell CSV from XLSX by content and refuse what the name contradicts', () => {
		expect(formatOf({ name: 'angebote.xlsx', bytes: ZIP })).toBe('xlsx');
		expect(formatOf({ name: 'angebote.csv', bytes: ZIP })).toBe('xlsx');
		expect(formatOf({ name: 'angebote.csv', bytes: TEXT })).toBe('csv');
		expect(formatOf({ name: 'angebote.txt', bytes: TEXT })).toBe('csv');
		expect(refusal('angebote.xls', TEXT)).toBe('oldExcel');
		expect(refusal('angebote.csv', OLE)).toBe('oldExcel');
		expect(refusal('angebote.pdf', ZIP)).toBe('wrongFormat');
		expect(refusal('angebote.xlsx', TEXT)).toBe('xlsxUnreadable');
		expect(refusal('angebote.pdf', TEXT)).toBe('wrongFormat');
	});

	it('write a table as CSV or XLSX that reads back cell for cell', async () => {
		const rows = [
			['Name', 'Betrag'],
			['Müller; Söhne', '=1+1'],
			['', '12,50']
		];
		const table = { fileName: 'liste', sheet: 'Liste', rows, widths: [20, 10] };
		const csv = await writeTableFile('csv', table);
		expect(csv.filename).toBe('liste.csv');
		expect(csv.contentType).toBe('text/csv; charset=utf-8');
		const xlsx = await writeTableFile('xlsx', table);
		expect(xlsx.filename).toBe('liste.xlsx');
		expect(xlsx.contentType).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		for (const file of [csv, xlsx]) {
			const bytes = typeof file.body === 'string' ? new TextEncoder().encode(file.body) : file.body;
			const read = await readTableRecords({ name: file.filename, bytes });
			expect(read.records).toEqual(rows);
		}
	});

	it('read a workbook from the named sheet, or from the first when it has none of that name', async () => {
		const bytes = await writeXlsx([
			{ name: 'Hinweise', rows: [['Hinweis']], widths: [10] },
			{ name: 'Angebote', rows: [['Titel'], ['Kurs']], widths: [10] }
		]);
		const file = { name: 'angebote.xlsx', bytes };
		expect((await readTableRecords(file, { sheet: 'Angebote' })).records).toEqual([
			['Titel'],
			['Kurs']
		]);
		expect((await readTableRecords(file, { sheet: 'Fehlt' })).records).toEqual([['Hinweis']]);
		expect((await readTableRecords(file)).records).toEqual([['Hinweis']]);
	});
});
