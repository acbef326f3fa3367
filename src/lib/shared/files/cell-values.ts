/** Reading and writing the cell formats of German spreadsheets: dates, times, euros, links. */
import { isCalendarDay } from '../time/wall-clock.js';

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const TIME = /^(\d{1,2})[:.](\d{2})(?:\s*Uhr)?$/i;

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD` from `31.12.2026` or `2026-12-31`, or undefined when it is no real date. */
export function parseDate(text: string): string | undefined {
	const value = text.trim();
	let year: number, month: number, day: number;
	const iso = ISO_DATE.exec(value);
	const german = GERMAN_DATE.exec(value);
	if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	else if (german) [year, month, day] = [Number(german[3]), Number(german[2]), Number(german[1])];
	else return undefined;
	const date = `${year}-${pad(month)}-${pad(day)}`;
	return isCalendarDay(date) ? date : undefined;
}

/** `HH:mm` from `18:00`, `18.00` or `18:00 Uhr`. */
export function parseTime(text: string): string | undefined {
	const match = TIME.exec(text.trim());
	if (!match) return undefined;
	const [hours, minutes] = [Number(match[1]), Number(match[2])];
	return hours < 24 && minutes < 60 ? `${pad(hours)}:${pad(minutes)}` : undefined;
}

/** `YYYY-MM-DDTHH:mm` from a date and a time separated by a space or `T`. */
export function parseDateTime(text: string): string | undefined {
	const match = /^(\S+?)(?:\s+|T)(\d{1,2}[:.]\d{2}(?:\s*Uhr)?)$/i.exec(text.trim());
	if (!match) return undefined;
	const date = parseDate(match[1]!);
	const time = parseTime(match[2]!);
	return date && time ? `${date}T${time}` : undefined;
}

/** `02.06.2026`, as dates are written into German spreadsheets. */
export function formatDate(isoDate: string): string {
	const [year, month, day] = isoDate.split('-');
	return `${day}.${month}.${year}`;
}

/** Cents from `25`, `25,50`, `25.50 €` or `EUR 1.250,00`; undefined when it is no amount. */
export function parseAmount(text: string): number | undefined {
	let value = text.replace(/€|eur(o)?/gi, '').replace(/\s/g, '');
	if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(value)) value = value.replace(/\./g, '');
	if (!/^\d{1,7}([.,]\d{1,2})?$/.test(value)) return undefined;
	return Math.round(Number(value.replace(',', '.')) * 100);
}

/** `25,50`, as amounts are written into German spreadsheets. */
export function formatAmount(cents: number): string {
	return `${Math.floor(cents / 100)},${pad(cents % 100)}`;
}

/**
 * An http(s) link; a bare `www.example.org` gets `https://`. Other schemes (`javascript:`, …)
 * are refused: the link becomes a clickable address on the public page.
 */
export function parseLink(text: string): string | undefined {
	const value = /^www\./i.test(text) ? `https://${text}` : text;
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:' ? value : undefined;
	} catch {
		return undefined;
	}
}
