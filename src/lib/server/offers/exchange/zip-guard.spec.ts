import { describe, expect, it } from 'vitest';
import { zipUnpackedSize } from './zip-guard.js';
import { writeXlsx } from './xlsx.js';

describe('zip guard', () => {
	it('adds up the unpacked sizes an archive declares', async () => {
		const text = 'x'.repeat(100_000);
		const workbook = await writeXlsx([{ name: 'A', rows: [[text]], widths: [10] }]);
		const size = zipUnpackedSize(workbook)!;
		expect(size).toBeGreaterThan(100_000);
		expect(size).toBeGreaterThan(workbook.length * 10);
	});

	it('knows no archive when there is none', () => {
		expect(zipUnpackedSize(new TextEncoder().encode('Titel;Ort'))).toBeNull();
		expect(zipUnpackedSize(Uint8Array.from([0x50, 0x4b, 3, 4]))).toBeNull();
	});
});
