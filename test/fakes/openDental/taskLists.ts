/** Task lists: `GET /tasklists`, active or archived. */
import type { FakeRequest, FakeResponse } from '../kit';
import { guarded } from './gates';
import { enumValue, isResponse, ok } from './input';
import { paged } from './paging';
import type { OpenDentalStore } from './store';
import { OPEN_DENTAL_API_PREFIX } from './types';

function listTaskLists(fake: OpenDentalStore, request: FakeRequest): FakeResponse {
	let status: 'Active' | 'Archived' = 'Active';
	if (request.query.TaskListStatus !== undefined) {
		const value = enumValue(fake, 'TaskListStatus', request.query.TaskListStatus, [
			'Active',
			'Archived',
		] as const);
		if (isResponse(value)) return value;
		status = value;
	}
	const rows = [...fake.taskLists.values()]
		.filter((list) => list.TaskListStatus === status)
		.sort((a, b) => a.TaskListNum - b.TaskListNum);
	const page = paged(fake, request, rows);
	return isResponse(page) ? page : ok(page);
}

export function taskListRoutes(fake: OpenDentalStore): void {
	const api = (path: string) => `${OPEN_DENTAL_API_PREFIX}${path}`;
	fake.server.on(
		'GET',
		api('/tasklists'),
		guarded(fake, '22.3.15', (r) => listTaskLists(fake, r)),
	);
}
