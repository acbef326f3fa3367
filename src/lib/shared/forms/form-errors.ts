import type { FormError } from './form-error.js';

/**
 * The domain's validation issues as one message per input: `place` names the input and the
 * catalogue key for an issue (or null to show it nowhere); the first issue for an input wins.
 * Messages already in `errors` (e.g. a form's own row checks) stay.
 */
export function firstErrorPerInput<I>(
	issues: readonly I[],
	place: (issue: I) => [string, FormError] | null,
	errors: Record<string, FormError> = {}
): Record<string, FormError> {
	for (const issue of issues) {
		const placed = place(issue);
		if (placed && !errors[placed[0]]) errors[placed[0]] = placed[1];
	}
	return errors;
}
