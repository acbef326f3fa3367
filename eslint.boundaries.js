/**
 * The architecture's arrows, enforced by ESLint's own `no-restricted-imports` (see
 * docs/architecture.md, "Layers"). This file is the one place where they are written down:
 * eslint.config.js applies them and boundaries.spec.ts proves that a forbidden import fails.
 */

/**
 * Which contexts each context may import (besides the shared layer, i18n and db).
 * @type {Record<string, string[]>}
 */
export const ALLOWED_ARROWS = {
	'action-fields': [],
	places: [],
	translations: [],
	mail: [],
	accounts: ['mail'],
	organisations: ['accounts', 'places', 'translations'],
	offers: ['accounts', 'action-fields', 'mail', 'organisations', 'places', 'translations'],
	freshness: ['accounts', 'mail', 'offers'],
	search: ['action-fields', 'offers', 'places', 'translations'],
	exchange: ['accounts', 'action-fields', 'offers', 'organisations', 'places', 'search'],
	reports: ['accounts', 'action-fields', 'freshness', 'offers', 'translations'],
	pages: ['accounts', 'organisations', 'translations'],
	directory: ['accounts', 'action-fields'],
	networks: ['accounts', 'action-fields', 'directory', 'organisations'],
	meetings: ['accounts', 'directory', 'mail', 'networks'],
	minutes: ['accounts', 'action-fields', 'directory', 'mail', 'meetings', 'networks']
};

const CONTEXTS = Object.keys(ALLOWED_ARROWS);
/** Composition (api, demo, jobs, app.ts) and the web adapter (http) sit above every context. */
const ABOVE_CONTEXTS = ['api', 'demo', 'jobs', 'http'];

/**
 * Imports that break a rule today and are being cut (issue 9); the list only shrinks.
 * file → the exact import specifiers it may still use.
 * @type {Record<string, string[]>}
 */
export const KNOWN_DEBTS = {
	// OfferIssue is shared through offers.errors until the error model moves it (issue 9 point 5).
	'src/lib/server/organisations/organisations.schema.ts': ['../offers/offers.errors.js'],
	'src/lib/server/organisations/organisations.errors.ts': ['../offers/offers.errors.js'],
	'src/lib/server/organisations/organisation-form.ts': ['../offers/offers.errors.js'],
	'src/lib/server/pages/page-form.ts': ['../offers/offers.errors.js'],
	'src/lib/server/pages/pages.errors.ts': ['../offers/offers.errors.js'],
	// Recurrence moves to shared/time (issue 9 point 1).
	'src/lib/server/meetings/meetings.service.ts': ['../offers/schedule.js'],
	// The file readers throw the import's error and know its size limit.
	'src/lib/shared/files/csv.ts': ['../../server/exchange/problems.js'],
	'src/lib/shared/files/csv.spec.ts': ['../../server/exchange/problems.js'],
	'src/lib/shared/files/xlsx.ts': [
		'../../server/exchange/limits.js',
		'../../server/exchange/problems.js'
	],
	'src/lib/shared/files/zip-guard.spec.ts': [
		'../../server/exchange/limits.js',
		'../../server/exchange/problems.js'
	],
	// Routes reach the database through services once they are thin (issue 9 point 4).
	'src/routes/(office)/[lang=locale]/office/+page.server.ts': [
		'$lib/server/organisations/organisations.repository'
	],
	'src/routes/(office)/[lang=locale]/office/invite/+page.server.ts': [
		'$lib/server/organisations/organisations.repository'
	],
	'src/routes/(portal)/[lang=locale]/+layout.server.ts': ['$lib/server/places/places.repository']
};

const SEE = 'See the allowed arrows in docs/architecture.md and eslint.boundaries.js.';
/**
 * An import of src/lib/server/<one of names>/…, written relatively or through $lib.
 * @param {string[]} names
 */
const into = (names) => `^(\\$lib/server/|(\\.\\./)+(server/)?)(${names.join('|')})/`;
/** @param {string} text */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @param {string} self */
const repositoryOfAnother = (self) => ({
	regex: `${into(CONTEXTS.filter((name) => name !== self))}[^/]*\\.(repository|table)(\\.js)?$`,
	message: `Another context's repository or table is private to it: call its service (tables via db/schema). ${SEE}`
});
const aboveContexts = {
	regex: `${into(ABOVE_CONTEXTS)}|^(\\$lib/server/|(\\.\\./)+)app(\\.js)?$`,
	message: `Contexts sit below api, demo, jobs, http and app.ts. ${SEE}`
};

/**
 * The restrictions for the files of one area.
 * @param {string} area
 * @returns {{ regex: string, message: string }[]}
 */
function restrictions(area) {
	if (area === 'shared')
		return [
			{
				regex: '^\\$lib/server/|(^|/)server/',
				message: `The shared layer knows no domain: it imports nothing from src/lib/server. ${SEE}`
			}
		];
	if (area === 'db')
		return [
			{
				regex: `${into(CONTEXTS)}(?![^/]*\\.table(\\.js)?$)`,
				message: `db imports only the contexts' *.table.ts files. ${SEE}`
			},
			aboveContexts
		];
	if (area === 'routes')
		return [
			{
				regex: '\\.repository(\\.js)?$',
				message: `Routes call services, never repositories. ${SEE}`
			}
		];
	const forbidden = CONTEXTS.filter(
		(name) => name !== area && !ALLOWED_ARROWS[area]?.includes(name)
	);
	return [
		...(forbidden.length
			? [
					{
						regex: into(forbidden),
						message: `${area} may not depend on this context. ${SEE}`
					}
				]
			: []),
		repositoryOfAnother(area),
		aboveContexts
	];
}

/** @type {Record<string, string[]>} */
const FILES = {
	shared: ['src/lib/shared/**'],
	db: ['src/lib/server/db/**'],
	routes: ['src/routes/**'],
	...Object.fromEntries(CONTEXTS.map((name) => [name, [`src/lib/server/${name}/**`]])),
	// Composition may use every context, but not another context's repository.
	...Object.fromEntries(['api', 'jobs'].map((name) => [name, [`src/lib/server/${name}/**`]]))
};

/**
 * @param {string} area
 * @param {string[]} debts exact specifiers let through
 */
function rulesFor(area, debts = []) {
	let patterns =
		area === 'api' || area === 'jobs' ? [repositoryOfAnother(area)] : restrictions(area);
	if (debts.length) {
		const through = `^(?!(${debts.map(escape).join('|')})$).*?`;
		patterns = patterns.map((pattern) => ({ ...pattern, regex: `${through}(?:${pattern.regex})` }));
	}
	return { 'no-restricted-imports': ['error', { patterns }] };
}

/**
 * @param {string} file
 * @returns {string}
 */
function areaOf(file) {
	const area = Object.entries(FILES).find(([, [glob = '']]) => file.startsWith(glob.slice(0, -2)));
	if (!area) throw new Error(`${file} lies in no area of eslint.boundaries.js`);
	return area[0];
}

/** Flat-config blocks: one per area, then one per file with known debts (later blocks win). */
export const boundaries = [
	...Object.keys(FILES).map((area) => ({ files: FILES[area], rules: rulesFor(area) })),
	...Object.entries(KNOWN_DEBTS).map(([file, debts]) => ({
		// Brackets and parentheses in route folders are literal here, not glob syntax.
		files: [file.replace(/[[\]()]/g, '\\$&')],
		rules: rulesFor(areaOf(file), debts)
	}))
];
