import AxeBuilder from '@axe-core/playwright';
import type axe from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, inject } from 'vitest';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserServer,
	type Download,
	type BrowserContextOptions,
	type Page
} from 'playwright-core';

export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage'
];

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The e2e project's one Chromium, started by its global setup (tests/support/server.global.ts):
 * a launch per file cost 1.5–2 s on a busy two-core machine, a connection a tenth of that. Each
 * file's connection has its own contexts, and closing it closes them.
 */
export function launchBrowserServer(): Promise<BrowserServer> {
	return chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/**
 * A download's bytes, read through Playwright's stream: `download.path()` throws on a browser
 * connected to (the shared one), the stream works on both.
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** The shared Chromium where the project provides one, else a Chromium of this file's own. */
export async function launchBrowser(): Promise<Browser> {
	const shared = inject('browserEndpoint');
	if (shared) return chromium.connect(shared);
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/** A context that records the host of every request and every console error (CSP violations too). */
export async function recordingContext(
	browser: Browser,
	options: BrowserContextOptions = {}
): Promise<{ context: BrowserContext; hosts: Set<string>; consoleErrors: string[] }> {
	const context = await browser.newContext({ acceptDownloads: true, ...options });
	const hosts = new Set<string>();
	const consoleErrors: string[] = [];
	context.on('request', (request) => hosts.add(new URL(request.url()).host));
	context.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(message.text());
	});
	context.on('weberror', (error) => consoleErrors.push(error.error().message));
	return { context, hosts, consoleErrors };
}

/**
 * One page for every test of the describe block that calls this, in a context of its own. For
 * tests that each load their own address anyway: a context per test started a renderer process
 * per test, about a second each on a busy two-core machine.
 */
export function pageForBlock(
	browser: () => Browser,
	options: BrowserContextOptions = {}
): () => Page {
	let page: Page | undefined;
	beforeAll(async () => {
		page = await (await browser().newContext(options)).newPage();
	});
	afterAll(async () => {
		await page?.context().close();
	});
	return () => page!;
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The minified build of the axe the builder ships with: the same rules as its `axe.source`, in
 * half the script for the page to parse.
 */
const AXE_SOURCE = readFileSync(
	createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve(
		'axe-core/axe.min.js'
	),
	'utf8'
);

/** WCAG 2.1 A and AA violations on the page, as readable lines (empty when none). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
	const violations =
		page.frames().length === 1
			? await violationsOfOneDocument(page)
			: // Pages with frames keep the builder's frame-by-frame run, which checks each frame.
				(await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations;
	return violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
				.slice(0, 3)
				.map((node) => node.target.join(' '))
				.join(' | ')}`
	);
}

/**
 * The rules AxeBuilder runs on a page without frames, with two costs less per check: axe is
 * injected once per document instead of twice, and only the violations are returned with every
 * node (the passes of a long table alone were a 1.5 MB answer that axe builds and sends).
 */
async function violationsOfOneDocument(page: Page): Promise<axe.Result[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	return page.evaluate(
		async (tags) =>
			(
				await (window as unknown as { axe: typeof axe }).axe.run(document, {
					runOnly: { type: 'tag', values: tags },
					resultTypes: ['violations']
				})
			).violations,
		WCAG_21_AA
	);
}
