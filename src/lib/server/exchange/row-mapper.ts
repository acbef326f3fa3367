import { fold } from '../../shared/text/fold.js';
import type { OfferInput, ScheduleEntry } from '../offers/offers.schema.js';
import { parseAmount, parseDate, parseLink } from '../../shared/files/cell-values.js';
import { parseDateEntry, splitDates } from './date-entries.js';
import type { ColumnKey, RowCells } from './columns.js';
import { quoted, rowProblem, type ExchangeProblem, type RowProblemKey } from './problems.js';
import { allowedLabels, lookupValue, splitList, type Vocabulary } from './vocabulary.js';

export interface ImportOrganisation {
	id: number;
	name: string;
	/** Whether the importing person may add offers to it. */
	allowed: boolean;
}

export interface RowContext {
	/** The organisations of the importing person's district. */
	organisations: readonly ImportOrganisation[];
	/** The organisation for rows whose `Träger` cell is empty. */
	defaultOrganisationId: number | null;
	/** A place by municipality name or postcode (resolved before mapping, see places.service). */
	findPlace(text: string): { id: number } | undefined;
}

export interface MappedRow {
	row: number;
	input: OfferInput;
	problems: ExchangeProblem[];
}

const UNKNOWN_KEY: Record<Vocabulary, RowProblemKey> = {
	actionFields: 'unknownActionField',
	targetGroups: 'unknownTargetGroup',
	languages: 'unknownLanguage',
	languageLevel: 'unknownLanguageLevel',
	languageLevelExit: 'unknownLanguageLevel',
	cost: 'unknownCost',
	access: 'unknownAccess',
	accessibility: 'unknownAccessibility'
};

/**
 * Turns one spreadsheet row into an offer input, collecting a problem for each cell that cannot
 * be read. The schema's own rules (lengths, required text, …) are checked afterwards by
 * validateOffer; see import.service.
 */
export function mapRow(cells: RowCells, row: number, context: RowContext): MappedRow {
	const problems: ExchangeProblem[] = [];
	const problem = (
		column: ColumnKey,
		key: RowProblemKey,
		params?: Record<string, string | number>
	) => problems.push(rowProblem(row, column, key, params));

	const list = (column: ColumnKey & Vocabulary) => {
		const codes: string[] = [];
		for (const value of splitList(cells[column])) {
			const code = lookupValue(column, value);
			if (code === undefined)
				problem(column, UNKNOWN_KEY[column], {
					value: quoted(value),
					allowed: allowedLabels(column)
				});
			else if (!codes.includes(code)) codes.push(code);
		}
		return codes;
	};
	const single = (column: ColumnKey, vocabulary: Vocabulary) => {
		const value = cells[column];
		if (!value) return undefined;
		const code = lookupValue(vocabulary, value);
		if (code === undefined)
			problem(column, UNKNOWN_KEY[vocabulary], {
				value: quoted(value),
				allowed: allowedLabels(vocabulary)
			});
		return code;
	};
	const date = (column: 'validFrom' | 'validTo') => {
		if (!cells[column]) return undefined;
		const value = parseDate(cells[column]);
		if (!value) problem(column, 'badDate', { value: quoted(cells[column]) });
		return value;
	};

	const input: OfferInput = {
		organisationId: organisationOf(cells.organisation, context, problem),
		title: cells.title,
		summary: cells.summary,
		description: cells.description,
		actionFields: list('actionFields') as OfferInput['actionFields'],
		targetGroups: list('targetGroups') as OfferInput['targetGroups'],
		languages: list('languages') as OfferInput['languages'],
		languageLevel: (cells.languageLevel
			? single('languageLevel', 'languageLevel')
			: '') as OfferInput['languageLevel'],
		languageLevelExit: (single('languageLevelExit', 'languageLevelExit') ??
			null) as OfferInput['languageLevelExit'],
		cost: costOf(cells, problem),
		access: (single('access', 'access') ?? '') as OfferInput['access'],
		accessibility: list('accessibility') as OfferInput['accessibility'],
		location: locationOf(cells, context, problem),
		schedule: scheduleOf(cells, problem),
		validFrom: date('validFrom'),
		validTo: date('validTo'),
		contact: {
			name: cells.contactName || undefined,
			phone: cells.contactPhone || undefined,
			email: cells.contactEmail || undefined
		},
		status: 'draft'
	};
	return { row, input, problems };
}

type Report = (
	column: ColumnKey,
	key: RowProblemKey,
	params?: Record<string, string | number>
) => void;

function organisationOf(text: string, context: RowContext, problem: Report): number {
	if (!text) {
		if (context.defaultOrganisationId === null) problem('organisation', 'organisationMissing');
		return context.defaultOrganisationId ?? 0;
	}
	const wanted = fold(text).replace(/\s+/g, ' ');
	const organisation = context.organisations.find(
		(candidate) => fold(candidate.name).replace(/\s+/g, ' ') === wanted
	);
	if (!organisation) problem('organisation', 'unknownOrganisation', { value: quoted(text) });
	else if (!organisation.allowed)
		problem('organisation', 'foreignOrganisation', { value: organisation.name });
	return organisation?.allowed ? organisation.id : 0;
}

function costOf(cells: RowCells, problem: Report): OfferInput['cost'] {
	let kind = cells.cost ? lookupValue('cost', cells.cost) : cells.amount ? 'amount' : 'free';
	if (kind === undefined)
		problem('cost', 'unknownCost', { value: quoted(cells.cost), allowed: allowedLabels('cost') });
	const cents = cells.amount ? parseAmount(cells.amount) : undefined;
	if (cells.amount && cents === undefined)
		problem('amount', 'badAmount', { value: quoted(cells.amount) });
	if (kind === 'free') {
		if (cents) problem('amount', 'amountWithFree');
		if (cells.costNote) problem('costNote', 'noteWithFree');
		return { kind: 'free' };
	}
	if (!cells.amount) problem('amount', 'amountMissing');
	kind ??= 'amount';
	return {
		kind: kind as 'amount' | 'reduced',
		cents: cents ?? 0,
		note: cells.costNote || undefined
	};
}

function locationOf(cells: RowCells, context: RowContext, problem: Report): OfferInput['location'] {
	const hasAddress = Boolean(cells.street || cells.place);
	if (cells.onlineUrl && hasAddress) problem('onlineUrl', 'addressAndOnline');
	if (cells.onlineUrl && !hasAddress) {
		const url = parseLink(cells.onlineUrl);
		if (!url) problem('onlineUrl', 'badUrl', { value: quoted(cells.onlineUrl) });
		return { kind: 'online', url: url ?? cells.onlineUrl };
	}
	if (!hasAddress) {
		problem('place', 'noLocation');
		return { kind: 'address', street: cells.street, placeId: 0 };
	}
	let placeId = 0;
	if (!cells.place) problem('place', 'required');
	else {
		const place = context.findPlace(cells.place);
		if (place) placeId = place.id;
		else problem('place', 'unknownPlace', { value: quoted(cells.place) });
	}
	return { kind: 'address', street: cells.street, placeId };
}

function scheduleOf(cells: RowCells, problem: Report): OfferInput['schedule'] {
	const entries: ScheduleEntry[] = [];
	for (const text of splitDates(cells.dates)) {
		const entry = parseDateEntry(text);
		if (entry) entries.push(entry);
		else problem('dates', 'badDateTime', { value: quoted(text) });
	}
	const rules = cells.rrule
		.split(/[|\n]/)
		.map((rule) => rule.trim())
		.filter(Boolean);
	if (rules.length === 0)
		return entries.length ? { kind: 'dates', entries } : { kind: 'appointment' };
	if (!cells.dates) problem('rrule', 'rruleWithoutDate');
	else if (rules.length > 1 && rules.length !== entries.length)
		problem('rrule', 'rruleCount', { rules: rules.length, dates: entries.length });
	return {
		kind: 'recurring',
		entries: entries.map((entry, index) => ({ ...entry, rrule: rules[index] ?? rules[0] }))
	};
}
