import { z } from 'zod';
import { offerInputSchema } from '../offers/offers.schema.js';
import { committeesQuerySchema } from './committee-schemas.js';
import { apiSchemas, offerQuerySchema, offersQuerySchema } from './schemas.js';

type JsonSchema = Record<string, unknown>;

export interface Operation {
	operationId: string;
	summary: string;
	description?: string;
	parameters?: JsonSchema[];
	responses: Record<string, JsonSchema>;
}

export interface OpenApiDocument {
	openapi: '3.1.0';
	info: { title: string; version: string; description: string };
	servers: { url: string }[];
	paths: Record<string, { get: Operation }>;
	components: { schemas: Record<string, JsonSchema> };
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Component schemas: the registered response shapes, and the offer input (write) format. */
function componentSchemas(): Record<string, JsonSchema> {
	const { schemas } = z.toJSONSchema(apiSchemas, {
		uri: (id) => `#/components/schemas/${id}`,
		// Documented as open objects: clients must ignore fields added later within v1.
		override: ({ jsonSchema }) => {
			delete jsonSchema.additionalProperties;
		}
	});
	const input = z.toJSONSchema(offerInputSchema, { io: 'input' }) as JsonSchema;
	const all: Record<string, JsonSchema> = {
		...(schemas as Record<string, JsonSchema>),
		OfferInput: {
			...input,
			description:
				'An offer as partners and importers write it (German source text only). Not accepted by this read-only API; documented as the exchange format.'
		}
	};
	for (const schema of Object.values(all)) {
		delete schema.$schema;
		delete schema.$id;
	}
	return all;
}

/** Query parameters from a zod object: its field descriptions become the parameters'. */
function queryParameters(shape: z.ZodObject): JsonSchema[] {
	return Object.entries(shape.shape).map(([name, field]) => {
		const { description, ...schema } = z.toJSONSchema(field as z.ZodType, {
			io: 'input'
		}) as JsonSchema;
		delete schema.$schema;
		return {
			name,
			in: 'query',
			required: false,
			...(description ? { description } : {}),
			...(schema.type === 'array' ? { style: 'form', explode: true } : {}),
			schema
		};
	});
}

const json = (schema: JsonSchema, description: string) => ({
	description,
	headers: {
		'Access-Control-Allow-Origin': { schema: { type: 'string', const: '*' } },
		'Cache-Control': { schema: { type: 'string' } }
	},
	content: { 'application/json': { schema } }
});

const failures = {
	'500': json(ref('Error'), 'Unexpected failure.')
};

/** The OpenAPI 3.1 document of the public API; `serverUrl` is where `/api/v1` is reached. */
export function openApiDocument(serverUrl: string): OpenApiDocument {
	return {
		openapi: '3.1.0',
		info: {
			title: 'KITZ offers API',
			version: '1.0.0',
			description:
				'Read-only, public: the published, currently valid integration offers the portal shows, in its languages. No authentication, no cookies. Parameters are read as leniently as in the portal: a value that cannot be used is dropped and reported in `notices`, never an error. Also the public committees and advisory boards, with representation figures in which no count below 5 appears.'
		},
		servers: [{ url: serverUrl }],
		paths: {
			'/offers': {
				get: {
					operationId: 'listOffers',
					summary: 'Search offers',
					description: 'The portal search: filters, radius, sort, 20 results a page, facets.',
					parameters: queryParameters(offersQuerySchema),
					responses: { '200': json(ref('OfferList'), 'One page of results.'), ...failures }
				}
			},
			'/offers/{slug}': {
				get: {
					operationId: 'getOffer',
					summary: 'One offer in detail',
					parameters: [
						{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
						...queryParameters(offerQuerySchema)
					],
					responses: {
						'200': json(ref('OfferResponse'), 'The offer.'),
						'404': json(ref('Error'), 'No published, valid offer has this slug.'),
						...failures
					}
				}
			},
			'/committees': {
				get: {
					operationId: 'listCommittees',
					summary: 'Public committees and advisory boards',
					description:
						'The committees the districts mark public, with vacancies, offers that prepare for them and representation figures per term. Every count below 5 reads `fewer_than_5`.',
					parameters: queryParameters(committeesQuerySchema),
					responses: {
						'200': json(ref('CommitteeList'), 'The public committees.'),
						...failures
					}
				}
			},
			'/openapi.json': {
				get: {
					operationId: 'getOpenApi',
					summary: 'This document',
					responses: {
						'200': json({ type: 'object' }, 'The OpenAPI 3.1 document.')
					}
				}
			}
		},
		components: { schemas: componentSchemas() }
	};
}
