import { createHash } from 'node:crypto';
import { fold } from '../../shared/text/fold.js';

/**
 * vCard 4.0 (RFC 6350) for the contact directory: UTF-8, CRLF line ends, text values escaped
 * (`\`, `,`, newlines; `;` too in compound values) and lines folded at 75 octets without
 * splitting a character.
 */
export interface VCardPerson {
	/** Stable across exports, so address books update a card instead of adding a second one. */
	uid: string;
	name: string;
	organisation?: string | null;
	role?: string | null;
	email?: string | null;
	phone?: string | null;
	/** ISO 639 codes, in order of preference. */
	languages?: readonly string[];
	/** Last change, an ISO instant. */
	updatedAt?: string | null;
}

const MAX_OCTETS = 75;

/** A text value (FN, TITLE, …): backslash, comma and newline escaped (RFC 6350 §3.4). */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** A component of a compound value (ORG): a semicolon would start the next component. */
export function escapeComponent(value: string): string {
	return escapeText(value).replace(/;/g, '\\;');
}

/** Splits a content line into folded physical lines; continuation lines start with a space. */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = Buffer.byteLength(char, 'utf8');
		// The leading space of a continuation line counts towards its 75 octets.
		const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

/** A UUID derived from a stable key, so one person keeps one UID. */
export function stableUuid(key: string): string {
	const hex = createHash('sha256').update(key).digest('hex');
	const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const revision = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

export function vCard(person: VCardPerson): string {
	const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//KITZ//Kontaktverzeichnis//DE'];
	lines.push(`UID:urn:uuid:${stableUuid(person.uid)}`);
	lines.push(`FN:${escapeText(person.name)}`);
	if (person.organisation) lines.push(`ORG:${escapeComponent(person.organisation)}`);
	if (person.role) lines.push(`TITLE:${escapeText(person.role)}`);
	if (person.email) lines.push(`EMAIL;TYPE=work:${escapeText(person.email)}`);
	if (person.phone) lines.push(`TEL;VALUE=text;TYPE=work:${escapeText(person.phone)}`);
	for (const [index, language] of (person.languages ?? []).entries())
		lines.push(`LANG;PREF=${Math.min(index + 1, 100)}:${language}`);
	if (person.updatedAt) lines.push(`REV:${revision(person.updatedAt)}`);
	lines.push('END:VCARD');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Several cards in one .vcf file. */
export function vCards(people: readonly VCardPerson[]): string {
	return people.map(vCard).join('');
}

/** An ASCII file name for a person's card (header-safe); non-Latin names fall back to the id. */
export function vCardFilename(name: string, id: number): string {
	const stem = fold(name)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return `${stem || `kontakt-${id}`}.vcf`;
}
