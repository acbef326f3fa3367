import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `LOG_LEVEL` as given, else `info`; config.ts refuses a wrong value at start-up. */
export function logLevelFrom(value: string | undefined): LogLevel {
	return LOG_LEVELS.find((level) => level === value) ?? 'info';
}

/** Fields every line written inside `withLogContext` carries (the request id). */
const context = new AsyncLocalStorage<Record<string, string>>();

export function withLogContext<T>(fields: Record<string, string>, work: () => T): T {
	return context.run(fields, work);
}

const EMAIL = /[^\s@"'<>()[\]{},;:]+@[^\s@"'<>()[\]{},;:]+\.[a-z]{2,}/gi;

/** E-mail addresses (in an error message, say) never reach the log. */
export function withoutEmails(text: string): string {
	return text.replace(EMAIL, '[email]');
}

/**
 * An error as type, message, stack and code. Other properties are left out: database errors
 * carry the rejected values there (PostgreSQL's `detail`: "Key (email)=(…) already exists").
 */
function serializeError(error: unknown): Record<string, unknown> {
	const { type, message, stack, code } = stdSerializers.err(error as Error) as {
		type: string;
		message: string;
		stack?: string;
		code?: unknown;
	};
	return {
		type,
		message: withoutEmails(String(message)),
		...(stack ? { stack: withoutEmails(stack) } : {}),
		...(typeof code === 'string' || typeof code === 'number' ? { code } : {})
	};
}

/** JSON lines with ISO times and level names; `destination` is for tests (stdout otherwise). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
	const options = {
		level,
		timestamp: stdTimeFunctions.isoTime,
		formatters: { level: (label: string) => ({ level: label }) },
		serializers: { err: serializeError },
		mixin: () => context.getStore() ?? {}
	};
	return destination ? pino(options, destination) : pino(options);
}

/** The process's one logger: JSON lines on stdout, level from `LOG_LEVEL` (default info). */
export const logger = createLogger(logLevelFrom(process.env.LOG_LEVEL));
