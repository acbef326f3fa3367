import { fail } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { ForbiddenError } from '$lib/server/accounts/accounts.errors';
import type { SignedInUser } from '$lib/server/accounts/sessions.service';
import {
	checkImport,
	importOrganisations,
	runImport,
	type ImportReport,
	type ImportRequest
} from '$lib/server/exchange/import.service';
import { MAX_CARRIED_BYTES, MAX_ROWS, uploadLimit } from '$lib/server/exchange/limits';
import { formatBytes } from '$lib/shared/files/limits';
import { fileProblem, type FileProblemKey } from '$lib/server/exchange/problems';
import { errorPage } from '$lib/server/http/error-page';
import { requireUser } from '$lib/server/http/route-guards';
import type { Actions, PageServerLoad } from './$types';
import { formText } from '$lib/shared/forms/form-data';

const SHOWN_PROBLEMS = 200;
const maxUpload = () => formatBytes(uploadLimit(env.BODY_SIZE_LIMIT));

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals, { secondFactor: true });
	const organisations = await forbiddenAs403(async () =>
		(await importOrganisations(locals.db, user)).filter((o) => o.allowed)
	);
	return { organisations, limits: { size: maxUpload(), rows: MAX_ROWS } };
};

async function forbiddenAs403<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (failure) {
		if (failure instanceof ForbiddenError) errorPage(403, 'office.forbidden');
		throw failure;
	}
}

/** The upload, or the checked file the page carried along (base64) for "Import now". */
async function readUpload(request: Request): Promise<ImportRequest | FileProblemKey> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		// adapter-node refuses bodies over BODY_SIZE_LIMIT while they are read.
		return 'unreadableUpload';
	}
	const organisationId = Number(form.get('organisationId')) || null;
	const file = form.get('file');
	if (file instanceof File && file.size > 0)
		return {
			organisationId,
			file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
		};
	const carried = formText(form, 'content');
	if (!carried) return 'missing';
	const name = String(form.get('filename') ?? 'import.csv').slice(0, 200);
	return { organisationId, file: { name, bytes: new Uint8Array(Buffer.from(carried, 'base64')) } };
}

function reply(request: ImportRequest | null, report: ImportReport) {
	if (report.status === 'invalid')
		return fail(400, {
			report: { ...report, problems: report.problems.slice(0, SHOWN_PROBLEMS) },
			more: Math.max(0, report.problems.length - SHOWN_PROBLEMS),
			organisationId: request?.organisationId ?? null
		});
	const carry =
		request && report.status === 'valid' && request.file.bytes.length <= MAX_CARRIED_BYTES;
	return {
		report,
		organisationId: request?.organisationId ?? null,
		carried: carry
			? { filename: request.file.name, content: Buffer.from(request.file.bytes).toString('base64') }
			: null
	};
}

async function act(locals: App.Locals, raw: Request, run: typeof checkImport | typeof runImport) {
	const user: SignedInUser = requireUser(locals, { secondFactor: true });
	const request = await readUpload(raw);
	if (typeof request === 'string')
		return reply(null, {
			status: 'invalid',
			rows: 0,
			problems: [fileProblem(request, { max: maxUpload() })]
		});
	try {
		return reply(request, await run(locals.db, user, request));
	} catch (failure) {
		if (!(failure instanceof ForbiddenError)) throw failure;
		return reply(request, { status: 'invalid', rows: 0, problems: [fileProblem('forbidden')] });
	}
}

export const actions: Actions = {
	check: ({ locals, request }) => act(locals, request, checkImport),
	import: ({ locals, request }) => act(locals, request, runImport)
};
