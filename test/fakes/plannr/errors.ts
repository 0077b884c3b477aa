/** Laravel's error answers: `{message}`, spatie's query-builder 400s, and 422 validation errors by field. */
import type { FakeResponse } from '../kit';
import type { ValidationRule } from './types';

export const isResponse = (value: unknown): value is FakeResponse =>
	typeof value === 'object' &&
	value !== null &&
	'status' in value &&
	typeof (value as FakeResponse).status === 'number' &&
	!('uuid' in value);

export const message = (
	status: number,
	text: string,
	headers?: Record<string, string>,
): FakeResponse => ({
	status,
	body: { message: text },
	headers,
});

/** A 400 as spatie/laravel-query-builder words it. */
export const queryError = (
	kind: 'filter' | 'sort' | 'include',
	unknown: string[],
	allowed: readonly string[],
): FakeResponse =>
	message(
		400,
		`Requested ${kind}(s) \`${unknown.join(', ')}\` ${kind === 'sort' ? 'is' : 'are'} not allowed. Allowed ${kind}(s) are \`${allowed.join(', ')}\`.`,
	);

/** Laravel's validator, just enough of it: errors by field, in the order found. */
export class Validation {
	readonly errors: Record<string, string[]> = {};

	constructor(private readonly messages: Record<ValidationRule, string>) {}

	add(field: string, rule: ValidationRule, params: Record<string, string | number> = {}): void {
		// Laravel shows a field as its name with spaces for underscores.
		let text = this.messages[rule].replace(/:attribute/g, field.replace(/_/g, ' '));
		for (const [key, value] of Object.entries(params))
			text = text.replace(new RegExp(`:${key}\\b`, 'g'), String(value));
		(this.errors[field] ??= []).push(text);
	}

	has(field: string): boolean {
		return field in this.errors;
	}

	get failed(): boolean {
		return Object.keys(this.errors).length > 0;
	}

	response(): FakeResponse {
		const all = Object.values(this.errors).flat();
		const more = all.length - 1;
		const summary =
			all[0] +
			(more > 0
				? this.messages.more_errors
						.replace(':count', String(more))
						.replace(':errors', more === 1 ? 'error' : 'errors')
				: '');
		return { status: 422, body: { message: summary, errors: this.errors } };
	}
}
