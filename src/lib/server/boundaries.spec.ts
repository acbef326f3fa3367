import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_ARROWS } from '../../../eslint.boundaries.js';

// The lint rule must keep failing on forbidden imports, or the arrows would silently stop holding.
let eslint: ESLint;
beforeAll(() => {
	eslint = new ESLint({ cwd: process.cwd() });
});

async function restricted(filePath: string, specifier: string): Promise<string[]> {
	const [result] = await eslint.lintText(
		`import { x } from '${specifier}';\nexport const y = x;\n`,
		{
			filePath
		}
	);
	return result!.messages
		.filter((message) => message.ruleId === 'no-restricted-imports')
		.map((message) => message.message);
}

describe('architecture boundaries', { timeout: 120_000 }, () => {
	it.each([
		[
			'a lower context importing a higher one',
			'directory/fixture.ts',
			'../networks/network-access.js'
		],
		['organisations importing offers', 'organisations/fixture.ts', '../offers/offers.service.js'],
		['offers importing search', 'offers/offers.service.ts', '../search/search.service.js'],
		[
			'another context’s repository',
			'offers/fixture.ts',
			'../organisations/organisations.repository.js'
		],
		['another context’s table', 'pages/fixture.ts', '../organisations/organisations.table.js'],
		['a context importing the web adapter', 'offers/fixture.ts', '../http/route-guards.js'],
		['a context importing the composition', 'minutes/fixture.ts', '../app.js'],
		['db importing a context’s service', 'db/fixture.ts', '../offers/offers.service.js'],
		['backup importing a context', 'backup/fixture.ts', '../accounts/secret-box.js'],
		['a context importing backup', 'offers/fixture.ts', '../backup/backup.js'],
		[
			'the shared layer importing the server',
			'../shared/text/fixture.ts',
			'$lib/server/db/schema.js'
		]
	])('fails on %s', async (_case, file, specifier) => {
		expect(await restricted(`src/lib/server/${file}`, specifier)).toHaveLength(1);
	});

	it('fails on a route importing a repository', async () => {
		const route = 'src/routes/(portal)/[lang=locale]/fixture/+page.server.ts';
		expect(await restricted(route, '$lib/server/places/places.repository')).toHaveLength(1);
	});

	it.each([
		['offers/fixture.ts', '../organisations/organisations.schema.js'],
		['offers/fixture.ts', './offers.repository.js'],
		['db/fixture.ts', '../offers/offers.table.js'],
		['jobs/fixture.ts', '../backup/scheduled-backup.js'],
		['minutes/fixture.ts', '../directory/directory-access.js'],
		['demo/fixture.ts', '../pages/pages.repository.js']
	])('lets %s import %s', async (file, specifier) => {
		expect(await restricted(`src/lib/server/${file}`, specifier)).toEqual([]);
	});

	it('draws the same arrows in docs/architecture.md', () => {
		const doc = readFileSync('docs/architecture.md', 'utf8');
		for (const [from, to] of Object.entries(ALLOWED_ARROWS))
			expect(doc).toContain(`\`${from}\` → ${to.length ? to.join(', ') : '(none)'}\n`);
	});
});
