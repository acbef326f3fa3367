import { fail } from '@sveltejs/kit';
import {
	committeeFormErrors,
	emptyFiguresForm,
	emptyMemberForm,
	figuresInputOf,
	memberInputOf,
	readFiguresForm,
	readMemberForm
} from '$lib/server/committees/committee-form';
import {
	addMember,
	deleteFigures,
	memberCandidates,
	recordFigures,
	removeMember
} from '$lib/server/committees/committee-parts.service';
import { CommitteeValidationError } from '$lib/server/committees/committees.errors';
import { FIGURE_COUNTS, MEMBER_ROLES } from '$lib/server/committees/committees.schema';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import { formText, positiveIdOf } from '$lib/shared/forms/form-data';
import { berlinToday } from '$lib/shared/time/berlin-clock';
import { committeeTerm } from '../term.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		const { committee, term } = await committeeTerm(locals, user, params);
		return {
			committee: {
				id: committee.id,
				name: committee.name,
				may: committee.may
			},
			term,
			candidates: committee.may.manage ? await memberCandidates(locals.db, user) : [],
			roles: MEMBER_ROLES,
			counts: FIGURE_COUNTS,
			memberValues: emptyMemberForm(),
			figuresValues: emptyFiguresForm(berlinToday())
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

const termIdOf = (param: string) => idParam(param, 'office.committees.term.notFound');

export const actions: Actions = {
	member: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const memberValues = readMemberForm(await request.formData());
		try {
			await addMember(locals.db, user, termIdOf(params.termId), memberInputOf(memberValues));
		} catch (failure) {
			if (failure instanceof CommitteeValidationError)
				return fail(400, {
					memberValues,
					memberErrors: committeeFormErrors(failure.issues, 'member-')
				});
			rethrowAsHttpError(failure);
		}
		return { memberAdded: true };
	},
	remove: async ({ locals, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		try {
			await removeMember(locals.db, user, positiveIdOf(formText(form, 'memberId', 20)) ?? 0);
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		return { memberRemoved: true };
	},
	figures: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const figuresValues = readFiguresForm(await request.formData());
		try {
			await recordFigures(locals.db, user, termIdOf(params.termId), figuresInputOf(figuresValues));
		} catch (failure) {
			if (failure instanceof CommitteeValidationError)
				return fail(400, {
					figuresValues,
					figuresErrors: committeeFormErrors(failure.issues, 'figures-')
				});
			rethrowAsHttpError(failure);
		}
		return { figuresRecorded: true };
	},
	deleteFigures: async ({ locals, params }) => {
		const user = requireUser(locals, { secondFactor: true });
		try {
			await deleteFigures(locals.db, user, termIdOf(params.termId));
		} catch (failure) {
			rethrowAsHttpError(failure);
		}
		return { figuresDeleted: true };
	}
};
