import { describe, expect, it } from 'vitest';
import { formProblem, urlHasControlCharacters } from './edge-input.js';

const url = (path: string) => new URL(path, 'http://kitz.test');

describe('control characters at the edge', () => {
	it.each([
		'/de/offers/a%00b',
		'/api/v1/offers/%00',
		'/de/offers/a%00b/calendar.ics',
		'/de/offers/%1F',
		'/de/offers/%7f',
		'/de/search?q=%00',
		'/de/search?near=%00%01',
		'/de/search?q%00=x',
		'/de/search?q=a%0Bb',
		'/de/office/contacts/1%00'
	])('refuses %s', (path) => {
		expect(urlHasControlCharacters(url(path))).toBe(true);
	});

	it.each([
		'/de/offers/sprachkurs-kappeln',
		'/ar/search?q=%D8%AF%D9%88%D8%B1%D8%A9',
		'/de/search?q=Deutsch%09Kurs%0D%0A',
		'/de/search?q=%2500',
		'/de/%'
	])('lets %s through', (path) => {
		expect(urlHasControlCharacters(url(path))).toBe(false);
	});

	const post = (body: FormData | URLSearchParams | string, headers?: Record<string, string>) =>
		new Request('http://kitz.test/de/office/contacts/new', { method: 'POST', body, headers });

	it('finds a NUL byte in a posted form field, not in an uploaded file', async () => {
		expect(await formProblem(post(new URLSearchParams({ name: 'Ana\0' })))).toBe('nul');
		expect(await formProblem(post(new URLSearchParams({ notes: 'Zeile\f2' })))).toBeNull();
		const upload = new FormData();
		upload.set('file', new Blob([Uint8Array.from([0x50, 0x4b, 0, 0])]), 'offers.xlsx');
		expect(await formProblem(post(upload))).toBeNull();
		upload.set('mode', 'check\0');
		const request = post(upload);
		expect(await formProblem(request)).toBe('nul');
		expect((await request.formData()).get('mode')).toBe('check\0');
	});

	it.each([
		['a multipart body cut short', 'multipart/form-data; boundary=zzz', '--zzz\r\nContent-Disp'],
		['a multipart type without boundary', 'multipart/form-data', 'name=Ana'],
		['a text/plain form', 'text/plain', 'name=Ana'],
		['an empty multipart body', 'multipart/form-data; boundary=zzz', '']
	])('finds %s unreadable, which the route would answer with a 500', async (_, type, body) => {
		expect(await formProblem(post(body, { 'content-type': type }))).toBe('unreadable');
	});

	it('leaves bodies that are no form to the route, and reads no GET', async () => {
		expect(await formProblem(post('{"name": ', { 'content-type': 'application/json' }))).toBeNull();
		expect(await formProblem(post(new URLSearchParams()))).toBeNull();
		const get = new Request('http://kitz.test/de', {
			headers: { 'content-type': 'multipart/form-data' }
		});
		expect(await formProblem(get)).toBeNull();
	});
});
