import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, readCsv, unprotectCell, writeCsv } from './csv.js';
import { UnreadableTableError } from './unreadable-table.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('CSV', () => {
	it('decodes UTF-8 with BOM and falls back to Windows-1252', () => {
		expect(decodeText(bytes('\uFEFFStraße'))).toBe('Straße');
		expect(decodeText(Uint8Array.from([0x53, 0x74, 0x72, 0x61, 0xdf, 0x65]))).toBe('Straße');
	});

	it('finds the delimiter of the header outside quotes', () => {
		expect(detectDelimiter('a;b;c\n1,2,3,4')).toBe(';');
		expect(detectDelimiter('"a;b",c,d')).toBe(',');
		expect(detectDelimiter('a\tb')).toBe('\t');
	});

	it('keeps blank lines so that record n is spreadsheet row n', () => {
		expect(readCsv(bytes('\uFEFFa;b\r\n\r\n"x;1";2\r\n'))).toEqual([
			['a', 'b'],
			[''],
			['x;1', '2']
		]);
	});

	it('reports an unclosed quote with its line', () => {
		try {
			readCsv(bytes('a;b\n"x;y\n'));
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(UnreadableTableError);
			expect(error).toMatchObject({ problem: 'csvQuoteNotClosed', params: { line: 2 } });
		}
	});

	it('writes German Excel CSV with formula-like text protected, and reads it back', () => {
		const rows = [
			['Titel', 'Telefon'],
			['=SUMME(A1)', '+49 4642 1'],
			['a;b "c"', 'x\ny']
		];
		const text = writeCsv(rows);
		expect(text).toBe('\uFEFFTitel;Telefon\r\n\'=SUMME(A1);\'+49 4642 1\r\n"a;b ""c""";"x\ny"\r\n');
		const read = readCsv(bytes(text)).map((row) => row.map(unprotectCell));
		expect(read.slice(0, 3)).toEqual(rows);
		expect(unprotectCell("'Hallo")).toBe("'Hallo");
	});

	it('writes numbers as numbers: a negative change is no formula to protect', () => {
		expect(writeCsv([['Sprache', 2, -1]])).toBe('\uFEFFSprache;2;-1\r\n');
		expect(writeCsv([['-1']])).toBe("\uFEFF'-1\r\n");
	});
});
