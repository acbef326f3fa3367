import type { Kysely } from 'kysely';
import { idColumn } from './dialect.js';

/**
 * Issue 10: the district's integration concept (versions, goals per action field, indicators
 * with values per period), measures (status, organisations, milestones, budget per funding
 * source, reach, links, offers, the decision they came from, follow-up tasks, progress history)
 * and the frozen figures of closed report periods. Amounts are whole cents; periods are
 * `YYYY`, `YYYY-H1`/`YYYY-H2` or `YYYY-Q1`…`YYYY-Q4`; days are `YYYY-MM-DD`.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const id = idColumn(db);
	const cascade = (table: string) => (c: any) => c.references(`${table}.id`).onDelete('cascade');
	const setNull = (table: string) => (c: any) => c.references(`${table}.id`).onDelete('set null');

	await db.schema
		.createTable('concept_versions')
		.$call(id)
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('adopted_on', 'text', (c) => c.notNull())
		.addColumn('period_from', 'integer', (c) => c.notNull())
		.addColumn('period_to', 'integer', (c) => c.notNull())
		.addColumn('document_url', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	// A guiding goal has no parent; its sub-goals name it. German source text, translated through
	// the translations table (entity 'goal', field 'text').
	await db.schema
		.createTable('goals')
		.$call(id)
		.addColumn('concept_version_id', 'integer', (c) => cascade('concept_versions')(c.notNull()))
		.addColumn('action_field', 'text', (c) => c.notNull())
		.addColumn('parent_id', 'integer', cascade('goals'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('goals_concept')
		.on('goals')
		.columns(['concept_version_id', 'action_field'])
		.execute();

	await db.schema
		.createTable('indicators')
		.$call(id)
		.addColumn('goal_id', 'integer', (c) => cascade('goals')(c.notNull()))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('unit', 'text', (c) => c.notNull())
		.addColumn('direction', 'text', (c) => c.notNull())
		.addColumn('period_kind', 'text', (c) => c.notNull())
		.addColumn('baseline_value', 'double precision')
		.addColumn('baseline_on', 'text')
		.addColumn('target_value', 'double precision')
		.addColumn('target_year', 'integer')
		// Null: values are entered by hand; otherwise the key of a figure KITZ computes.
		.addColumn('computation', 'text')
		// The computation's one parameter where it has one (a distance in km, a month count).
		.addColumn('computation_parameter', 'double precision')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	// Entered values and the snapshots of computed ones: a closed period's snapshot never changes.
	await db.schema
		.createTable('indicator_values')
		.$call(id)
		.addColumn('indicator_id', 'integer', (c) => cascade('indicators')(c.notNull()))
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('value', 'double precision', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('computed_at', 'text')
		.addColumn('recorded_by', 'integer', setNull('users'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('indicator_values_period', ['indicator_id', 'period'])
		.execute();

	await db.schema
		.createTable('funding_sources')
		.$call(id)
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('archived_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('funding_sources_name', ['district_id', 'name'])
		.execute();

	await db.schema
		.createTable('measures')
		.$call(id)
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('status_on', 'text', (c) => c.notNull())
		.addColumn('status_reason', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('lead_organisation_id', 'integer', setNull('organisations'))
		.addColumn('responsible_contact_id', 'integer', setNull('contacts'))
		.addColumn('starts_on', 'text')
		.addColumn('ends_on', 'text')
		// 'milestones': progress is the share of milestones done; 'manual': the latest entered.
		.addColumn('progress_mode', 'text', (c) => c.notNull().defaultTo('milestones'))
		.addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
		// The decision in a meeting's minutes the measure was decided by.
		.addColumn('decision_id', 'integer', setNull('decisions'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('measures_district').on('measures').column('district_id').execute();
	await db.schema.createIndex('measures_decision').on('measures').column('decision_id').execute();

	const link = async (table: string, column: string, target: string) => {
		await db.schema
			.createTable(table)
			.addColumn('measure_id', 'integer', (c) => cascade('measures')(c.notNull()))
			.addColumn(column, target === 'text' ? 'text' : 'integer', (c) =>
				target === 'text' ? c.notNull() : cascade(target)(c.notNull())
			)
			.addPrimaryKeyConstraint(`${table}_pk`, ['measure_id', column])
			.execute();
		await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
	};
	await link('measure_action_fields', 'action_field', 'text');
	await link('measure_goals', 'goal_id', 'goals');
	await link('measure_partners', 'organisation_id', 'organisations');
	await link('measure_offers', 'offer_id', 'offers');
	// Follow-up work on the planning board; the task stays the minutes context's own record.
	await link('measure_tasks', 'task_id', 'tasks');

	await db.schema
		.createTable('measure_milestones')
		.$call(id)
		.addColumn('measure_id', 'integer', (c) => cascade('measures')(c.notNull()))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('due_on', 'text', (c) => c.notNull())
		.addColumn('done_on', 'text')
		.addColumn('decision_id', 'integer', setNull('decisions'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('measure_milestones_measure')
		.on('measure_milestones')
		.column('measure_id')
		.execute();

	await db.schema
		.createTable('measure_budgets')
		.addColumn('measure_id', 'integer', (c) => cascade('measures')(c.notNull()))
		.addColumn('funding_source_id', 'integer', (c) => c.notNull().references('funding_sources.id'))
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('planned_cents', 'integer', (c) => c.notNull())
		.addColumn('spent_cents', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('measure_budgets_pk', ['measure_id', 'funding_source_id', 'year'])
		.execute();

	// Participants reached in a period; the breakdowns are optional counts, never about a person.
	// Age groups: minors under 18, young adults 18–26, adults 27–64, seniors 65 and over.
	await db.schema
		.createTable('measure_reach')
		.addColumn('measure_id', 'integer', (c) => cascade('measures')(c.notNull()))
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('participants', 'integer', (c) => c.notNull())
		.addColumn('women', 'integer')
		.addColumn('men', 'integer')
		.addColumn('diverse', 'integer')
		.addColumn('age_minors', 'integer')
		.addColumn('age_young_adults', 'integer')
		.addColumn('age_adults', 'integer')
		.addColumn('age_seniors', 'integer')
		.addColumn('recorded_by', 'integer', setNull('users'))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('measure_reach_pk', ['measure_id', 'period'])
		.execute();

	await db.schema
		.createTable('measure_links')
		.$call(id)
		.addColumn('measure_id', 'integer', (c) => cascade('measures')(c.notNull()))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('url', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.execute();

	// The measure's history: status changes, progress entered by hand and status notes.
	await db.schema
		.createTable('measure_updates')
		.$call(id)
		.addColumn('measure_id', 'integer', (c) => cascade('measures')(c.notNull()))
		.addColumn('recorded_at', 'text', (c) => c.notNull())
		.addColumn('recorded_by', 'integer', setNull('users'))
		.addColumn('status', 'text')
		.addColumn('progress', 'integer')
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema
		.createIndex('measure_updates_measure')
		.on('measure_updates')
		.columns(['measure_id', 'recorded_at'])
		.execute();

	// A closed period's report figures, frozen the first time they are needed after it closed.
	await db.schema
		.createTable('report_snapshots')
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('period', 'text', (c) => c.notNull())
		.addColumn('figures', 'text', (c) => c.notNull())
		.addColumn('taken_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('report_snapshots_pk', ['district_id', 'period'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'report_snapshots',
		'measure_updates',
		'measure_links',
		'measure_reach',
		'measure_budgets',
		'measure_milestones',
		'measure_tasks',
		'measure_offers',
		'measure_partners',
		'measure_goals',
		'measure_action_fields',
		'measures',
		'funding_sources',
		'indicator_values',
		'indicators',
		'goals',
		'concept_versions'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
