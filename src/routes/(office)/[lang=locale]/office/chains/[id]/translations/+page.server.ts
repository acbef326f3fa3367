import { fail } from '@sveltejs/kit';
import { chainFormErrors, readChainTranslations } from '$lib/server/chains/chain-form';
import {
	chainTranslations,
	saveChainTranslations
} from '$lib/server/chains/chain-translations.service';
import { ChainValidationError } from '$lib/server/chains/chains.errors';
import { CHAIN_TARGET_LOCALES } from '$lib/server/chains/chains.schema';
import { rethrowAsHttpError } from '$lib/server/http/http-errors';
import { idParam, requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';

const chainIdOf = (param: string) => idParam(param, 'office.chains.notFound');

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals, { secondFactor: true });
	try {
		return {
			translations: await chainTranslations(locals.db, user, chainIdOf(params.id)),
			targetLocales: CHAIN_TARGET_LOCALES
		};
	} catch (failure) {
		rethrowAsHttpError(failure);
	}
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals, { secondFactor: true });
		const form = await request.formData();
		const chainId = chainIdOf(params.id);
		const { input, values } = readChainTranslations(form);
		try {
			await saveChainTranslations(locals.db, user, chainId, input);
		} catch (failure) {
			if (failure instanceof ChainValidationError)
				return fail(400, { values, errors: chainFormErrors(failure.issues) });
			rethrowAsHttpError(failure);
		}
		return { saved: true };
	}
};
