/** Paging every list shares: Limit and Offset, at most maxRows rows per call (100 Remote, 1000 Local API and API Service). */
import type { FakeRequest, FakeResponse } from '../kit';
import { integer, isResponse } from './input';
import type { OpenDentalStore } from './store';

/** Limit and Offset: at most maxRows rows per call, no total. */
export function paged<T>(
	fake: OpenDentalStore,
	request: FakeRequest,
	rows: T[],
): T[] | FakeResponse {
	let limit = fake.maxRows;
	if (request.query.Limit !== undefined) {
		const value = integer(fake, 'Limit', request.query.Limit, true);
		if (isResponse(value)) return value;
		// [inferred] undocumented Limits (above the cap, or 0): read as the cap, or refused (limitAboveMax).
		if ((value > fake.maxRows || value === 0) && fake.options.limitAboveMax === 'reject')
			return fake.fail(400, `Limit must be from 1 to ${fake.maxRows}.`);
		limit = value === 0 ? fake.maxRows : Math.min(value, fake.maxRows);
	}
	let offset = 0;
	if (request.query.Offset !== undefined) {
		const value = integer(fake, 'Offset', request.query.Offset, true);
		if (isResponse(value)) return value;
		offset = value;
	}
	return rows.slice(offset, offset + limit);
}
