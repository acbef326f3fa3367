import type { FieldIssue } from '../../shared/errors/validation-error.js';
import type { FormError } from '../../shared/forms/form-error.js';
import { formList, formText } from '../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../shared/forms/form-errors.js';
import { PAGE_FIELDS, TARGET_LOCALES, type PageForEditing } from './page-editor.service.js';

/**
 * The page editor's form: German inputs `title`, `summary`, `body`; translations `tr.<locale>.<field>`;
 * checkboxes `confirmed` (`<locale>.<field>`); a contact's role translations `role.<locale>`.
 */
const text = (form: FormData, name: string) => formText(form, name);

export interface PageFormValues {
	title: string;
	summary: string;
	body: string;
	translations: Record<string, Record<string, string>>;
	confirmed: string[];
}

export function readPageForm(form: FormData): PageFormValues {
	return {
		title: text(form, 'title'),
		summary: text(form, 'summary'),
		body: text(form, 'body'),
		translations: Object.fromEntries(
			TARGET_LOCALES.map((locale) => [
				locale,
				Object.fromEntries(PAGE_FIELDS.map((field) => [field, text(form, `tr.${locale}.${field}`)]))
			])
		),
		confirmed: formList(form, 'confirmed', { count: 100 })
	};
}

/** The form's values from the stored page, for the first showing. */
export function pageFormValues(page: PageForEditing): PageFormValues {
	return {
		...page.texts,
		translations: Object.fromEntries(
			TARGET_LOCALES.map((locale) => [
				locale,
				Object.fromEntries(
					PAGE_FIELDS.map((field) => [field, page.translations[locale][field].value])
				)
			])
		),
		confirmed: []
	};
}

export function readRolesForm(form: FormData): Record<string, string> {
	return Object.fromEntries(TARGET_LOCALES.map((locale) => [locale, text(form, `role.${locale}`)]));
}

/** One message per input, keyed by the input's name (`translations.ar.title` → `tr.ar.title`). */
export function pageFormErrors(issues: FieldIssue[], prefix = ''): Record<string, FormError> {
	return firstErrorPerInput(issues, (issue) => [
		prefix + issue.path.replace(/^translations\./, 'tr.'),
		issue.code === 'too_big' && issue.limit !== undefined
			? { key: 'office.organisationForm.error.tooLong', params: { max: issue.limit } }
			: issue.code === 'too_small'
				? { key: 'office.organisationForm.error.required' }
				: { key: 'office.organisationForm.error.invalid' }
	]);
}
