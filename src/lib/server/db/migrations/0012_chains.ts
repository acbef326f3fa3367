import type { Kysely } from 'kysely';
import { idColumn } from './dialect.js';

/**
 * Issue 11: support chains (Integrationsförderketten) as directed graphs of stages, the rules
 * that say which offers qualify for a stage, the hand-overs between stages (interfaces) with
 * partners' friction reports, and chain reviews held in network meetings. Days are `YYYY-MM-DD`.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const id = idColumn(db);
	const cascade = (table: string) => (c: any) => c.references(`${table}.id`).onDelete('cascade');
	const setNull = (table: string) => (c: any) => c.references(`${table}.id`).onDelete('set null');

	// German source texts (title, public_title, introduction) are translated as entity 'chain'.
	await db.schema
		.createTable('chains')
		.$call(id)
		.addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
		.addColumn('slug', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('public_title', 'text', (c) => c.notNull())
		.addColumn('introduction', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('chains_slug', ['district_id', 'slug'])
		.execute();

	await db.schema
		.createTable('chain_action_fields')
		.addColumn('chain_id', 'integer', (c) => cascade('chains')(c.notNull()))
		.addColumn('action_field', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('chain_action_fields_pk', ['chain_id', 'action_field'])
		.execute();

	// A stage's title and `achieves` are translated as entity 'chain_stage'. `rules` is the JSON
	// of chains.schema.ts `stageRulesSchema`; reach is set per chain, so it sits on the stage.
	await db.schema
		.createTable('chain_stages')
		.$call(id)
		.addColumn('chain_id', 'integer', (c) => cascade('chains')(c.notNull()))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('achieves', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('is_optional', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('rules', 'text', (c) => c.notNull())
		.addColumn('reach_km', 'double precision', (c) => c.notNull())
		.addColumn('online_counts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('chain_stages_chain').on('chain_stages').column('chain_id').execute();

	// Offers a coordinator included in or excluded from a stage by hand, whatever the rules say.
	await db.schema
		.createTable('chain_stage_offers')
		.addColumn('stage_id', 'integer', (c) => cascade('chain_stages')(c.notNull()))
		.addColumn('offer_id', 'integer', (c) => cascade('offers')(c.notNull()))
		.addColumn('mode', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('chain_stage_offers_pk', ['stage_id', 'offer_id'])
		.execute();
	await db.schema
		.createIndex('chain_stage_offers_offer')
		.on('chain_stage_offers')
		.column('offer_id')
		.execute();

	// The interface (Schnittstelle) between two stages of one chain: how the hand-over works.
	await db.schema
		.createTable('chain_transitions')
		.$call(id)
		.addColumn('chain_id', 'integer', (c) => cascade('chains')(c.notNull()))
		.addColumn('from_stage_id', 'integer', (c) => cascade('chain_stages')(c.notNull()))
		.addColumn('to_stage_id', 'integer', (c) => cascade('chain_stages')(c.notNull()))
		.addColumn('referral', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('agreement', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('from_organisation_id', 'integer', setNull('organisations'))
		.addColumn('to_organisation_id', 'integer', setNull('organisations'))
		.addColumn('from_contact', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('to_contact', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('waiting_weeks', 'integer')
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('reviewed_on', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('chain_transitions_pair', ['from_stage_id', 'to_stage_id'])
		.execute();
	await db.schema
		.createIndex('chain_transitions_chain')
		.on('chain_transitions')
		.column('chain_id')
		.execute();

	// Friction a partner reports at a transition from their log-in.
	await db.schema
		.createTable('chain_friction_reports')
		.$call(id)
		.addColumn('transition_id', 'integer', (c) => cascade('chain_transitions')(c.notNull()))
		.addColumn('organisation_id', 'integer', setNull('organisations'))
		.addColumn('reported_by', 'integer', setNull('users'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('waiting_weeks', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('acknowledged_at', 'text')
		.addColumn('acknowledged_by', 'integer', setNull('users'))
		.execute();
	await db.schema
		.createIndex('chain_friction_reports_transition')
		.on('chain_friction_reports')
		.column('transition_id')
		.execute();

	// A chain review held in a network meeting; its decisions are the meeting's minutes decisions.
	await db.schema
		.createTable('chain_reviews')
		.$call(id)
		.addColumn('chain_id', 'integer', (c) => cascade('chains')(c.notNull()))
		.addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
		.addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'integer', setNull('users'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('chain_reviews_chain')
		.on('chain_reviews')
		.column('chain_id')
		.execute();

	// A finding per stage or transition. `subject` keeps the stage's or transition's name as it
	// was, so a finding outlives a deleted stage when the coordinator chooses to keep it.
	await db.schema
		.createTable('chain_review_findings')
		.$call(id)
		.addColumn('review_id', 'integer', (c) => cascade('chain_reviews')(c.notNull()))
		.addColumn('stage_id', 'integer', setNull('chain_stages'))
		.addColumn('transition_id', 'integer', setNull('chain_transitions'))
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('state', 'text')
		.addColumn('text', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('chain_review_decisions')
		.addColumn('review_id', 'integer', (c) => cascade('chain_reviews')(c.notNull()))
		.addColumn('decision_id', 'integer', (c) => cascade('decisions')(c.notNull()))
		.addPrimaryKeyConstraint('chain_review_decisions_pk', ['review_id', 'decision_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'chain_review_decisions',
		'chain_review_findings',
		'chain_reviews',
		'chain_friction_reports',
		'chain_transitions',
		'chain_stage_offers',
		'chain_stages',
		'chain_action_fields',
		'chains'
	])
		await db.schema.dropTable(table).execute();
}
