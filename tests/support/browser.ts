import AxeBuilder from '@axe-core/playwright';
import {
	chromium,
	type Browser,
	type BrowserContext,
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

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_FLAGS
	});
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

/** WCAG 2.1 A and AA violations on the page, as readable lines (empty when none). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
	// Without frames, axe's one-page run checks the same rules on the same nodes as the
	// frame-by-frame run, but skips the blank page that run opens (and injects axe into) to merge
	// the frames' results: half the time of every check. Pages with frames keep the full run.
	const withoutFrames = page.frames().length === 1;
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.setLegacyMode(withoutFrames)
		.analyze();
	return results.violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
				.slice(0, 3)
				.map((node) => node.target.join(' '))
				.join(' | ')}`
	);
}
