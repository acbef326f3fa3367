import { fail, type ActionFailure } from '@sveltejs/kit';
import type { MessageKey } from '$lib/i18n/messages';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { listFundingSources } from '$lib/server/measures/funding-sources.service';
import { getMeasure } from '$lib/server/measures/measure-detail.service';
import {
	amountOf,
	budgetInputOf,
	measureFormErrors,
	reachInputOf,
	readBudgetForm,
	readMeasureTranslations,
	readReachForm,
	statusInputOf
} from '$lib/server/measures/measure-form';
import {
	addMeasureTask,
	addMilestone,
	linkMeasureOffer,
	removeBudget,
	removeMilestone,
	removeReach,
	setBudget,
	setMilestoneDoneOn,
	setReach
} from '$lib/server/measures/measure-parts.service';
import {
	measureTranslations,
	saveMeasureTranslations
} from '$lib/server/measures/measure-translations.service';
import { MeasureValidationError } from '$lib/server/measures/measures.errors';
import { TARGET_LOCALES } from '$lib/server/measures/concept.schema';
import { changeStatus, recordUpdate, todayForForms } from '$lib/server/measures/measures.service';
import { MEASURE_STATUSES } from '$lib/server/measures/measures.table';
import { MinutesValidationError } from '$lib/server/minutes/minutes.errors';
import { TASK_STATUSES } from '$lib/server/minutes/minutes.table';
import { parseTaskForm, taskValuesFromForm } from '$lib/server/minutes/tasks.schema';
import { ownerOptions } from '$lib/server/minutes/tasks.service';
import { listDeskOffers } from '$lib/server/offers/offer-desk.service';
import type { FormError } from '$lib/shared/forms/form-error';
import { formText, optionalNumberOf, positiveIdOf } from '$lib/shared/forms/form-data';
import type { Actions, PageServerLoad } from './$types';

const measureIdOf = (param: string) => idParam(param, 'office.measures.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	const { db } = locals;
	try {
		const measure = await getMeasure(db, user, measureIdOf(params.id));
		const manage = measure.may.manage
			? {
					fundingSources: await listFundingSources(db, user),
					offers: (await listDeskOffers(db, user))
						.filter((offer) => !measure.offers.some((linked) => linked.id === offer.id))
						.map((offer) => ({ id: offer.id, title: offer.title })),
					owners: await ownerOptions(db, user.districtId, null)
				}
			: null;
		return {
			measure,
			manage,
			// Only public measures appear in the portal, so only they are translated.
			translations: measure.isPublic ? await measureTranslations(db, user, measure.id) : null,
			targetLocales: TARGET_LOCALES,
			statuses: MEASURE_STATUSES,
			taskStatuses: TASK_STATUSES,
			today: todayForForms(),
			amounts: (measure.budget ?? []).map((line) => ({
				planned: amountOf(line.plannedCents, locals.locale),
				spent: amountOf(line.spentCents, locals.locale)
			}))
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

type Part =
	'status' | 'update' | 'milestone' | 'budget' | 'reach' | 'offer' | 'task' | 'translations';

/**
 * Runs one change of the measure; invalid input comes back to the part of the page it was typed
 * in, with what was typed and a message per input.
 */
async function change(
	part: Part,
	values: Record<string, string>,
	work: () => Promise<unknown>
): Promise<
	| ActionFailure<{ part: Part; values: Record<string, string>; errors: Record<string, FormError> }>
	| { saved: Part }
> {
	try {
		await work();
	} catch (failure) {
		if (failure instanceof MeasureValidationError)
			return fail(400, { part, values, errors: measureFormErrors(failure.issues) });
		if (failure instanceof MinutesValidationError)
			return fail(400, { part, values, errors: keyed(failure.issues) });
		rethrowAsHttpError(failure);
	}
	return { saved: part };
}

const keyed = (issues: Record<string, MessageKey>): Record<string, FormError> =>
	Object.fromEntries(Object.entries(issues).map(([input, key]) => [input, { key }]));

const texts = (form: FormData, names: string[]) =>
	Object.fromEntries(names.map((name) => [name, formText(form, name, 5000)]));

export const actions: Actions = {
	status: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = texts(await request.formData(), ['status', 'statusOn', 'statusReason']);
		return change('status', values, () =>
			changeStatus(
				locals.db,
				user,
				measureIdOf(params.id),
				statusInputOf({
					status: values.status!,
					statusOn: values.statusOn!,
					statusReason: values.statusReason!
				})
			)
		);
	},
	update: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = texts(await request.formData(), ['note', 'progress']);
		return change('update', values, () =>
			recordUpdate(locals.db, user, measureIdOf(params.id), {
				note: values.note!,
				progress: optionalNumberOf(values.progress!)
			})
		);
	},
	milestone: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = texts(await request.formData(), ['title', 'dueOn']);
		return change('milestone', values, () =>
			addMilestone(locals.db, user, measureIdOf(params.id), {
				title: values.title!,
				dueOn: values.dueOn!,
				decisionId: null
			})
		);
	},
	milestoneDone: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const doneOn = formText(form, 'doneOn', 20).trim();
		return change('milestone', {}, () =>
			setMilestoneDoneOn(
				locals.db,
				user,
				measureIdOf(params.id),
				positiveIdOf(formText(form, 'milestoneId', 20)) ?? 0,
				doneOn || null
			)
		);
	},
	milestoneDelete: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		return change('milestone', {}, () =>
			removeMilestone(
				locals.db,
				user,
				measureIdOf(params.id),
				positiveIdOf(formText(form, 'milestoneId', 20)) ?? 0
			)
		);
	},
	budget: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readBudgetForm(await request.formData());
		const parsed = budgetInputOf(values, locals.locale);
		if (parsed.errors)
			return fail(400, { part: 'budget' as const, values: { ...values }, errors: parsed.errors });
		return change('budget', { ...values }, () =>
			setBudget(locals.db, user, measureIdOf(params.id), parsed.input)
		);
	},
	budgetRemove: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		return change('budget', {}, () =>
			removeBudget(locals.db, user, measureIdOf(params.id), {
				fundingSourceId: positiveIdOf(formText(form, 'fundingSourceId', 20)) ?? 0,
				year: Number(formText(form, 'year', 10))
			})
		);
	},
	reach: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readReachForm(await request.formData());
		return change('reach', { ...values }, () =>
			setReach(locals.db, user, measureIdOf(params.id), reachInputOf(values))
		);
	},
	reachRemove: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const period = formText(await request.formData(), 'period', 20);
		return change('reach', {}, () => removeReach(locals.db, user, measureIdOf(params.id), period));
	},
	offer: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const offerId = positiveIdOf(formText(form, 'offerId', 20)) ?? 0;
		const linked = formText(form, 'linked', 5) !== 'no';
		return change('offer', {}, () =>
			linkMeasureOffer(locals.db, user, measureIdOf(params.id), offerId, linked)
		);
	},
	translations: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const input = readMeasureTranslations(await request.formData());
		const values = Object.fromEntries(
			Object.entries(input.translations).flatMap(([locale, fields]) =>
				Object.entries(fields).map(([field, value]) => [`tr.${locale}.${field}`, value])
			)
		);
		return change('translations', values, () =>
			saveMeasureTranslations(locals.db, user, measureIdOf(params.id), input)
		);
	},
	task: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = taskValuesFromForm(await request.formData());
		const parsed = parseTaskForm({ ...values, status: 'open' });
		if (parsed.errors)
			return fail(400, {
				part: 'task' as const,
				values: { ...values },
				errors: keyed(parsed.errors)
			});
		return change('task', { ...values }, () =>
			addMeasureTask(locals.db, user, measureIdOf(params.id), parsed.input)
		);
	}
};
