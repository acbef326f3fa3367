import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_UNPACKED_BYTES } from './limits.js';
import { measureZip } from './zip-guard.js';
import { readXlsx, writeXlsx } from './xlsx.js';

const MB = 1024 * 1024;

/**
 * Deflated blocks of `megabytes` MB of spaces: one megabyte compressed with a full flush (no
 * back-references across it) repeated, then an empty final block. ~200 KB for 200 MB.
 */
function deflatedSpaces(megabytes: number): Buffer {
	const block = deflateRawSync(Buffer.alloc(MB, ' '), {
		level: 9,
		finishFlush: constants.Z_FULL_FLUSH
	});
	return Buffer.concat([...Array<Buffer>(megabytes).fill(block), deflateRawSync(Buffer.alloc(0))]);
}

interface Entry {
	name: string;
	/** Deflated bytes. */
	data: Buffer;
	/** The unpacked size both headers claim. */
	claimed: number;
}

/** A zip whose local headers and central directory state what we ask them to, true or not. */
function zipOf(entries: Entry[]): Buffer {
	const locals: Buffer[] = [];
	const directory: Buffer[] = [];
	let offset = 0;
	for (const { name, data, claimed } of entries) {
		const nameBytes = Buffer.from(name);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(claimed, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(claimed, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, nameBytes, data);
		directory.push(central, nameBytes);
		offset += local.length + nameBytes.length + data.length;
	}
	const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directorySize, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, ...directory, end]);
}

const deflated = (text: string) => deflateRawSync(Buffer.from(text));

/** An .xlsx of 200 MB of sheet that claims to unpack to 1,000 bytes per part. */
function lyingWorkbook(): Buffer {
	const opening = deflateRawSync(Buffer.from('<worksheet><sheetData>'), {
		finishFlush: constants.Z_FULL_FLUSH
	});
	return zipOf([
		{
			name: 'xl/worksheets/sheet1.xml',
			data: Buffer.concat([opening, deflatedSpaces(200)]),
			claimed: 1_000
		},
		{ name: '[Content_Types].xml', data: deflated('<Types/>'), claimed: 1_000 },
		{ name: 'xl/workbook.xml', data: deflated('<workbook/>'), claimed: 1_000 }
	]);
}

describe('zip guard', () => {
	it('measures what a real workbook unpacks to', async () => {
		const text = 'x'.repeat(100_000);
		const workbook = await writeXlsx([{ name: 'A', rows: [[text]], widths: [10] }]);
		const verdict = await measureZip(workbook, MAX_UNPACKED_BYTES);
		expect(verdict.kind).toBe('fits');
		expect(verdict.unpacked).toBeGreaterThan(100_000);
		expect(verdict.unpacked).toBeGreaterThan(workbook.length * 10);
	});

	it('stops inflating a workbook whose headers lie at the cap', async () => {
		const bomb = lyingWorkbook();
		expect(bomb.length).toBeLessThan(1024 * 1024);
		const before = process.memoryUsage().arrayBuffers;
		const verdict = await measureZip(bomb, MAX_UNPACKED_BYTES);
		expect(verdict.kind).toBe('tooLarge');
		expect(verdict.unpacked).toBeGreaterThan(MAX_UNPACKED_BYTES);
		expect(verdict.unpacked).toBeLessThan(MAX_UNPACKED_BYTES + MB);
		// Counted chunk by chunk and dropped: nothing near the cap is ever held at once.
		expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(MAX_UNPACKED_BYTES / 2);
	});

	it('refuses the lying workbook as too large before exceljs sees it', async () => {
		await expect(readXlsx(lyingWorkbook())).rejects.toMatchObject({
			problem: 'xlsxTooLarge'
		});
	});

	it('knows no archive when there is none', async () => {
		const text = await measureZip(new TextEncoder().encode('Titel;Ort'), MAX_UNPACKED_BYTES);
		expect(text.kind).toBe('unreadable');
		const torn = await measureZip(Uint8Array.from([0x50, 0x4b, 3, 4]), MAX_UNPACKED_BYTES);
		expect(torn.kind).toBe('unreadable');
	});
});
