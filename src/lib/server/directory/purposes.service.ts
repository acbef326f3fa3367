import type { Kysely } from 'kysely';
import { type Actor } from '../accounts/authorization.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import { recordAudit } from '../accounts/audit.service.js';
import type { DB, Db } from '../db/schema.js';
import { ContactValidationError, PurposeNotFoundError } from './contacts.errors.js';
import { issuesOf, purposeSchema, type PurposeFields } from './contacts.schema.js';
import { COMMITTEE_PURPOSE, mayKeepDirectory, NETWORK_PURPOSE } from './directory-access.js';
import {
	findPurposeRow,
	insertPurposeIfMissing,
	insertPurposeRow,
	listPurposeRows,
	updatePurposeRow,
	type PurposeRow
} from './purposes.repository.js';

/**
 * The record of processing purposes (Verzeichnis der Verarbeitungstätigkeiten, Art. 30 DSGVO):
 * every consent names one, and the GDPR export explains each by it. Staff read it; coordinators
 * and administrators keep it. A purpose's key is fixed once made: code asks for `network_work`.
 */
export type Editor = Actor & { id: number };
export type Purpose = Omit<PurposeRow, 'districtId'>;
export type PurposeInput = { [K in keyof PurposeFields]?: string };

/** What a district starts with; the texts are the office's to adapt. */
export const DEFAULT_PURPOSES: readonly PurposeFields[] = [
	{
		key: NETWORK_PURPOSE,
		name: 'Netzwerkarbeit: Einladungen, Protokolle, Aufgaben',
		description:
			'Einladungen zu Netzwerktreffen, Versand von Protokollen, Absprache und Erinnerung an Aufgaben; Kontaktdaten sind für die anderen Mitglieder der Netzwerke der Person sichtbar.',
		legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)',
		dataCategories:
			'Name, Funktion, Organisation, E-Mail, Telefon, Sprachen, Handlungsfelder; Zu- und Absagen und Anwesenheit bei Treffen; Aufgaben',
		retention:
			'Bis zum Widerruf der Einwilligung oder zum Ausscheiden aus allen Netzwerken; danach Anonymisierung, Protokolle behalten „ehemalige Teilnehmende“.'
	},
	{
		key: 'offer_contact',
		name: 'Ansprechperson für Angebote im Portal',
		description:
			'Nennung als Ansprechperson bei Angeboten im öffentlichen Angebotsfinder, damit Neuzugewanderte und Beratende Kontakt aufnehmen können.',
		legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)',
		dataCategories: 'Name, Funktion, Organisation, dienstliche E-Mail und Telefonnummer, Sprachen',
		retention: 'Bis zum Widerruf oder bis das Angebot archiviert ist.'
	},
	{
		key: COMMITTEE_PURPOSE,
		name: 'Mitwirkung in Gremien und Beiräten',
		description:
			'Mitgliedschaft in Gremien, Beiräten und Vorständen, die die Koordinierungsstelle begleitet, und Bewerbungen auf öffentliche Aufrufe: Einladung, Rückmeldung zur Bewerbung, Absprachen während der Amtszeit.',
		legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)',
		dataCategories:
			'Name, E-Mail, Telefon, Sprachen, Wohnort (Gemeinde), Gremium und Amtszeit, die Nachricht der Bewerbung',
		retention:
			'Bis zum Widerruf der Einwilligung; eine Bewerbung ohne Mitgliedschaft höchstens bis zum Ende der Amtszeit, für die sie galt.'
	},
	{
		key: 'information_mail',
		name: 'Informationen der Koordinierungsstelle',
		description:
			'Rundschreiben über Veranstaltungen, Förderprogramme und neue Angebote im Handlungsfeld der Person.',
		legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)',
		dataCategories: 'Name, Organisation, E-Mail, Handlungsfelder von Interesse',
		retention: 'Bis zum Widerruf der Einwilligung.'
	}
];

const mayRead = (actor: Actor) => actor.role !== 'partner_editor';
const rowToPurpose = ({ districtId: _districtId, ...purpose }: PurposeRow): Purpose => purpose;

/** Adds the default purposes a district lacks (by key); safe to call on every visit. */
export async function ensureDefaultPurposes(
	db: Db,
	districtId: number,
	now = new Date()
): Promise<void> {
	const existing = new Set((await listPurposeRows(db, districtId)).map((row) => row.key));
	for (const purpose of DEFAULT_PURPOSES.filter((purpose) => !existing.has(purpose.key))) {
		await insertPurposeIfMissing(db, {
			...purpose,
			districtId,
			createdAt: now.toISOString(),
			updatedAt: now.toISOString()
		});
	}
}

export function mayManagePurposes(actor: Actor): boolean {
	return mayKeepDirectory(actor, actor.districtId);
}

/** The register of the actor's district, defaults included; staff roles only. */
export async function listPurposes(db: Db, actor: Actor, now = new Date()) {
	if (!mayRead(actor)) throw new ForbiddenError('read', actor.role);
	await ensureDefaultPurposes(db, actor.districtId, now);
	return (await listPurposeRows(db, actor.districtId)).map(rowToPurpose);
}

export async function getPurpose(db: Db, actor: Actor, id: number): Promise<Purpose> {
	if (!mayRead(actor)) throw new ForbiddenError('read', actor.role);
	const row = await findPurposeRow(db, id);
	if (!row || row.districtId !== actor.districtId) throw new PurposeNotFoundError(id);
	return rowToPurpose(row);
}

function validate(input: PurposeInput, keysInUse: Set<string>): PurposeFields {
	const parsed = purposeSchema.safeParse(input);
	if (!parsed.success) throw new ContactValidationError(issuesOf(parsed.error));
	if (keysInUse.has(parsed.data.key))
		throw new ContactValidationError([{ path: 'key', message: 'already used', code: 'taken' }]);
	return parsed.data;
}

export async function createPurpose(
	db: Kysely<DB>,
	actor: Editor,
	input: PurposeInput,
	now = new Date()
): Promise<number> {
	if (!mayManagePurposes(actor)) throw new ForbiddenError('create', actor.role);
	return db.transaction().execute(async (trx) => {
		const keys = new Set((await listPurposeRows(trx, actor.districtId)).map((row) => row.key));
		const fields = validate(input, keys);
		const stamp = now.toISOString();
		const id = await insertPurposeRow(trx, {
			...fields,
			districtId: actor.districtId,
			createdAt: stamp,
			updatedAt: stamp
		});
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'purpose.create',
				entity: 'processing_purpose',
				entityId: id,
				after: fields
			},
			now
		);
		return id;
	});
}

/** Changes a purpose's texts; its key stays what it was. */
export async function updatePurpose(
	db: Kysely<DB>,
	actor: Editor,
	id: number,
	input: PurposeInput,
	now = new Date()
): Promise<void> {
	if (!mayManagePurposes(actor)) throw new ForbiddenError('edit', actor.role);
	await db.transaction().execute(async (trx) => {
		const row = await findPurposeRow(trx, id);
		if (!row || row.districtId !== actor.districtId) throw new PurposeNotFoundError(id);
		const { key, ...fields } = validate({ ...input, key: row.key }, new Set());
		await updatePurposeRow(trx, id, { ...fields, updatedAt: now.toISOString() });
		const before = {
			key: row.key,
			name: row.name,
			description: row.description,
			legalBasis: row.legalBasis,
			dataCategories: row.dataCategories,
			retention: row.retention
		};
		await recordAudit(
			trx,
			{
				districtId: actor.districtId,
				userId: actor.id,
				action: 'purpose.edit',
				entity: 'processing_purpose',
				entityId: id,
				before,
				after: { key, ...fields }
			},
			now
		);
	});
}

/** What a public form shows of a purpose before a visitor consents to it: no log-in needed. */
export async function purposeForConsent(
	db: Db,
	districtId: number,
	key: string,
	now = new Date()
): Promise<Pick<Purpose, 'key' | 'name' | 'description' | 'legalBasis' | 'retention'>> {
	await ensureDefaultPurposes(db, districtId, now);
	const row = (await listPurposeRows(db, districtId)).find((purpose) => purpose.key === key);
	if (!row) throw new Error(`Purpose ${key} is missing in district ${districtId}`);
	const { name, description, legalBasis, retention } = row;
	return { key, name, description, legalBasis, retention };
}
