/** Tables of the reports context (migration 0010). */

/** A closed period's report figures as JSON, frozen the first time they were needed. */
export interface ReportSnapshotsTable {
	districtId: number;
	period: string;
	figures: string;
	takenAt: string;
}
