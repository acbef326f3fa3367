import { OfferValidationError } from '../offers/offers.errors.js';
import { offerInputSchema } from '../offers/offers.schema.js';
import { validateOffer } from '../offers/offers.service.js';
import { InvalidRecurrenceError, parseRecurrence } from '../../shared/time/recurrence.js';
import type { ColumnKey, RowCells } from './columns.js';
import { headerOf } from './columns.js';
import { quoted, rowProblem, type ExchangeProblem, type RowProblemKey } from './problems.js';
import type { MappedRow } from './row-mapper.js';

/** Columns read together: a problem in one makes the schema's complaint about another noise. */
const GROUPS: ColumnKey[][] = [
	['dates', 'rrule'],
	['cost', 'amount', 'costNote'],
	['street', 'place', 'onlineUrl']
];

const FIELD_COLUMNS: Record<string, ColumnKey> = {
	organisationId: 'organisation',
	title: 'title',
	summary: 'summary',
	description: 'description',
	actionFields: 'actionFields',
	targetGroups: 'targetGroups',
	languages: 'languages',
	languageLevel: 'languageLevel',
	languageLevelExit: 'languageLevelExit',
	'cost.kind': 'cost',
	'cost.cents': 'amount',
	'cost.note': 'costNote',
	access: 'access',
	accessibility: 'accessibility',
	'location.street': 'street',
	'location.placeId': 'place',
	'location.url': 'onlineUrl',
	'location.kind': 'place',
	schedule: 'dates',
	validFrom: 'validFrom',
	validTo: 'validTo',
	'contact.name': 'contactName',
	'contact.phone': 'contactPhone',
	'contact.email': 'contactEmail'
};

/** The column an offer field path (`schedule.entries.0.rrule`, `actionFields.1`) comes from. */
export function columnOfPath(path: readonly PropertyKey[]): ColumnKey {
	const parts = path.map(String);
	if (parts[0] === 'schedule') return parts.at(-1) === 'rrule' ? 'rrule' : 'dates';
	return FIELD_COLUMNS[parts.slice(0, 2).join('.')] ?? FIELD_COLUMNS[parts[0]!] ?? 'title';
}

/**
 * Runs the offer's own validation (validateOffer: schema and recurrence rules) over a mapped
 * row and adds a worded problem for each complaint about a column not already reported.
 */
export function validateRow(mapped: MappedRow, cells: RowCells): ExchangeProblem[] {
	const problems = [...mapped.problems];
	let failure: OfferValidationError;
	try {
		validateOffer(mapped.input);
		return problems;
	} catch (error) {
		if (!(error instanceof OfferValidationError)) throw error;
		failure = error;
	}
	const reported = new Set(problems.map((problem) => problem.column));
	const alreadyReported = (column: ColumnKey) =>
		(GROUPS.find((group) => group.includes(column)) ?? [column]).some((key) =>
			reported.has(headerOf(key))
		);
	const parsed = offerInputSchema.safeParse(mapped.input);
	// The schema passed, so the complaint came from the recurrence rules checked after it.
	const issues: Issue[] = parsed.success
		? failure.issues.map((issue) => ({
				code: 'custom',
				path: issue.path.split('.'),
				recurrence: true
			}))
		: [...parsed.error.issues, ...recurrenceIssues(mapped)];
	for (const issue of issues) {
		const column = columnOfPath(issue.path);
		if (alreadyReported(column)) continue;
		const [key, params] = wording(issue, column, cells);
		problems.push(rowProblem(mapped.row, column, key, params));
		reported.add(headerOf(column));
	}
	return problems;
}

interface Issue {
	code: string;
	path: PropertyKey[];
	origin?: string;
	maximum?: number | bigint;
	format?: string;
	/** A recurrence rule validateOffer refused after the schema passed. */
	recurrence?: boolean;
}

/**
 * validateOffer checks recurrence rules only once the schema passed; a row with other problems
 * gets its rules checked here with the same parser, so one round of fixes is enough.
 */
function recurrenceIssues(mapped: MappedRow): Issue[] {
	const { schedule } = mapped.input;
	if (schedule.kind === 'appointment') return [];
	return schedule.entries.flatMap((entry, index) => {
		if (!entry.rrule) return [];
		try {
			parseRecurrence(entry.rrule, entry.startsAt);
			return [];
		} catch (error) {
			if (!(error instanceof InvalidRecurrenceError)) throw error;
			return [{ code: 'custom', path: ['schedule', 'entries', index, 'rrule'], recurrence: true }];
		}
	});
}

function wording(
	issue: Issue,
	column: ColumnKey,
	cells: RowCells
): [RowProblemKey, Record<string, string | number>?] {
	const value = { value: quoted(cells[column]) };
	if (issue.recurrence) return cells.rrule ? ['badRrule', value] : ['required'];
	if (issue.code === 'too_small') return column === 'amount' ? ['badAmount', value] : ['required'];
	if (issue.code === 'too_big')
		return [issue.origin === 'array' ? 'tooMany' : 'tooLong', { max: Number(issue.maximum) }];
	if (issue.code === 'invalid_format') {
		if (issue.format === 'email') return ['badEmail', value];
		if (issue.format === 'url') return ['badUrl', value];
		return column === 'dates' ? ['badDateTime', value] : ['badDate', value];
	}
	if (issue.code === 'custom') {
		if (column === 'languageLevelExit')
			return ['exitLevelNotAbove', { ...value, entry: quoted(cells.languageLevel) }];
		return column === 'validTo' ? ['validToBeforeFrom'] : ['endBeforeStart', value];
	}
	return cells[column] ? ['invalid', value] : ['required'];
}
