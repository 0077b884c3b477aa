/** Users: `GET /userods`, hidden users left out unless asked for. */
import type { FakeRequest, FakeResponse } from '../kit';
import { guarded } from './gates';
import { isResponse, ok } from './input';
import { paged } from './paging';
import type { OpenDentalStore } from './store';
import { OPEN_DENTAL_API_PREFIX } from './types';

function listUsers(fake: OpenDentalStore, request: FakeRequest): FakeResponse {
	const includeHidden = request.query.includeHidden;
	if (includeHidden !== undefined && includeHidden !== 'true' && includeHidden !== 'false') {
		return fake.fail(400, 'includeHidden is invalid: use "true" or "false".');
	}
	// Documented (apiuserods.html): "Set to "true" to return userods marked as hidden"; default "false".
	const rows = [...fake.users.values()]
		.filter((user) => includeHidden === 'true' || user.IsHidden === 'false')
		.sort((a, b) => a.UserNum - b.UserNum);
	const page = paged(fake, request, rows);
	return isResponse(page) ? page : ok(page);
}

export function userRoutes(fake: OpenDentalStore): void {
	const api = (path: string) => `${OPEN_DENTAL_API_PREFIX}${path}`;
	// No version is documented for it (nor for /definitions): never refused.
	fake.server.on(
		'GET',
		api('/userods'),
		guarded(fake, null, (r) => listUsers(fake, r)),
	);
}
