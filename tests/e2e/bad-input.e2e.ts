import { describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';

const baseUrl = e2eApp().baseUrl;

async function get(path: string) {
	const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
	return { response, html: await response.text() };
}

describe('bad input gets a clear message on a normal page', () => {
	it.each(
		[
			['/de/search?page=500', 200, 'Seite 500 gibt es nicht. Wir zeigen die letzte Seite'],
			['/de/search?page=999999', 200, 'Die Seitenzahl „999999“ gibt es nicht'],
			['/de/search?page=-1', 200, 'Die Seitenzahl „-1“ gibt es nicht'],
			[
				'/de/search?field=nonsense&radius=7',
				200,
				'Der Filter „field“ mit dem Wert „nonsense“ ist unbekannt'
			],
			['/de/search?near=99999', 200, 'Den Ort oder die Postleitzahl „99999“ kennen wir nicht'],
			['/de/search?near=%00%01', 400, 'Diese Adresse ist ungültig'],
			[`/de/search?q=${'Sprachkurs '.repeat(1000)}`, 200, 'Ihr Suchtext war zu lang'],
			['/de/search?q=%E0%A4%A', 200, 'Angebote suchen'],
			['/de/calendar?week=2026-W99', 200, '„2026-W99“ ist keine gültige Kalenderwoche'],
			['/de/offers/gibt-es-nicht', 404, 'Dieses Angebot gibt es nicht oder nicht mehr.'],
			['/de/%', 400, 'Diese Adresse ist ungültig'],
			['/xx/search', 404, 'Seite nicht gefunden'],
			['/ar/search?page=abc', 200, 'abc'],
			['/de/wege/gibt-es-nicht', 404, 'Seite nicht gefunden'],
			['/de/wege?district=nirgendwo', 200, 'Ihr Weg Schritt für Schritt'],
			[
				'/de/wege/ihr-weg-zum-deutschkurs-und-in-den-beruf?near=99999',
				200,
				'Den Ort oder die Postleitzahl „99999“ kennen wir nicht'
			],
			[
				`/de/wege/ihr-weg-zum-deutschkurs-und-in-den-beruf?near=${'Kappeln'.repeat(500)}`,
				200,
				'kennen wir nicht'
			],
			[
				'/de/wege/ihr-weg-zum-deutschkurs-und-in-den-beruf?near=%00',
				400,
				'Diese Adresse ist ungültig'
			]
		].map(([path, status, text]) => ({ path, status, text, name: String(path).slice(0, 60) }))
	)('$name → $status', async ({ path, status, text }) => {
		const { response, html } = await get(path as string);
		expect(response.status).toBe(status);
		expect(response.headers.get('content-type')).toContain('text/html');
		expect(html).toContain(text as string);
		expect(html).not.toMatch(/\bat .+\.(js|ts):\d+/);
		expect(html).not.toContain('\u0000');
	});
});

it.each([
	['multipart/form-data; boundary=zzz', '--zzz\r\nContent-Disposition: form'],
	['text/plain', 'email=bea@kitz.example']
])('answers a form post whose %s body is no form with a message, not a 500', async (type, body) => {
	const response = await fetch(`${baseUrl}/de/login`, {
		method: 'POST',
		headers: { origin: baseUrl, 'content-type': type },
		body
	});
	expect(response.status).toBe(400);
	expect(await response.text()).toContain('Das Formular ist unvollständig oder beschädigt');
});

describe('privacy and security headers', () => {
	it.each(['/de', '/ar/search?q=kurs', '/de/kitz'])(
		'%s sets no cookie and sends strict headers',
		async (path) => {
			const { response } = await get(path);
			expect(response.headers.get('set-cookie')).toBeNull();
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('referrer-policy')).toBe('same-origin');
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			const policy = response.headers.get('content-security-policy') ?? '';
			expect(policy).toContain("default-src 'self'");
			expect(policy).toContain("frame-ancestors 'none'");
		}
	);

	it('negotiates the language from the browser without a cookie', async () => {
		const response = await fetch(baseUrl, {
			redirect: 'manual',
			headers: { 'accept-language': 'uk-UA,uk;q=0.9,en;q=0.5' }
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/uk');
		expect(response.headers.get('set-cookie')).toBeNull();
	});
});
