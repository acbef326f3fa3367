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
	search: [
		'accounts',
		'action-fields',
		'freshness',
		'offers',
		'organisations',
		'pages',
		'places',
		'translations'
	],
	exchange: ['accounts', 'action-fields', 'offers', 'organisations', 'places', 'search'],
	pages: ['accounts', 'organisations', 'translations'],
	directory: ['accounts', 'action-fields'],
	networks: ['accounts', 'action-fields', 'directory', 'organisations'],
	meetings: ['accounts', 'directory', 'mail', 'networks'],
	minutes: ['accounts', 'action-fields', 'directory', 'mail', 'meetings', 'networks'],
	measures: [
		'accounts',
		'action-fields',
		'directory',
		'freshness',
		'meetings',
		'minutes',
		'networks',
		'offers',
		'organisations',
		'places',
		'translations'
	],
	chains: [
		'accounts',
		'action-fields',
		'measures',
		'meetings',
		'minutes',
		'networks',
		'offers',
		'organisations',
		'places',
		'translations'
	],
	opening: [
		'accounts',
		'action-fields',
		'measures',
		'minutes',
		'organisations',
		'places',
		'translations'
	],
	committees: [
		'accounts',
		'action-fields',
		'directory',
		'mail',
		'offers',
		'organisations',
		'places',
		'translations'
	],
	reports: [
		'accounts',
		'action-fields',
		'committees',
		'freshness',
		'measures',
		'meetings',
		'minutes',
		'networks',
		'offers',
		'organisations',
		'places',
		'translations'
	]
};

const CONTEXTS = Object.keys(ALLOWED_ARROWS);
/**
 * Composition (api, demo, jobs, app.ts), the web adapter (http) and operations (backup) sit above
 * every context.
 */
const ABOVE_CONTEXTS = ['api', 'demo', 'jobs', 'http', 'backup'];

const SEE = 'See the allowed arrows in docs/architecture.md and eslint.boundaries.js.';
/**
 * An import of src/lib/server/<one of names>/…, written relatively or through $lib.
 * @param {string[]} names
 */
const into = (names) => `^(\\$lib/server/|(\\.\\./)+(server/)?)(${names.join('|')})/`;

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
	if (area === 'backup')
		return [
			{
				regex: into(CONTEXTS),
				message: `backup knows no domain: it uses db and config only. ${SEE}`
			},
			aboveContexts
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
	backup: ['src/lib/server/backup/**'],
	routes: ['src/routes/**'],
	...Object.fromEntries(CONTEXTS.map((name) => [name, [`src/lib/server/${name}/**`]])),
	// Composition may use every context, but not another context's repository.
	...Object.fromEntries(['api', 'jobs'].map((name) => [name, [`src/lib/server/${name}/**`]]))
};

/** @param {string} area */
function rulesFor(area) {
	const patterns =
		area === 'api' || area === 'jobs' ? [repositoryOfAnother(area)] : restrictions(area);
	return { 'no-restricted-imports': ['error', { patterns }] };
}

/** Flat-config blocks: one per area. */
export const boundaries = Object.keys(FILES).map((area) => ({
	files: FILES[area],
	rules: rulesFor(area)
}));
