/**
 * The total unpacked size an .xlsx (a zip archive) declares in its central directory, read
 * before any unpacking; null when the bytes are no zip archive. Zip64 archives and archives of
 * absurdly many entries count as infinite: no spreadsheet of ours needs them.
 */
export function zipUnpackedSize(bytes: Uint8Array): number | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const END_OF_DIRECTORY = 0x06054b50;
	const ENTRY = 0x02014b50;
	// The end record is 22 bytes plus a comment of at most 65,535 bytes.
	let end = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
		if (view.getUint32(at, true) === END_OF_DIRECTORY) {
			end = at;
			break;
		}
	}
	if (end < 0) return null;
	const entries = view.getUint16(end + 10, true);
	const directoryOffset = view.getUint32(end + 16, true);
	if (entries === 0xffff || directoryOffset === 0xffffffff || entries > 10_000) return Infinity;
	let total = 0;
	let at = directoryOffset;
	for (let index = 0; index < entries; index++) {
		if (at + 46 > bytes.length || view.getUint32(at, true) !== ENTRY) return null;
		const size = view.getUint32(at + 24, true);
		if (size === 0xffffffff) return Infinity;
		total += size;
		at +=
			46 +
			view.getUint16(at + 28, true) +
			view.getUint16(at + 30, true) +
			view.getUint16(at + 32, true);
	}
	return total;
}
