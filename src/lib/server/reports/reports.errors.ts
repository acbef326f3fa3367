import { DomainError } from '../../shared/errors/domain-error.js';

/** Domain errors of the yearly report. */

/** A period that names none (`2025-H3`), or one that has not begun yet. */
export class InvalidReportPeriodError extends DomainError {
	constructor(
		readonly value: string,
		readonly problem: 'unknown' | 'future'
	) {
		super(
			`No report for period ${value}: ${problem}`,
			'invalid',
			`office.reports.period.${problem}`
		);
	}
}

export class ReportTableNotFoundError extends DomainError {
	constructor(readonly table: string) {
		super(`The report has no table ${table}`, 'not_found', 'error.notFound');
	}
}
