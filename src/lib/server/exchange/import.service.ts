import type { Kysely } from 'kysely';
import { recordAudit } from '../accounts/audit.service.js';
import { authorize, can, type Actor } from '../accounts/authorization.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import type { DB, Db } from '../db/schema.js';
import { resolvePlace } from '../places/places.service.js';
import { createOfferIn } from '../offers/offers.service.js';
import { listOrganisationNames } from '../organisations/organisations.service.js';
import { cellsOf, COLUMNS, mapHeader, type RowCells } from './columns.js';
import { fileProblem, type ExchangeProblem } from './problems.js';
import { ExchangeFileError } from './exchange.errors.js';
import { mapRow, type ImportOrganisation, type MappedRow } from './row-mapper.js';
import { validateRow } from './row-validation.js';
import type { TableFormat, UploadedFile } from '../../shared/files/table-file.js';
import { readTable } from './table-reader.js';

const ALL_HEADERS = COLUMNS.map((column) => column.header).join(', ');
const list = (names: string[]) => ({ columns: names.map((name) => `„${name}“`).join(', ') });

export interface ImportRequest {
	file: UploadedFile;
	/** The organisation for rows without a `Träger`; null when the person chose none. */
	organisationId: number | null;
}

export interface PreviewRow {
	row: number;
	title: string;
	organisation: string;
	where: string;
}

export type ImportReport =
	| { status: 'invalid'; rows: number; problems: ExchangeProblem[] }
	| { status: 'valid'; format: TableFormat; rows: number; offers: PreviewRow[] }
	| { status: 'imported'; format: TableFormat; rows: number; offerIds: number[] };

/** The organisations of the person's district, each marked with whether they may import into it. */
export async function importOrganisations(db: Db, actor: Actor): Promise<ImportOrganisation[]> {
	const organisations = (await listOrganisationNames(db, actor.districtId)).map((organisation) => ({
		...organisation,
		allowed: can(actor, 'import', {
			districtId: actor.districtId,
			organisationId: organisation.id,
			published: false
		})
	}));
	if (!organisations.some((organisation) => organisation.allowed))
		throw new ForbiddenError('import', actor.role);
	return organisations;
}

type Prepared =
	| { ok: false; report: ImportReport & { status: 'invalid' } }
	| {
			ok: true;
			format: TableFormat;
			rows: (MappedRow & { cells: RowCells })[];
			organisations: ImportOrganisation[];
	  };

/** Reads, maps and validates every row; writes nothing. */
async function prepare(db: Db, actor: Actor, request: ImportRequest): Promise<Prepared> {
	const organisations = await importOrganisations(db, actor);
	const allowed = organisations.filter((organisation) => organisation.allowed);
	if (
		request.organisationId !== null &&
		!allowed.some((organisation) => organisation.id === request.organisationId)
	)
		throw new ForbiddenError('import', actor.role);
	const invalid = (rows: number, problems: ExchangeProblem[]): Prepared => ({
		ok: false,
		report: { status: 'invalid', rows, problems }
	});

	let table;
	try {
		table = await readTable(request.file);
	} catch (error) {
		if (error instanceof ExchangeFileError) return invalid(0, [error.problem]);
		throw error;
	}
	const header = mapHeader(table.header);
	const headerProblems = [
		...(header.missing.length ? [fileProblem('missingColumns', list(header.missing))] : []),
		...(header.unknown.length
			? [fileProblem('unknownColumns', { ...list(header.unknown), allowed: ALL_HEADERS })]
			: []),
		...(header.duplicate.length ? [fileProblem('duplicateColumns', list(header.duplicate))] : [])
	];
	if (headerProblems.length) return invalid(table.rows.length, headerProblems);

	const rowCells = table.rows.map(({ row, cells }) => ({ row, cells: cellsOf(cells, header) }));
	const places = new Map<string, { id: number } | undefined>();
	for (const text of new Set(rowCells.map(({ cells }) => cells.place).filter(Boolean)))
		places.set(text, await resolvePlace(db, text));
	const context = {
		organisations,
		defaultOrganisationId: request.organisationId ?? (allowed.length === 1 ? allowed[0]!.id : null),
		findPlace: (text: string) => places.get(text)
	};
	const problems: ExchangeProblem[] = [];
	const rows = rowCells.map(({ row, cells }) => {
		const mapped = mapRow(cells, row, context);
		problems.push(...validateRow(mapped, cells));
		return { ...mapped, cells };
	});
	if (problems.length) return invalid(rows.length, problems);
	return { ok: true, format: table.format, rows, organisations };
}

/** The dry run: every problem row by row, or a preview of what an import would create. */
export async function checkImport(
	db: Db,
	actor: Actor,
	request: ImportRequest
): Promise<ImportReport> {
	const prepared = await prepare(db, actor, request);
	if (!prepared.ok) return prepared.report;
	const names = new Map(prepared.organisations.map((o) => [o.id, o.name]));
	return {
		status: 'valid',
		format: prepared.format,
		rows: prepared.rows.length,
		offers: prepared.rows.map(({ row, input, cells }) => ({
			row,
			title: input.title,
			organisation: names.get(input.organisationId) ?? '',
			where:
				input.location.kind === 'online' ? input.location.url : `${cells.street}, ${cells.place}`
		}))
	};
}

/**
 * Imports every row as a draft offer in one transaction, or nothing at all when any row has a
 * problem. Records one audit entry per import.
 */
export async function runImport(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	request: ImportRequest,
	now = new Date()
): Promise<ImportReport> {
	const prepared = await prepare(db, actor, request);
	if (!prepared.ok) return prepared.report;
	const offerIds = await db.transaction().execute(async (trx) => {
		const ids: number[] = [];
		for (const { input } of prepared.rows) {
			authorize(actor, 'import', {
				districtId: actor.districtId,
				organisationId: input.organisationId,
				published: false
			});
			ids.push(await createOfferIn(trx, input, now));
		}
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'offers.imported',
				entity: 'offer',
				entityId: ids[0]!,
				after: {
					file: request.file.name,
					format: prepared.format,
					offerIds: ids,
					organisationIds: [...new Set(prepared.rows.map((row) => row.input.organisationId))]
				}
			},
			now
		);
		return ids;
	});
	return { status: 'imported', format: prepared.format, rows: offerIds.length, offerIds };
}
