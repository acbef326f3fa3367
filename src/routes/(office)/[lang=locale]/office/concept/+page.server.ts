import { fail, redirect } from '@sveltejs/kit';
import { ACTION_FIELDS } from '$lib/server/action-fields/action-fields';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { requireUser } from '$lib/server/http/route-guards';
import { canEditConcept } from '$lib/server/measures/concept-access';
import {
	conceptFormErrors,
	goalInputOf,
	readGoalForm,
	readVersionForm,
	versionInputOf
} from '$lib/server/measures/concept-form';
import { ConceptValidationError } from '$lib/server/measures/concept.errors';
import {
	createConceptVersion,
	listConceptVersions,
	updateConceptVersion
} from '$lib/server/measures/concept.service';
import { createGoal, goalsOfVersion } from '$lib/server/measures/goals.service';
import { TARGET_LOCALES } from '$lib/server/measures/concept.schema';
import type { Actions, PageServerLoad } from './$types';

/** The chosen version (`?version=`), else the current one, else the newest. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const versions = await listConceptVersions(locals.db, user);
		const wanted = Number(url.searchParams.get('version'));
		const version =
			versions.find((candidate) => candidate.id === wanted) ??
			versions.find((candidate) => candidate.current) ??
			versions[0] ??
			null;
		return {
			versions,
			version,
			fields: version ? await goalsOfVersion(locals.db, user, version.id, locals.locale) : [],
			actionFields: ACTION_FIELDS,
			targetLocales: TARGET_LOCALES,
			canEdit: canEditConcept(user)
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

const versionOf = (form: FormData) => Number(form.get('versionId')) || 0;

export const actions: Actions = {
	createVersion: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const values = readVersionForm(await request.formData());
		let id: number;
		try {
			id = await createConceptVersion(locals.db, user, versionInputOf(values));
		} catch (failure) {
			if (failure instanceof ConceptValidationError)
				return fail(400, {
					newVersion: values,
					newVersionErrors: conceptFormErrors(failure.issues)
				});
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/concept?version=${id}`);
	},
	updateVersion: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const values = readVersionForm(form);
		const id = versionOf(form);
		try {
			await updateConceptVersion(locals.db, user, id, versionInputOf(values));
		} catch (failure) {
			if (failure instanceof ConceptValidationError)
				return fail(400, { version: values, versionErrors: conceptFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		return { versionSaved: true };
	},
	createGoal: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const values = readGoalForm(form);
		let id: number;
		try {
			id = await createGoal(locals.db, user, versionOf(form), goalInputOf(values));
		} catch (failure) {
			if (failure instanceof ConceptValidationError)
				return fail(400, { goal: values, goalErrors: conceptFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		redirect(303, `/${locals.locale}/office/concept/goals/${id}?created`);
	}
};
