import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/locales.js';
import { TARGET_GROUPS } from '../offers/offers.schema.js';
import { DELIVERY_LANGUAGES } from '../organisations/organisations.schema.js';
import { ACTION_FIELDS } from '../action-fields/action-fields.js';
import { parseSearchParams, RADII_KM, SORTS } from '../search/search.schema.js';
import { openApiDocument } from './openapi.js';

const document = openApiDocument('https://angebote.example.de/api/v1');

/** Every `$ref` anywhere in a JSON value. */
function refsIn(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(refsIn);
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([key, inner]) =>
			key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner)
		);
	return [];
}

function resolvePointer(root: unknown, pointer: string): unknown {
	return pointer
		.replace(/^#\//, '')
		.split('/')
		.map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
		.reduce<unknown>(
			(node, part) =>
				node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
			root
		);
}

describe('OpenAPI document', () => {
	it('is OpenAPI 3.1 with info and a server', () => {
		expect(document.openapi).toBe('3.1.0');
		expect(document.info.title).toBeTruthy();
		expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
		expect(document.servers[0]?.url).toBe('https://angebote.example.de/api/v1');
		expect(JSON.parse(JSON.stringify(document))).toEqual(document);
	});

	it('resolves every $ref inside the document', () => {
		const refs = refsIn(document);
		expect(refs.length).toBeGreaterThan(5);
		for (const pointer of refs) {
			expect(pointer, pointer).toMatch(/^#\//);
			expect(resolvePointer(document, pointer), pointer).toBeTypeOf('object');
		}
	});

	it('gives every operation an id, responses and a 200 with JSON', () => {
		const operationIds = new Set<string>();
		for (const [path, item] of Object.entries(document.paths)) {
			for (const [method, operation] of Object.entries(item)) {
				expect(method).toBe('get');
				expect(operation.operationId, path).toBeTruthy();
				operationIds.add(operation.operationId);
				const responses = operation.responses as Record<string, { content?: object }>;
				expect(Object.keys(responses).length, path).toBeGreaterThan(0);
				expect(responses['200']?.content, path).toHaveProperty(['application/json']);
			}
			for (const name of path.match(/\{(\w+)\}/g) ?? []) {
				const parameters = item.get.parameters;
				expect(parameters).toContainEqual(
					expect.objectContaining({ name: name.slice(1, -1), in: 'path' })
				);
			}
		}
		expect(operationIds.size).toBe(Object.keys(document.paths).length);
	});

	it('documents the response shapes and the offer input format as components', () => {
		const schemas = document.components.schemas;
		for (const id of ['OfferList', 'OfferSummary', 'OfferResponse', 'LocalizedText', 'Notice'])
			expect(schemas[id], id).toHaveProperty('type', 'object');
		expect(schemas.OfferInput).toHaveProperty('type', 'object');
		expect(schemas.OfferInput).toHaveProperty(['properties', 'actionFields']);
		for (const schema of Object.values(schemas)) expect(schema).not.toHaveProperty('$schema');
	});

	it('lists the portal search parameters and lang', () => {
		const parameters = document.paths['/offers']!.get.parameters as { name: string }[];
		expect(parameters.map((parameter) => parameter.name).sort()).toEqual(
			[
				'q',
				'field',
				'language',
				'group',
				'free',
				'online',
				'district',
				'near',
				'radius',
				'sort',
				'page',
				'lang'
			].sort()
		);
	});
});

describe('documented parameter values', () => {
	// Drift check: what the document calls valid, the portal's parser takes without a notice.
	it.each([
		...ACTION_FIELDS.map((value) => `field=${value}`),
		...DELIVERY_LANGUAGES.map((value) => `language=${value}`),
		...TARGET_GROUPS.map((value) => `group=${value}`),
		...SORTS.map((value) => `sort=${value}`),
		...RADII_KM.map((value) => `near=Kappeln&radius=${value}`),
		'free=1&online=1&page=10000&q=Deutsch'
	])('%s is accepted as documented', (query) => {
		expect(parseSearchParams(new URLSearchParams(query)).notices).toEqual([]);
	});

	it('documents exactly the enumerations the parser knows', () => {
		const parameters = document.paths['/offers']!.get.parameters as {
			name: string;
			schema: { enum?: unknown[]; items?: { enum?: unknown[] }; default?: unknown };
		}[];
		const byName = new Map(parameters.map((parameter) => [parameter.name, parameter.schema]));
		expect(byName.get('field')?.items?.enum).toEqual([...ACTION_FIELDS]);
		expect(byName.get('language')?.items?.enum).toEqual([...DELIVERY_LANGUAGES]);
		expect(byName.get('group')?.items?.enum).toEqual([...TARGET_GROUPS]);
		expect(byName.get('sort')?.enum).toEqual([...SORTS]);
		expect(byName.get('radius')?.enum).toEqual([...RADII_KM]);
		expect(byName.get('lang')?.enum).toEqual([...LOCALES]);
		expect(byName.get('lang')?.default).toBe('de');
	});
});
