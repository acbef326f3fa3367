import type { z } from 'zod';

/** One problem with an input as the domain names it: the field's dotted path and a short code. */
export interface SchemaIssue {
	path: string;
	code: string;
}

// The house's own rule codes (`negative`, `no_rule`, `reach_range`) are written as messages of
// refinements and checks; zod's own messages are sentences.
const OWN_CODE = /^[a-z][a-z_]*$/;

/** zod's issues with dotted paths; a code of our own where a rule gave one, else zod's code. */
export function schemaIssues(error: z.ZodError): SchemaIssue[] {
	return error.issues.map((issue) => ({
		path: issue.path.join('.'),
		code: issue.code === 'custom' || OWN_CODE.test(issue.message) ? issue.message : issue.code
	}));
}

/** Parses the input or throws the context's validation error built from the issues. */
export function parseWith<S extends z.ZodType>(
	schema: S,
	input: unknown,
	invalid: (issues: SchemaIssue[]) => Error
): z.output<S> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return parsed.data;
	throw invalid(schemaIssues(parsed.error));
}
