import type { ColumnType, Kysely, Transaction } from 'kysely';
import type {
	AccountTokensTable,
	AuditLogTable,
	RecoveryCodesTable,
	SessionsTable,
	ThrottlesTable,
	UserOrganisationsTable,
	UsersTable
} from '../accounts/accounts.table.js';
import type {
	ChainActionFieldsTable,
	ChainFrictionReportsTable,
	ChainReviewDecisionsTable,
	ChainReviewFindingsTable,
	ChainReviewsTable,
	ChainStageOffersTable,
	ChainStagesTable,
	ChainsTable,
	ChainTransitionsTable
} from '../chains/chains.table.js';
import type {
	CommitteeFiguresTable,
	CommitteeMembersTable,
	CommitteeOffersTable,
	CommitteesTable,
	CommitteeTermsTable
} from '../committees/committees.table.js';
import type {
	OpeningActionsTable,
	OpeningInstrumentsTable,
	OpeningRatingsTable,
	OpeningRoundsTable,
	OpeningUnitsTable
} from '../opening/opening.table.js';
import type { CommitteeApplicationsTable, CommitteeCallsTable } from '../committees/calls.table.js';
import type { TranslationsTable } from '../translations/translations.table.js';
import type {
	ContactPersonsTable,
	OrganisationsTable
} from '../organisations/organisations.table.js';
import type {
	OfferAccessibilityTable,
	OfferActionFieldsTable,
	OfferLanguagesTable,
	OfferOccurrencesTable,
	OfferSchedulesTable,
	OffersTable,
	OfferTargetGroupsTable
} from '../offers/offers.table.js';
import type { OfferVerificationTokensTable } from '../freshness/freshness.table.js';
import type { OfferRevisionsTable } from '../offers/revisions.table.js';
import type {
	NetworkActionFieldsTable,
	NetworkMembersTable,
	NetworksTable
} from '../networks/networks.table.js';
import type { DecisionsTable, TasksTable } from '../minutes/minutes.table.js';
import type {
	AgendaItemsTable,
	CalendarFeedsTable,
	MeetingInviteesTable,
	MeetingsTable
} from '../meetings/meetings.table.js';
import type {
	ContactConsentsTable,
	ContactsTable,
	ProcessingPurposesTable
} from '../directory/directory.table.js';
import type {
	ConceptVersionsTable,
	FundingSourcesTable,
	GoalsTable,
	IndicatorsTable,
	IndicatorValuesTable,
	MeasureActionFieldsTable,
	MeasureBudgetsTable,
	MeasureGoalsTable,
	MeasureLinksTable,
	MeasureMilestonesTable,
	MeasureOffersTable,
	MeasurePartnersTable,
	MeasureReachTable,
	MeasuresTable,
	MeasureTasksTable,
	MeasureUpdatesTable
} from '../measures/measures.table.js';
import type { ReportSnapshotsTable } from '../reports/reports.table.js';
import type { SearchConceptsTable } from '../search/thesaurus.table.js';
import type { PagesTable } from '../pages/pages.table.js';
import type { MailOutboxTable } from '../mail/mail.table.js';
import type { DistrictsTable, PlacePostcodesTable, PlacesTable } from '../places/places.table.js';

export interface SettingsTable {
	key: string;
	value: string;
}

/** Who runs a periodic job now and when it last ran, across app processes (jobs/job-lease.ts). */
export interface JobLeasesTable {
	name: string;
	holder: string | null;
	leaseUntil: string | null;
	startedAt: string | null;
	finishedAt: string | null;
	lastError: string | null;
}

/** One row, counted up by triggers on every write to a table the portal shows (migration 0021). */
export interface ContentVersionTable {
	id: number;
	// PostgreSQL's bigint arrives as a string, SQLite's integer as a number.
	version: ColumnType<string | number, number, never>;
}

/** The PostgreSQL text-search table; SQLite's FTS5 table is reached through raw SQL only. */
export interface OfferSearchTable {
	offerId: number;
	document: ColumnType<unknown, unknown, unknown>;
}

export interface DB {
	districts: DistrictsTable;
	places: PlacesTable;
	placePostcodes: PlacePostcodesTable;
	organisations: OrganisationsTable;
	contactPersons: ContactPersonsTable;
	offers: OffersTable;
	offerActionFields: OfferActionFieldsTable;
	offerTargetGroups: OfferTargetGroupsTable;
	offerLanguages: OfferLanguagesTable;
	offerAccessibility: OfferAccessibilityTable;
	offerSchedules: OfferSchedulesTable;
	offerOccurrences: OfferOccurrencesTable;
	offerVerificationTokens: OfferVerificationTokensTable;
	offerRevisions: OfferRevisionsTable;
	pages: PagesTable;
	translations: TranslationsTable;
	settings: SettingsTable;
	jobLeases: JobLeasesTable;
	contentVersion: ContentVersionTable;
	offerSearch: OfferSearchTable;
	users: UsersTable;
	userOrganisations: UserOrganisationsTable;
	sessions: SessionsTable;
	throttles: ThrottlesTable;
	recoveryCodes: RecoveryCodesTable;
	accountTokens: AccountTokensTable;
	auditLog: AuditLogTable;
	mailOutbox: MailOutboxTable;
	processingPurposes: ProcessingPurposesTable;
	contacts: ContactsTable;
	contactConsents: ContactConsentsTable;
	networks: NetworksTable;
	networkActionFields: NetworkActionFieldsTable;
	networkMembers: NetworkMembersTable;
	meetings: MeetingsTable;
	agendaItems: AgendaItemsTable;
	meetingInvitees: MeetingInviteesTable;
	decisions: DecisionsTable;
	tasks: TasksTable;
	calendarFeeds: CalendarFeedsTable;
	conceptVersions: ConceptVersionsTable;
	goals: GoalsTable;
	indicators: IndicatorsTable;
	indicatorValues: IndicatorValuesTable;
	fundingSources: FundingSourcesTable;
	measures: MeasuresTable;
	measureActionFields: MeasureActionFieldsTable;
	measureGoals: MeasureGoalsTable;
	measurePartners: MeasurePartnersTable;
	measureOffers: MeasureOffersTable;
	measureTasks: MeasureTasksTable;
	measureMilestones: MeasureMilestonesTable;
	measureBudgets: MeasureBudgetsTable;
	measureReach: MeasureReachTable;
	measureLinks: MeasureLinksTable;
	measureUpdates: MeasureUpdatesTable;
	chains: ChainsTable;
	chainActionFields: ChainActionFieldsTable;
	chainStages: ChainStagesTable;
	chainStageOffers: ChainStageOffersTable;
	chainTransitions: ChainTransitionsTable;
	chainFrictionReports: ChainFrictionReportsTable;
	chainReviews: ChainReviewsTable;
	chainReviewFindings: ChainReviewFindingsTable;
	chainReviewDecisions: ChainReviewDecisionsTable;
	openingInstruments: OpeningInstrumentsTable;
	openingUnits: OpeningUnitsTable;
	openingRounds: OpeningRoundsTable;
	openingRatings: OpeningRatingsTable;
	openingActions: OpeningActionsTable;
	reportSnapshots: ReportSnapshotsTable;
	committees: CommitteesTable;
	committeeTerms: CommitteeTermsTable;
	committeeMembers: CommitteeMembersTable;
	committeeFigures: CommitteeFiguresTable;
	committeeOffers: CommitteeOffersTable;
	committeeCalls: CommitteeCallsTable;
	committeeApplications: CommitteeApplicationsTable;
	searchConcepts: SearchConceptsTable;
}

/** A connection or an open transaction: what repository and service functions take first. */
export type Db = Kysely<DB> | Transaction<DB>;
