import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eApp } from '../support/e2e-app.js';
import { launchBrowser } from '../support/browser.js';

const baseUrl = e2eApp().baseUrl;
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser.close();
});

interface FocusRing {
	element: string;
	inHeader: boolean;
	/** The lowest contrast of the ring against what is drawn behind it, along its four sides. */
	contrast: number;
}

/**
 * The focused element's outline colour against the first opaque background under the middle of
 * each side of the ring (what the eye sees there: the dark header behind the skip link too).
 */
async function focusRing(page: Page): Promise<FocusRing | null> {
	return page.evaluate(() => {
		const focused = document.activeElement;
		if (!(focused instanceof HTMLElement) || focused === document.body) return null;
		const style = getComputedStyle(focused);
		const parse = (colour: string) => {
			const [r, g, b, a = 1] = colour.match(/[\d.]+/g)!.map(Number);
			return { rgb: [r!, g!, b!], alpha: a };
		};
		const luminance = (rgb: number[]) => {
			const [r, g, b] = rgb.map((value) => {
				const channel = value / 255;
				return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
			});
			return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
		};
		const ratio = (a: number[], b: number[]) => {
			const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
			return (light! + 0.05) / (dark! + 0.05);
		};
		const width = parseFloat(style.outlineWidth);
		const name = `${focused.tagName.toLowerCase()} "${(focused.textContent ?? '').trim().slice(0, 30)}"`;
		if (style.outlineStyle === 'none' || width === 0)
			return { element: name, inHeader: false, contrast: 0 };
		const ring = parse(style.outlineColor).rgb;
		const middle = parseFloat(style.outlineOffset) + width / 2;
		const box = focused.getBoundingClientRect();
		const points = [
			[box.left - middle, box.top + box.height / 2],
			[box.right + middle, box.top + box.height / 2],
			[box.left + box.width / 2, box.top - middle],
			[box.left + box.width / 2, box.bottom + middle]
		];
		const behind = (x: number, y: number): number[] => {
			for (const element of document.elementsFromPoint(x, y)) {
				// A ring drawn outside the element lies on what surrounds it, not on the element.
				if (middle > 0 && focused.contains(element)) continue;
				const background = parse(getComputedStyle(element).backgroundColor);
				if (background.alpha > 0) return background.rgb;
			}
			return [255, 255, 255];
		};
		const contrast = Math.min(...points.map(([x, y]) => ratio(ring, behind(x!, y!))));
		return { element: name, inHeader: Boolean(focused.closest('.site-header, .skip')), contrast };
	});
}

/** Every focus stop a keyboard user meets on the page, from the skip link onwards. */
async function focusStops(page: Page, limit: number): Promise<FocusRing[]> {
	const stops: FocusRing[] = [];
	for (let step = 0; step < limit; step++) {
		await page.keyboard.press('Tab');
		const ring = await focusRing(page);
		if (!ring) break;
		stops.push(ring);
	}
	return stops;
}

describe.each(['de', 'ar'])('the focus ring in %s', (locale) => {
	it.each(['', '/search?q=beratung', '/kitz'])(
		'stands out 3:1 in the header, navigation and page of %s',
		async (path) => {
			const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
			const page = await context.newPage();
			await page.goto(`${baseUrl}/${locale}${path}`);
			const stops = await focusStops(page, 40);
			expect(stops.filter((stop) => stop.inHeader).length).toBeGreaterThanOrEqual(5);
			const weak = stops.filter((stop) => stop.contrast < 3);
			expect(weak.map((stop) => `${stop.element}: ${stop.contrast.toFixed(2)}:1`)).toEqual([]);
			await context.close();
		}
	);

	it('stands out 3:1 in the open language menu', async () => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		await page.goto(`${baseUrl}/${locale}`);
		await page.locator('.language-switch summary').focus();
		await page.keyboard.press('Enter');
		const stops = await focusStops(page, 8);
		expect(stops.some((stop) => stop.element.startsWith('a'))).toBe(true);
		const weak = stops.filter((stop) => stop.contrast < 3);
		expect(weak.map((stop) => `${stop.element}: ${stop.contrast.toFixed(2)}:1`)).toEqual([]);
		await context.close();
	});
});
