/** A part of a received MIME mail: its headers (lower-case names) and its decoded body. */
export interface MimePart {
	headers: Record<string, string>;
	body: string;
}

function parseHeaders(block: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

function decode(body: string, encoding: string | undefined): string {
	if (encoding?.toLowerCase() === 'base64')
		return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (encoding?.toLowerCase() === 'quoted-printable')
		return Buffer.from(
			body
				.replace(/=\r?\n/g, '')
				.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
			'latin1'
		).toString('utf8');
	return body;
}

/** The leaf parts of a raw mail, multipart or not, with bodies decoded (enough for tests). */
export function mimeParts(raw: string): MimePart[] {
	const split = /\r?\n\r?\n/.exec(raw);
	const headerBlock = split ? raw.slice(0, split.index) : raw;
	const body = split ? raw.slice(split.index + split[0].length) : '';
	const headers = parseHeaders(headerBlock);
	const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
	if (!boundary)
		return [{ headers, body: decode(body, headers['content-transfer-encoding']).trimEnd() }];
	return body
		.split(`--${boundary}`)
		.slice(1)
		.filter((chunk) => !chunk.startsWith('--'))
		.flatMap((chunk) => mimeParts(chunk.replace(/^\r?\n/, '')));
}
