import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/messages.js';
import { COLUMNS } from './columns.js';
import { readCsv } from '../../shared/files/csv.js';
import { NOTES_SHEET, OFFERS_SHEET, templateCsv, templateXlsx } from './template.js';
import { readXlsx } from '../../shared/files/xlsx.js';

describe('the import template', () => {
	it('is the same header and example row as CSV and as XLSX', async () => {
		const fromCsv = readCsv(new TextEncoder().encode(templateCsv())).filter((row) =>
			row.some(Boolean)
		);
		const xlsx = await templateXlsx(translator('de'));
		expect(await readXlsx(xlsx, OFFERS_SHEET)).toEqual(fromCsv);
		expect(fromCsv[0]).toEqual(COLUMNS.map((column) => column.header));
	});

	it('describes every column on a notes sheet in the reader’s language', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await templateXlsx(translator('en'))).buffer);
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([OFFERS_SHEET, NOTES_SHEET]);
		const notes = workbook.getWorksheet(NOTES_SHEET)!;
		expect(notes.getRow(1).values).toEqual([
			undefined,
			'Column',
			'Required',
			'Description',
			'Allowed values',
			'Example'
		]);
		const actionFields = notes.getRow(1 + COLUMNS.findIndex((c) => c.key === 'actionFields') + 1);
		expect(actionFields.getCell(1).value).toBe('Handlungsfelder');
		expect(actionFields.getCell(2).value).toBe('yes');
		expect(String(actionFields.getCell(3).value)).toMatch(/^One or more action fields/);
		expect(String(actionFields.getCell(4).value)).toContain('Interkulturelle Öffnung');
		for (let row = 2; row <= COLUMNS.length + 1; row++)
			expect(String(notes.getRow(row).getCell(3).value)).not.toMatch(/^office\./);
	});
});
