import { createInflateRaw } from 'node:zlib';

/**
 * What an .xlsx (a zip archive) really unpacks to, found by inflating it — the sizes its
 * headers declare are the attacker's to choose. `unpacked` counts the bytes inflated before
 * the verdict, so a refused archive shows where inflating stopped.
 */
export type ZipVerdict =
	| { kind: 'fits'; unpacked: number }
	| { kind: 'tooLarge'; unpacked: number }
	| { kind: 'unreadable'; unpacked: number };

/** No spreadsheet of ours has more parts; each part costs exceljs a parse even when empty. */
const MAX_ENTRIES = 10_000;
const END_OF_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ZIP64_MARK = 0xffffffff;

interface EntryData {
	method: number;
	start: number;
	length: number;
}

type Walk = EntryData[] | 'unreadable' | 'tooLarge';

/**
 * Finds each entry's data the way JSZip (exceljs's reader) does: the last end record in the
 * file, central entries while their signature holds, local headers only for where data starts,
 * compressed lengths from the central directory. Reading exactly what JSZip will inflate leaves
 * an attacker no second view of the archive; so do refusing prepended bytes (JSZip would shift
 * every offset) and zip64 (JSZip reads 64-bit sizes this walk does not).
 */
function walkEntries(bytes: Uint8Array): Walk {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u16 = (at: number) => view.getUint16(at, true);
	const u32 = (at: number) => view.getUint32(at, true);
	let end = bytes.length - 4;
	while (end >= 0 && u32(end) !== END_OF_DIRECTORY) end--;
	if (end < 0 || end + 22 > bytes.length) return 'unreadable';
	if (u16(end + 10) === 0xffff || u32(end + 12) === ZIP64_MARK || u32(end + 16) === ZIP64_MARK)
		return 'tooLarge';
	if (u32(end + 16) + u32(end + 12) !== end) return 'unreadable';
	const entries: EntryData[] = [];
	for (let at = u32(end + 16); at + 4 <= bytes.length && u32(at) === CENTRAL_ENTRY;) {
		if (entries.length === MAX_ENTRIES) return 'tooLarge';
		if (at + 46 > bytes.length) return 'unreadable';
		const length = u32(at + 20);
		const local = u32(at + 42);
		if (length === ZIP64_MARK || u32(at + 24) === ZIP64_MARK || local === ZIP64_MARK)
			return 'tooLarge';
		if (local + 30 > bytes.length || u32(local) !== LOCAL_HEADER) return 'unreadable';
		const start = local + 30 + u16(local + 26) + u16(local + 28);
		if (start + length > bytes.length) return 'unreadable';
		entries.push({ method: u16(at + 10), start, length });
		at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
	}
	return entries.length > 0 ? entries : 'unreadable';
}

/** Inflates chunk by chunk, dropping each; stops as soon as more than `budget` bytes came out. */
function inflatedLength(data: Uint8Array, budget: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
		let produced = 0;
		inflate.on('data', (chunk: Buffer) => {
			produced += chunk.length;
			if (produced > budget) {
				inflate.destroy();
				resolve(produced);
			}
		});
		inflate.on('end', () => resolve(produced));
		inflate.on('error', reject);
		inflate.end(data);
	});
}

/** Unpacks every entry against one budget of `maxUnpacked` bytes, keeping none of it. */
export async function measureZip(bytes: Uint8Array, maxUnpacked: number): Promise<ZipVerdict> {
	const walk = walkEntries(bytes);
	if (typeof walk === 'string') return { kind: walk, unpacked: 0 };
	let unpacked = 0;
	for (const { method, start, length } of walk) {
		const data = bytes.subarray(start, start + length);
		if (method === STORED) unpacked += length;
		else if (method !== DEFLATED) return { kind: 'unreadable', unpacked };
		else {
			try {
				unpacked += await inflatedLength(data, maxUnpacked - unpacked);
			} catch {
				return { kind: 'unreadable', unpacked };
			}
		}
		if (unpacked > maxUnpacked) return { kind: 'tooLarge', unpacked };
	}
	return { kind: 'fits', unpacked };
}
