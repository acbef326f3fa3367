import { describe, expect, it } from 'vitest';
import { ExchangeFileError } from './exchange.errors.js';
import { readTable } from './table-reader.js';

const text = (content: string) => new TextEncoder().encode(content);

async function problemOf(name: string, bytes: Uint8Array) {
	try {
		await readTable({ name, bytes });
	} catch (error) {
		if (error instanceof ExchangeFileError) return error.problem;
		throw error;
	}
}

describe('reading an import table', () => {
	it('words the file readers refusals as the import file problems, with their parameters', async () => {
		expect(await problemOf('angebote.xls', text('a;b'))).toMatchObject({
			key: 'office.import.fileProblem.oldExcel'
		});
		expect(await problemOf('angebote.pdf', text('a;b'))).toMatchObject({
			key: 'office.import.fileProblem.wrongFormat'
		});
		expect(await problemOf('angebote.xlsx', text('a;b'))).toMatchObject({
			key: 'office.import.fileProblem.xlsxUnreadable'
		});
		expect(await problemOf('angebote.csv', text('Titel;Ort\n"x;y\n'))).toMatchObject({
			key: 'office.import.fileProblem.csvQuoteNotClosed',
			params: { line: 2 }
		});
	});
});
