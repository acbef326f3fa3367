import type { Migration } from 'kysely';
import * as m0001 from './0001_places_and_offers.js';
import * as m0002 from './0002_accounts.js';
import * as m0003 from './0003_mail_outbox.js';
import * as m0004 from './0004_offer_revisions.js';
import * as m0005 from './0005_offer_freshness.js';
import * as m0006 from './0006_networks.js';
import * as m0007 from './0007_mail_attachments.js';
import * as m0008 from './0008_invitee_mail.js';
import * as m0009 from './0009_throttles.js';
import * as m0010 from './0010_measures.js';
import * as m0011 from './0011_offer_revision_lookup.js';
import * as m0012 from './0012_chains.js';
import * as m0013 from './0013_offer_exit_level.js';
import * as m0014 from './0014_chain_review_tasks.js';
import * as m0015 from './0015_committees.js';
import * as m0016 from './0016_committee_calls.js';
import * as m0017 from './0017_opening.js';
import * as m0018 from './0018_search_concepts.js';
import * as m0019 from './0019_job_leases.js';
import * as m0020 from './0020_search_concept_broader.js';
import * as m0021 from './0021_content_version.js';

/** Listed by hand so that the built server and the scripts run the same set. */
export const migrations: Record<string, Migration> = {
	'0001_places_and_offers': m0001,
	'0002_accounts': m0002,
	'0003_mail_outbox': m0003,
	'0004_offer_revisions': m0004,
	'0005_offer_freshness': m0005,
	'0006_networks': m0006,
	'0007_mail_attachments': m0007,
	'0008_invitee_mail': m0008,
	'0009_throttles': m0009,
	'0010_measures': m0010,
	'0011_offer_revision_lookup': m0011,
	'0012_chains': m0012,
	'0013_offer_exit_level': m0013,
	'0014_chain_review_tasks': m0014,
	'0015_committees': m0015,
	'0016_committee_calls': m0016,
	'0017_opening': m0017,
	'0018_search_concepts': m0018,
	'0019_job_leases': m0019,
	'0020_search_concept_broader': m0020,
	'0021_content_version': m0021
};
