import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { logger } from '../../shared/log/logger.js';
import { Bitset } from './bitset.js';
import {
	RELATION_DIMENSIONS,
	type IndexParts,
	type RelationDimension
} from './offer-index-build.js';
import { TimeSlice } from './time-slice.js';
import { packedPostingsOf } from './token-index.js';

/**
 * The offer index as one file, so a restart reads it in well under a second instead of building
 * it: `KITZIDX1`, the header's length (uint32), the header (JSON: offers version, strings, array
 * lengths), the typed arrays' bytes one after another, and a CRC-32 of everything before it. A
 * file of another format or offers version, cut short or changed is ignored (and later replaced).
 */
const MAGIC = Buffer.from('KITZIDX1');
const FORMAT = 3;

type Typed = Int32Array | Uint32Array | Uint8Array;
const TYPES = { i32: Int32Array, u32: Uint32Array, u8: Uint8Array } as const;
type TypeName = keyof typeof TYPES;

interface Header {
	format: number;
	version: string;
	values: Record<RelationDimension, string[]>;
	titleTokens: { keys: string[]; spelled: string[]; spellings: string[] };
	summaryTokens: { keys: string[]; spelled: string[]; spellings: string[] };
	terms: string[];
	arrays: [string, TypeName, number][];
}

/** The typed arrays of the parts in file order, with names the header lists them by. */
function arraysOf(parts: IndexParts): [string, Typed][] {
	return [
		['ids', parts.ids],
		['placeId', parts.placeId],
		['districtId', parts.districtId],
		['validTo', parts.validTo],
		['nextDay', parts.nextDay],
		['flags', parts.flags],
		['byDate', parts.byDate],
		['byTitle', parts.byTitle],
		...RELATION_DIMENSIONS.flatMap((dimension): [string, Typed][] => [
			[`${dimension}.offsets`, parts.values[dimension].offsets],
			[`${dimension}.positions`, parts.values[dimension].positions]
		]),
		...(['titleTokens', 'summaryTokens'] as const).flatMap((name): [string, Typed][] => [
			[`${name}.offsets`, parts[name].offsets],
			[`${name}.counts`, parts[name].counts],
			[`${name}.packed`, parts[name].packed]
		]),
		['documents', parts.vocabulary.documents]
	];
}

const typeName = (array: Typed): TypeName =>
	array instanceof Int32Array ? 'i32' : array instanceof Uint32Array ? 'u32' : 'u8';

/** Writes the parts beside and then over `file`, pausing between pieces; a reader never sees half. */
export async function writeSnapshot(file: string, parts: IndexParts): Promise<void> {
	const arrays = arraysOf(parts);
	const tokens = (table: IndexParts['titleTokens']) => ({
		keys: table.keys,
		spelled: table.spelled,
		spellings: table.spellings
	});
	const header: Omit<Header, 'arrays'> = {
		format: FORMAT,
		version: parts.version,
		values: Object.fromEntries(
			RELATION_DIMENSIONS.map((dimension) => [dimension, parts.values[dimension].keys])
		) as Header['values'],
		titleTokens: tokens(parts.titleTokens),
		summaryTokens: tokens(parts.summaryTokens),
		terms: parts.vocabulary.terms
	};
	await writeArraysFile(file, MAGIC, header, arrays);
}

/**
 * Writes `magic`, the header's length, the header (with the arrays' names, types and lengths),
 * the arrays and a CRC-32 beside and then over `file`, pausing between pieces: a reader never
 * sees half.
 */
async function writeArraysFile(
	file: string,
	magic: Buffer,
	header: object,
	arrays: [string, Typed][]
): Promise<void> {
	const slice = new TimeSlice();
	const described = {
		...header,
		arrays: arrays.map(([name, array]) => [name, typeName(array), array.length])
	};
	const json = Buffer.from(JSON.stringify(described));
	const length = Buffer.alloc(4);
	length.writeUInt32LE(json.length);
	await mkdir(dirname(file), { recursive: true });
	await removeAbandonedPartials(file);
	const partial = `${file}.${process.pid}.partial`;
	const handle = await open(partial, 'w');
	try {
		let checksum = 0;
		for (const piece of [
			magic,
			length,
			json,
			...arrays.map(([, array]) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength))
		]) {
			// Node's crc32 answers 0 for no bytes, whatever the running value: skip empty arrays.
			if (piece.byteLength === 0) continue;
			checksum = crc32(piece, checksum);
			await handle.write(piece);
			await slice.pause();
		}
		const trailer = Buffer.alloc(4);
		trailer.writeUInt32LE(checksum);
		await handle.write(trailer);
		await handle.close();
		await rename(partial, file);
	} catch (error) {
		await handle.close().catch(() => undefined);
		await rm(partial, { force: true });
		throw error;
	}
}

/**
 * Removes what writes of `file` left behind when their process stopped in the middle (a restart
 * during a write): each is named by its process id, and a process that is gone writes no more.
 */
async function removeAbandonedPartials(file: string): Promise<void> {
	const prefix = `${basename(file)}.`;
	for (const name of await readdir(dirname(file))) {
		if (!name.startsWith(prefix) || !name.endsWith('.partial')) continue;
		const pid = name.slice(prefix.length, -'.partial'.length);
		if (/^\d+$/.test(pid) && Number(pid) !== process.pid && !isRunning(Number(pid)))
			await rm(join(dirname(file), name), { force: true });
	}
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: running, under another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The parts saved in `file` for this offers version; null when missing, of another version or damaged. */
export function readSnapshot(file: string, version: string): Promise<IndexParts | null> {
	return readDecoded(file, (bytes) => decode(bytes, version));
}

/** What `decode` makes of the file (snapshot or frequent sets); null when missing or damaged (logged). */
async function readDecoded<T>(
	file: string,
	decode: (bytes: Buffer) => T | null
): Promise<T | null> {
	let bytes: Buffer;
	try {
		bytes = await readFile(file);
	} catch {
		return null;
	}
	try {
		return decode(bytes);
	} catch (error) {
		logger.warn({ err: error, file }, 'Search index file ignored');
		return null;
	}
}

function decode(bytes: Buffer, version: string): IndexParts | null {
	const { header, arrays } = decodeArrays<Header>(bytes, MAGIC);
	if (header.format !== FORMAT || header.version !== version) return null;
	const get = <T extends Typed>(name: string, type: new (length: number) => T): T => {
		const array = arrays.get(name);
		if (!(array instanceof type)) throw new Error(`array ${name} missing`);
		return array;
	};
	const postings = (name: string, keys: string[]) => ({
		keys,
		offsets: get(`${name}.offsets`, Uint32Array),
		positions: get(`${name}.positions`, Int32Array)
	});
	const tokens = (name: 'titleTokens' | 'summaryTokens') => ({
		...header[name],
		offsets: get(`${name}.offsets`, Uint32Array),
		counts: get(`${name}.counts`, Uint32Array),
		packed: get(`${name}.packed`, Uint8Array)
	});
	const parts: IndexParts = {
		version,
		ids: get('ids', Int32Array),
		placeId: get('placeId', Int32Array),
		districtId: get('districtId', Int32Array),
		validTo: get('validTo', Int32Array),
		nextDay: get('nextDay', Int32Array),
		flags: get('flags', Uint8Array),
		byDate: get('byDate', Int32Array),
		byTitle: get('byTitle', Int32Array),
		values: Object.fromEntries(
			RELATION_DIMENSIONS.map((dimension) => [
				dimension,
				postings(dimension, header.values[dimension])
			])
		) as IndexParts['values'],
		titleTokens: tokens('titleTokens'),
		summaryTokens: tokens('summaryTokens'),
		vocabulary: { terms: header.terms, documents: get('documents', Int32Array) }
	};
	check(parts);
	return parts;
}

/** The header and the arrays of a file `writeArraysFile` wrote; throws when it is damaged. */
function decodeArrays<H extends { arrays: [string, TypeName, number][] }>(
	bytes: Buffer,
	magic: Buffer
): { header: H; arrays: Map<string, Typed> } {
	if (bytes.length < magic.length + 8 || !bytes.subarray(0, magic.length).equals(magic))
		throw new Error(`not a ${magic.toString('latin1')} file`);
	const body = bytes.subarray(0, bytes.length - 4);
	if (crc32(body) !== bytes.readUInt32LE(bytes.length - 4))
		throw new Error('checksum mismatch (cut short or changed)');
	const headerLength = body.readUInt32LE(magic.length);
	let at = magic.length + 4;
	const header = JSON.parse(body.subarray(at, (at += headerLength)).toString('utf8')) as H;
	const arrays = new Map<string, Typed>();
	for (const [name, type, length] of header.arrays) {
		const array = new TYPES[type](length);
		const bytesLength = array.byteLength;
		if (at + bytesLength > body.length) throw new Error('arrays longer than the file');
		new Uint8Array(array.buffer).set(body.subarray(at, at + bytesLength));
		arrays.set(name, array);
		at += bytesLength;
	}
	if (at !== body.length) throw new Error('bytes left over after the arrays');
	return { header, arrays };
}

/** Throws unless every list fits the offers: a bug or a hand-edited file must not reach searches. */
function check(parts: IndexParts) {
	const size = parts.ids.length;
	for (const array of [
		parts.placeId,
		parts.districtId,
		parts.validTo,
		parts.nextDay,
		parts.flags,
		parts.byDate,
		parts.byTitle
	])
		if (array.length !== size) throw new Error('lists of different lengths');
	for (let at = 1; at < size; at++)
		if (parts.ids[at]! <= parts.ids[at - 1]!) throw new Error('ids out of order');
	const inRange = (positions: Int32Array) => {
		for (const position of positions)
			if (position < 0 || position >= size) throw new Error('position out of range');
	};
	inRange(parts.byDate);
	inRange(parts.byTitle);
	const fitting = (keys: string[], offsets: Uint32Array, length: number) => {
		if (offsets.length !== keys.length + 1) throw new Error('offsets do not fit');
		for (let at = 0; at < keys.length; at++)
			if (offsets[at]! > offsets[at + 1]!) throw new Error('offsets out of order');
		if (offsets[keys.length] !== length) throw new Error('positions do not fit');
	};
	for (const table of RELATION_DIMENSIONS.map((dimension) => parts.values[dimension])) {
		fitting(table.keys, table.offsets, table.positions.length);
		inRange(table.positions);
	}
	for (const table of [parts.titleTokens, parts.summaryTokens]) {
		fitting(table.keys, table.offsets, table.packed.length);
		if (table.counts.length !== table.keys.length) throw new Error('counts do not fit');
		// Each list read once: damaged bytes throw here, and every position must fit the offers.
		for (const list of packedPostingsOf(table).values())
			list.forEach((position) => {
				if (position >= size) throw new Error('position out of range');
			});
	}
	if (parts.vocabulary.terms.length !== parts.vocabulary.documents.length)
		throw new Error('vocabulary does not fit');
}

/**
 * The sets of an index's frequent full-text words, kept beside its snapshot: computing them asks
 * the full-text engine for tens of thousands of offers per word, seconds at 100,000 offers, and
 * until they are there the first searches for common words wait for the engine. `KITZFRQ1`, then
 * as the snapshot: the words and the index they belong to, each set's bits one after another.
 */
const FREQUENT_MAGIC = Buffer.from('KITZFRQ1');

interface FrequentHeader {
	format: number;
	version: string;
	size: number;
	/** How many offers make a word frequent: sets of another threshold are other sets. */
	threshold: number;
	terms: string[];
	arrays: [string, TypeName, number][];
}

export async function writeFrequentSets(
	file: string,
	index: { version: string; size: number },
	threshold: number,
	sets: Map<string, Bitset>
): Promise<void> {
	const terms = [...sets.keys()];
	const length = Math.ceil(index.size / 32);
	const words = new Uint32Array(terms.length * length);
	terms.forEach((term, at) => words.set(sets.get(term)!.words, at * length));
	const header = { format: FORMAT, version: index.version, size: index.size, threshold, terms };
	await writeArraysFile(file, FREQUENT_MAGIC, header, [['words', words]]);
}

/** The sets saved in `file` for this index and threshold; null when missing, of another or damaged. */
export function readFrequentSets(
	file: string,
	index: { version: string; size: number },
	threshold: number
): Promise<Map<string, Bitset> | null> {
	return readDecoded(file, (bytes) => {
		const { header, arrays } = decodeArrays<FrequentHeader>(bytes, FREQUENT_MAGIC);
		if (
			header.format !== FORMAT ||
			header.version !== index.version ||
			header.size !== index.size ||
			header.threshold !== threshold
		)
			return null;
		const length = Math.ceil(index.size / 32);
		const words = arrays.get('words');
		if (!(words instanceof Uint32Array) || words.length !== header.terms.length * length)
			throw new Error('sets do not fit');
		return new Map(
			header.terms.map((term, at) => [
				term,
				new Bitset(index.size, words.subarray(at * length, (at + 1) * length))
			])
		);
	});
}
