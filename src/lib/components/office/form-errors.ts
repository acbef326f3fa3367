import type { Translate } from '$lib/i18n/messages';
import type { FormError } from '$lib/shared/forms/form-error';

/** The translated message of an input, or null when it has none: for InputField's `error`. */
export function errorTexts(t: Translate, errors: Record<string, FormError>) {
	return (name: string): string | null => {
		const error = errors[name];
		return error ? t(error.key, error.params) : null;
	};
}
