import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** Compiling the schema takes seconds on a busy machine: the timeout of a test that does. */
export const SCHEMA_TIMEOUT_MS = 60_000;

/**
 * A check of one service against the official HSDS 3.0 schema (tests/schemas/hsds-3.0,
 * draft 2020-12): the list of problems, empty when the service is valid.
 */
export function hsdsServiceProblems(): (service: unknown) => string[] {
	// Not strict: the compiled schemas carry Open Referral's own keywords (core, constraints, …).
	// Unoptimised code compiles the large schema in a third of the time and checks the same.
	const ajv = new Ajv2020({ strict: false, allErrors: true, code: { optimize: false } });
	addFormats.default(ajv);
	const validate = ajv.compile(
		JSON.parse(readFileSync(resolve('tests/schemas/hsds-3.0/compiled/service.json'), 'utf8'))
	);
	return (service) =>
		validate(JSON.parse(JSON.stringify(service)))
			? []
			: validate.errors!.map((error) => `${error.instancePath} ${error.message}`);
}
