/** Reading a request body as Laravel does (trimmed strings, empty as null), booleans and URLs. */
import type { FakeRequest } from '../kit';

export type Body = Record<string, unknown>;

/** Laravel's TrimStrings and ConvertEmptyStringsToNull middleware. */
function laravelInput(value: unknown): unknown {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		return trimmed === '' ? null : trimmed;
	}
	if (Array.isArray(value)) return value.map(laravelInput);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, laravelInput(v)]));
	return value;
}

export function parseBoolean(value: string): boolean | undefined {
	const lower = value.toLowerCase();
	if (['true', '1', 'yes', 'on'].includes(lower)) return true;
	if (['false', '0', 'no', 'off', ''].includes(lower)) return false;
	return undefined;
}

export function isUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/** The body as Laravel reads it: JSON (when sent as JSON) or a form, trimmed, '' as null. */
export function readInput(request: FakeRequest): Body {
	const type = request.headers['content-type'] ?? '';
	// Laravel reads a JSON body only when told it is JSON; a form body is parsed by the kit.
	if (request.rawBody === '' || !(/json/i.test(type) || /x-www-form-urlencoded/i.test(type)))
		return {};
	if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body))
		return {};
	return laravelInput(request.body) as Body;
}
