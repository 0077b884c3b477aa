/** MileApp's error answers (`{status: false, message}`) and validation messages, collected then answered. */
import type { FakeResponse } from '../kit';
import type { MileAppStore } from './store';

export const isResponse = (value: unknown): value is FakeResponse =>
	typeof value === 'object' &&
	value !== null &&
	'status' in value &&
	typeof (value as FakeResponse).status === 'number' &&
	!('_id' in value);

export const failure = (
	status: number,
	message: string,
	headers?: Record<string, string>,
): FakeResponse => ({ status, body: { status: false, message }, headers });

/** Collects validation messages in the order found. */
export class Problems {
	readonly messages: string[] = [];
	add(message: string): void {
		this.messages.push(message);
	}
	get failed(): boolean {
		return this.messages.length > 0;
	}
}

export function invalid(fake: MileAppStore, problems: Problems | string): FakeResponse {
	const messages = typeof problems === 'string' ? [problems] : problems.messages;
	return failure(
		fake.options.validationStatus,
		fake.options.validationMessage === 'all' ? messages.join(' ') : messages[0],
	);
}
