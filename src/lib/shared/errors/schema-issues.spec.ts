import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseWith, schemaIssues } from './schema-issues.js';

describe('schema issues', () => {
	const schema = z
		.object({
			name: z.string().min(1),
			amount: z.number().min(0, { message: 'negative' }),
			parts: z.array(z.object({ day: z.string().regex(/^\d{4}$/) }))
		})
		.refine((value) => value.name !== 'x', { path: ['name'], message: 'reserved' });

	it('names each problem by its dotted path, with our own code where a rule gives one', () => {
		const parsed = schema.safeParse({ name: '', amount: -1, parts: [{ day: 'soon' }] });
		expect(parsed.success).toBe(false);
		expect(schemaIssues(parsed.error!)).toEqual([
			{ path: 'name', code: 'too_small' },
			{ path: 'amount', code: 'negative' },
			{ path: 'parts.0.day', code: 'invalid_format' }
		]);
		expect(schemaIssues(schema.safeParse({ name: 'x', amount: 1, parts: [] }).error!)).toEqual([
			{ path: 'name', code: 'reserved' }
		]);
	});

	it('returns the parsed value or throws the error the caller builds', () => {
		expect(parseWith(z.number(), 3, () => new Error('never'))).toBe(3);
		expect(() =>
			parseWith(z.number(), 'three', (issues) => new Error(issues.map((i) => i.code).join()))
		).toThrow('invalid_type');
	});
});
