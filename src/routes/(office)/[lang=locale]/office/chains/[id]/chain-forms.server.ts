import { isMessageKey, type MessageKey } from '$lib/i18n/messages';
import type { ChainIssue } from '$lib/server/chains/chains.errors';
import { idParam } from '$lib/server/http/route-guards';
import type { FormError } from '$lib/shared/forms/form-error';
import { firstErrorPerInput } from '$lib/shared/forms/form-errors';

/** The ids in a chain page's path, and the chains' issues as messages at their inputs. */

export const chainIdOf = (param: string) => idParam(param, 'office.chains.notFound');

/** `office.chains.error.<code>`, or the general message for a code without its own. */
export function chainErrorKey(code: string): MessageKey {
	const key = `office.chains.error.${code}`;
	return isMessageKey(key) ? key : 'office.chains.error.invalid';
}

/** One message per input; `inputOf` turns an issue's path into the input's id. */
export function chainFormErrors(
	issues: readonly ChainIssue[],
	inputOf: (path: string) => string = (path) => path
): Record<string, FormError> {
	return firstErrorPerInput(issues, (issue) => [
		inputOf(issue.path),
		{ key: chainErrorKey(issue.code), params: issue.params }
	]);
}
