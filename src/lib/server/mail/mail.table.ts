import type { Generated } from 'kysely';

export interface MailOutboxTable {
	id: Generated<number>;
	toAddress: string;
	subject: string;
	textBody: string;
	createdAt: string;
	attempts: Generated<number>;
	nextAttemptAt: string;
	lastError: string | null;
	sentAt: string | null;
}
