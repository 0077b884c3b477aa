/**
 * A stateful fake of the Open Dental REST API, the parts a task node uses: tasks, task lists, task notes,
 * task priorities (definitions, Category 33) and users. Sources: shared/vendors/open-dental.md and seed 001
 * (the Tasks page of opendental.com/site/apitasks.html). Every guess is marked [inferred] and can be changed
 * through OpenDentalFakeOptions.
 *
 * As the API does: dates are `yyyy-MM-dd HH:mm:ss` in the office's local time with no zone, booleans are the
 * strings "true"/"false", an unset date reads `0001-01-01 00:00:00`, and errors carry an explanation.
 *
 * This file builds the server: the state (store.ts), then each resource's routes (tasks.ts, taskLists.ts,
 * taskNotes.ts, definitions.ts, users.ts), each behind the gates (gates.ts: auth, throttle, version).
 */
import { definitionRoutes } from './definitions';
import { OpenDentalStore } from './store';
import { taskListRoutes } from './taskLists';
import { taskNoteRoutes } from './taskNotes';
import { taskRoutes } from './tasks';
import type { OpenDentalFakeOptions } from './types';
import { userRoutes } from './users';

export {
	OPEN_DENTAL_API_PREFIX,
	TASK_STATUSES,
	OBJECT_TYPES,
	UNSET_DATE_TIME,
	UNSET_DATE,
	TASK_PRIORITY_CATEGORY,
} from './types';
export type {
	TaskStatus,
	ObjectType,
	OdBool,
	OpenDentalTask,
	OpenDentalTaskList,
	OpenDentalTaskNote,
	OpenDentalUser,
	OpenDentalDefinition,
	OpenDentalConnection,
	ErrorBodyShape,
	OpenDentalFakeOptions,
} from './types';
export { versionOlder } from './gates';

export class OpenDentalFake extends OpenDentalStore {
	constructor(options: OpenDentalFakeOptions = {}) {
		super(options);
		this.server.notFound = (request) =>
			this.fail(404, `The resource ${request.method} ${request.path} was not found.`);
		this.server.internalError = (error) =>
			this.fail(500, `Internal server error: ${error.message}`);
		// Registered in the order the single-file fake had them.
		taskRoutes(this);
		taskListRoutes(this);
		taskNoteRoutes(this);
		definitionRoutes(this);
		userRoutes(this);
	}
}
