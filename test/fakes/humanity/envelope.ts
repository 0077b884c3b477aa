/**
 * Humanity's error envelope: a response code from the v1 table, thrown as a Refusal and answered in the
 * envelope.
 */
import type { FakeResponse } from '../kit';
import type { HumanityStore } from './store';
import { HTTP_STATUS_BY_CODE, RESPONSE_CODES } from './types';

/** A refusal in the vendor's words: a response code from the v1 table and what was wrong. */
export class Refusal extends Error {
	constructor(
		readonly code: number,
		readonly detail?: string,
	) {
		super(detail ?? RESPONSE_CODES[code] ?? `code ${code}`);
	}
}

export const refuse = (code: number, detail?: string): never => {
	throw new Refusal(code, detail);
};

export function envelopeError(
	fake: HumanityStore,
	code: number,
	detail: string | undefined,
	token: string | null,
): Record<string, unknown> {
	const table = RESPONSE_CODES[code] ?? `Error ${code}`;
	return fake.options.errorBody(
		code,
		detail ? `${table}: ${detail}` : table,
		fake.options.envelopeToken === 'echo' ? token : null,
	);
}

export function errorResponse(
	fake: HumanityStore,
	code: number,
	detail: string | undefined,
	token: string | null,
): FakeResponse {
	const status =
		fake.options.errorHttpStatus === 'by-code' ? (HTTP_STATUS_BY_CODE[code] ?? 400) : 200;
	return { status, body: envelopeError(fake, code, detail, token) };
}
