import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { openDatabase } from '../../src/lib/server/db/database.js';
import { createMeasure } from '../../src/lib/server/measures/measures.service.js';
import { factoryEditor } from '../factories/account.factory.js';
import { launchBrowser } from '../support/browser.js';
import { demoDistrict } from '../support/demo.js';

const baseUrl = e2eApp().baseUrl;
const offerPath = '/offers/integrationskurs-in-kappeln-a1-bis-b1-1';
let browser: Browser;

/** A public measure whose German status note ends in a parenthesis and a full stop. */
async function addStoppedMeasure(): Promise<void> {
	const database = openDatabase(e2eApp().databaseUrl);
	try {
		const db = database.db;
		const district = await demoDistrict(db);
		await createMeasure(
			db,
			await factoryEditor(db, district.id),
			{
				title: 'Elternlotsen',
				description: '',
				actionFields: ['health'],
				goalIds: [],
				leadOrganisationId: null,
				partnerOrganisationIds: [],
				responsibleContactId: null,
				startsOn: '2026-01-15',
				endsOn: null,
				progressMode: 'milestones',
				isPublic: true,
				links: [],
				decisionId: null
			},
			{ status: 'stopped', statusOn: '2026-06-30', reason: 'Pause (Elternzeit).' }
		);
	} finally {
		await database.close();
	}
}

beforeAll(async () => {
	await addStoppedMeasure();
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

interface Glyph {
	char: string;
	left: number;
	right: number;
	top: number;
}

/**
 * Where each visible character of the first match of `pattern` (spaces match any whitespace)
 * inside the first element matching `selector` that holds it is drawn, in logical order: the
 * rendered visual order, not the DOM's.
 */
async function glyphs(page: Page, selector: string, pattern: string): Promise<Glyph[]> {
	return page.evaluate(
		({ selector, pattern }) => {
			const source = pattern
				.split(' ')
				.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
				.join('\\s+');
			const roots = [...document.querySelectorAll(selector)];
			const root =
				roots.find((element) => new RegExp(source).test(element.textContent ?? '')) ?? roots[0];
			if (!root) throw new Error(`${selector} is missing`);
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			const nodes: { node: Text; start: number }[] = [];
			let text = '';
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				nodes.push({ node: node as Text, start: text.length });
				text += node.textContent;
			}
			const match = new RegExp(source).exec(text);
			if (!match) throw new Error(`"${pattern}" is not in ${selector}: ${text}`);
			const found: Glyph[] = [];
			for (let index = match.index; index < match.index + match[0].length; index++) {
				if (/\s/.test(text[index]!)) continue;
				const owner = nodes.findLast((entry) => entry.start <= index)!;
				const range = document.createRange();
				range.setStart(owner.node, index - owner.start);
				range.setEnd(owner.node, index - owner.start + 1);
				const box = range.getBoundingClientRect();
				found.push({ char: text[index]!, left: box.left, right: box.right, top: box.top });
			}
			return found;
		},
		{ selector, pattern }
	);
}

/** True when the fragment reads left to right on one line, as it is written. */
function drawnLeftToRight(drawn: Glyph[]): boolean {
	return drawn.every(
		(glyph, index) =>
			index === 0 ||
			(Math.abs(glyph.top - drawn[index - 1]!.top) < 4 && glyph.left >= drawn[index - 1]!.left)
	);
}

/** True when the parentheses of `(name)` are drawn on both sides of the name, enclosing it. */
function enclosedInParentheses(drawn: Glyph[]): boolean {
	const parentheses = drawn.filter((glyph) => '()'.includes(glyph.char));
	const name = drawn.filter((glyph) => !'()'.includes(glyph.char));
	return (
		parentheses.length === 2 &&
		Math.min(...parentheses.map((glyph) => glyph.right)) <=
			Math.min(...name.map((glyph) => glyph.left)) + 1 &&
		Math.max(...parentheses.map((glyph) => glyph.left)) >=
			Math.max(...name.map((glyph) => glyph.right)) - 1
	);
}

describe.each(['ar', 'fa'])('left-to-right fragments in a right-to-left page (%s)', (locale) => {
	describe.each(['screen', 'print'] as const)('on %s', (media) => {
		async function open(path: string): Promise<Page> {
			const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
			const page = await context.newPage();
			await page.goto(`${baseUrl}/${locale}${path}`);
			await page.emulateMedia({ media });
			return page;
		}

		it('keeps the phone number, postcode and German cost note of an offer in order', async () => {
			const page = await open(offerPath);
			const phone = await glyphs(page, '[aria-labelledby=contact-heading]', '04642 00 2210');
			expect(drawnLeftToRight(phone), 'phone 04642 00 2210').toBe(true);
			const place = await glyphs(page, 'address', '24376 Kappeln');
			expect(drawnLeftToRight(place), 'postcode before place').toBe(true);
			const street = await glyphs(page, 'address', 'Schulstraße 4');
			expect(drawnLeftToRight(street), 'street and number').toBe(true);
			// The dash opens the German note: drawn right before its first word, not after its last.
			const note = await glyphs(page, '.facts', '– pro');
			expect(drawnLeftToRight(note), 'dash before "pro"').toBe(true);
			// A time range is one fragment: the start is drawn left of the end, as in a German letter.
			const times = await glyphs(page, '.dates', '08:30–12:15');
			expect(drawnLeftToRight(times), 'times 08:30–12:15').toBe(true);
			await page.context().close();
		});

		it('keeps the office address of the KITZ page in order', async () => {
			const page = await open('/kitz');
			const street = await glyphs(page, 'address', 'Flensburger Straße 7');
			expect(drawnLeftToRight(street), 'street and number').toBe(true);
			const place = await glyphs(page, 'address', '24837 Schleswig');
			expect(drawnLeftToRight(place), 'postcode before place').toBe(true);
			if (media === 'screen') {
				const licence = await glyphs(page, '.site-footer', '(CC BY 4.0)');
				expect(enclosedInParentheses(licence), 'footer (CC BY 4.0)').toBe(true);
			}
			await page.context().close();
		});

		it('keeps a German status note of a public measure in order, its full stop at its end', async () => {
			const page = await open('/measures');
			const note = await glyphs(page, 'main', 'Pause (Elternzeit).');
			expect(drawnLeftToRight(note), 'Pause (Elternzeit).').toBe(true);
			const title = await glyphs(page, 'main h3', 'Elternlotsen');
			expect(drawnLeftToRight(title), 'German title').toBe(true);
			await page.context().close();
		});

		it('puts the parentheses around the district name of a search result', async () => {
			const page = await open('/search?q=integrationskurs&near=Kappeln&radius=10');
			const district = await glyphs(page, '.card .district', '(Kreis Schleswig-Flensburg)');
			expect(enclosedInParentheses(district), '(Kreis Schleswig-Flensburg)').toBe(true);
			const name = district.filter((glyph) => !'()'.includes(glyph.char));
			expect(drawnLeftToRight(name), 'Kreis Schleswig-Flensburg').toBe(true);
			await page.context().close();
		});
	});
});
