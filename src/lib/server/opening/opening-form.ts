import type { MessageKey } from '../../i18n/messages.js';
import type { FormError } from '../../shared/forms/form-error.js';
import { formText, positiveIdOf } from '../../shared/forms/form-data.js';
import { firstErrorPerInput } from '../../shared/forms/form-errors.js';
import type { OpeningIssue } from './opening.errors.js';
import type { ActionInput, Answer, InstrumentContent, UnitInput } from './opening.schema.js';
import type { UnitKind } from './opening.table.js';

/** The back office's opening forms as plain values, shown again as typed on errors. */

export interface UnitFormValues {
	kind: string;
	name: string;
	organisationId: string;
}

export const emptyUnitForm = (): UnitFormValues => ({
	kind: 'administration',
	name: '',
	organisationId: ''
});

export const readUnitForm = (form: FormData): UnitFormValues => ({
	kind: formText(form, 'kind', 30),
	name: formText(form, 'name', 1000),
	organisationId: formText(form, 'organisationId', 20)
});

export const unitInputOf = (values: UnitFormValues): UnitInput => ({
	kind: values.kind as UnitKind,
	name: values.name,
	organisationId: positiveIdOf(values.organisationId)
});

/** An item's answer as typed: a level (`0`…), `na` for "not applicable", or empty; a comment. */
export type AnswerFormValues = Record<string, { level: string; comment: string }>;

export const answerFormValues = (answers: readonly Answer[]): AnswerFormValues =>
	Object.fromEntries(
		answers.map((answer) => [
			answer.itemKey,
			{
				level: answer.notApplicable ? 'na' : answer.level === null ? '' : String(answer.level),
				comment: answer.comment
			}
		])
	);

/** The answers to the round's items; anything else in the form is ignored. */
export function readAnswerForm(form: FormData, content: InstrumentContent): AnswerFormValues {
	return Object.fromEntries(
		content.dimensions.flatMap((dimension) =>
			dimension.items.map((item) => [
				item.key,
				{
					level: formText(form, `level-${item.key}`, 10),
					comment: formText(form, `comment-${item.key}`, 5000)
				}
			])
		)
	);
}

/** A level that is not a whole number is sent as too high, so it gets the scale's message. */
export const answersOf = (values: AnswerFormValues): Answer[] =>
	Object.entries(values).map(([itemKey, value]) => ({
		itemKey,
		level:
			value.level === '' || value.level === 'na'
				? null
				: /^\d$/.test(value.level)
					? Number(value.level)
					: 99,
		notApplicable: value.level === 'na',
		comment: value.comment
	}));

export interface ActionFormValues {
	what: string;
	who: string;
	organisationId: string;
	dueOn: string;
}

export const emptyActionForm = (): ActionFormValues => ({
	what: '',
	who: '',
	organisationId: '',
	dueOn: ''
});

export const readActionForm = (form: FormData): ActionFormValues => ({
	what: formText(form, 'what', 1000),
	who: formText(form, 'who', 1000),
	organisationId: formText(form, 'organisationId', 20),
	dueOn: formText(form, 'dueOn', 20).trim()
});

export const actionInputOf = (values: ActionFormValues): ActionInput => ({
	what: values.what,
	who: values.who,
	organisationId: positiveIdOf(values.organisationId),
	dueOn: values.dueOn || null
});

/** The instrument form's names: `scale.0.label.de`, `dimensions.2.items.1.text.en`, … */
export function readInstrumentForm(form: FormData, current: InstrumentContent): InstrumentContent {
	const text = (name: string) => ({
		de: formText(form, `${name}.de`, 5000),
		en: formText(form, `${name}.en`, 5000)
	});
	return {
		scale: current.scale.map((step, index) => ({
			level: step.level,
			label: text(`scale.${index}.label`),
			description: text(`scale.${index}.description`)
		})),
		dimensions: current.dimensions.map((dimension, d) => {
			const added = text(`dimensions.${d}.new`);
			const items = dimension.items.map((item, i) => ({
				key: item.key,
				text: text(`dimensions.${d}.items.${i}.text`)
			}));
			// A new item is added when either language is filled in; its key stays for good.
			if (added.de.trim() || added.en.trim())
				items.push({ key: freeKey(current, dimension.key), text: added });
			return { key: dimension.key, title: text(`dimensions.${d}.title`), items };
		})
	};
}

function freeKey(content: InstrumentContent, prefix: string): string {
	const used = new Set(content.dimensions.flatMap((d) => d.items.map((item) => item.key)));
	for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** An input's id from its name: dots are awkward in `#…` links and selectors. */
export const inputIdOf = (name: string): string => name.replace(/\./g, '-');

const CODES = [
	'too_small',
	'too_big',
	'unknown',
	'level',
	'level_and_na',
	'missing',
	'comment_length',
	'who',
	'day',
	'organisation',
	'two_rounds',
	'already_measure',
	'already_task',
	'task_owner',
	'task_due',
	'invalid_value'
] as const;
type Code = (typeof CODES)[number];
const isCode = (code: string): code is Code => (CODES as readonly string[]).includes(code);

/** An added item's text is typed into the dimension's "new item" inputs. */
function newItemInput(path: string, content?: InstrumentContent): string {
	const item = /^dimensions\.(\d+)\.items\.(\d+)\.text\.(de|en)$/.exec(path);
	const count = item ? content?.dimensions[Number(item[1])]?.items.length : undefined;
	if (item && count !== undefined && Number(item[2]) >= count)
		return inputIdOf(`dimensions.${item[1]}.new.${item[3]}`);
	return inputIdOf(path);
}

/**
 * Each input's first problem as a catalogue key. An item's problem shows at its group of levels
 * (`item-<key>`), naming the item, so the summary at the top lists every item still missing.
 * A new item that is too short shows at the language that was left empty.
 */
export function openingFormErrors(
	issues: readonly OpeningIssue[],
	content?: InstrumentContent,
	language: 'de' | 'en' = 'de'
): Record<string, FormError> {
	const items = new Map(
		content?.dimensions.flatMap((d) => d.items.map((item) => [item.key, item.text[language]])) ?? []
	);
	return firstErrorPerInput(issues, (issue) => {
		const key: MessageKey = isCode(issue.code)
			? `office.opening.error.${issue.code}`
			: 'office.opening.error.invalid';
		const rating = /^rating\.(.+)$/.exec(issue.path);
		if (rating)
			return [
				`item-${rating[1]}`,
				{ key, params: { ...issue.params, item: items.get(rating[1]!) ?? rating[1]! } }
			];
		return [
			newItemInput(issue.path, content),
			{ key, ...(issue.params ? { params: issue.params } : {}) }
		];
	});
}
