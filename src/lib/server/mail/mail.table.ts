import type { Generated } from 'kysely';

export interface MailOutboxTable {
	id: Generated<number>;
	toAddress: string;
	subject: string;
	textBody: string;
	/** JSON array of MailAttachment (migration 0007); null for plain mail. */
	attachments: string | null;
	createdAt: string;
	attempts: Generated<number>;
	nextAttemptAt: string;
	lastError: string | null;
	sentAt: string | null;
	/** Set at the first claim and kept, so every attempt carries the same Message-ID (migration 0019). */
	messageId: Generated<string | null>;
}
