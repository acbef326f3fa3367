import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { createTestAccount } from '../factories/account.factory.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { launchBrowser, recordingContext } from '../support/browser.js';
import { logIn } from '../support/office.js';
import { demoDistrict } from '../support/demo.js';

const baseUrl = e2eApp().baseUrl;
const ADMIN = { email: 'bea.badinput@kitz.example', password: 'Beas lange Passphrase' };
const NONSENSE_IDS = ['abc', '0', '-1', '1e3', '99999999', '9'.repeat(30), '%00'];
const ID_PAGES = [
	'offers/{id}',
	'offers/{id}/history',
	'meetings/{id}',
	'meetings/{id}/attendance',
	'meetings/{id}/minutes',
	'meetings/{id}/minutes.docx',
	'meetings/{id}/minutes.pdf',
	'networks/{id}',
	'networks/{id}/edit',
	'networks/{id}/meetings/new',
	'organisations/{id}',
	'organisations/{id}/contacts',
	'contacts/{id}',
	'contacts/{id}/data',
	'contacts/{id}/data.json',
	'contacts/{id}/contact.vcf',
	'purposes/{id}',
	'chains/{id}',
	'chains/{id}/edit',
	'chains/{id}/gaps',
	'chains/{id}/map',
	'chains/{id}/interfaces',
	'chains/{id}/translations',
	'chains/{id}/stages/new',
	'chains/{id}/stages/{id}',
	'chains/{id}/stages/{id}/edit',
	'chains/{id}/stages/{id}/delete',
	'chains/{id}/transitions/{id}',
	'chains/{id}/reviews/new',
	'chains/{id}/reviews/{id}'
];
const ODD_QUERIES = [
	'offers?state=zzz',
	'board?network=abc&actionField=zzz&owner=%00&dueFrom=2026-13-45&status=nope',
	'contacts?organisation=abc&language=zz&field=nope&q=%E0%A4%A',
	'contacts/selection.vcf?id=abc&id=-1',
	'export?field=nope&radius=7&page=-3',
	'export/offers.csv?field=nope&near=99999',
	'audit?page=abc',
	`contacts?q=${'x'.repeat(5000)}`,
	'chains/gaps?chain=abc&language=zz&sort=stage-%00',
	'chains/gaps?sort=stage-99999999999999&language=ar',
	'chains/gaps/export.xlsx?chain=-1&language=%E0%A4%A',
	'chains/gaps/export.csv?sort=nope',
	'chains/what-if?offer=abc&organisation=-1&q=%00'
].map((query) => ({ query, name: query.slice(0, 80) }));
let browser: Browser;
let context: BrowserContext;
let request: APIRequestContext;

beforeAll(async () => {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const district = await demoDistrict(database.db);
		await createTestAccount(database.db, {
			districtId: district.id,
			email: ADMIN.email,
			name: 'Bea Badinput',
			role: 'administrator',
			password: ADMIN.password
		});
	} finally {
		await database.close();
	}
	browser = await launchBrowser();
	context = (await recordingContext(browser)).context;
	const page = await context.newPage();
	await logIn(page, baseUrl, ADMIN);
	request = context.request;
});
afterAll(async () => {
	await context?.close();
	await browser?.close();
});

/** A normal answer: a page or file, or a clear 4xx page — never a 500 or a stack trace. */
async function expectHandled(path: string, answer: Awaited<ReturnType<APIRequestContext['get']>>) {
	expect(answer.status(), path).toBeLessThan(500);
	const body = await answer.text();
	expect(body, path).not.toMatch(/\bat .+\.(js|ts):\d+/);
	if (answer.status() >= 400)
		expect(answer.headers()['content-type'], path).toMatch(/text\/html|json/);
}

describe('the back office answers nonsense in addresses with a normal page', () => {
	it.each(ID_PAGES)('/de/office/%s with ids that are no ids', async (pattern) => {
		for (const id of NONSENSE_IDS) {
			const path = `/de/office/${pattern.replaceAll('{id}', id)}`;
			const answer = await request.get(`${baseUrl}${path}`, { maxRedirects: 0 });
			await expectHandled(path, answer);
			// Not found, or (the single-card download) back to the list with a message.
			expect([303, 400, 404], path).toContain(answer.status());
		}
	});

	it.each(ODD_QUERIES)('/de/office/$name', async ({ query }) => {
		const path = `/de/office/${query}`;
		await expectHandled(path, await request.get(`${baseUrl}${path}`, { maxRedirects: 0 }));
	});

	it.each(['/de/rsvp/nonsense', '/de/verify-offer/nonsense', `/de/rsvp/${'a'.repeat(43)}`])(
		'%s explains the link is not valid',
		async (path) => {
			const answer = await request.get(`${baseUrl}${path}`);
			await expectHandled(path, answer);
		}
	);
});

describe('the back office answers nonsense in forms with the form and a message', () => {
	it.each([
		[
			'offers/new',
			{
				title: '<b>',
				'date.0.day': '2026-02-30',
				scheduleKind: 'recurring',
				costKind: 'amount',
				costAmount: 'viel',
				organisationId: 'abc'
			}
		],
		['networks/new', { name: '', actionFields: 'nope', coordinatingOrganisationId: '-1' }],
		['contacts/new', { name: 'x'.repeat(5000), email: 'kein@', languages: 'zz' }],
		['organisations/new', { name: '', website: 'javascript:alert(1)', postcode: 'abc' }]
	])('POST /de/office/%s', async (page, fields) => {
		const path = `/de/office/${page}`;
		const answer = await request.post(`${baseUrl}${path}`, {
			form: fields as Record<string, string>,
			headers: { origin: baseUrl, accept: 'text/html' },
			maxRedirects: 0
		});
		await expectHandled(path, answer);
		expect(answer.status(), path).toBe(400);
	});
});
