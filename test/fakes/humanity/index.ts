/**
 * A stateful fake of the Humanity API v2, the parts a shift-task node uses: the OAuth2 password grant
 * (tokens that expire, refresh), the `{status, data, metadata, token, error}` envelope, shifts, shift tasks
 * with the bulk-replace PUT of seed 004, master tasks with cursor paging, and employee tasks with their
 * activity. Sources: shared/vendors/humanity.md, seed 004 (the update-shift-tasks page) and, where the sheet
 * is silent, the public pages it names (platform.humanity.com: getting-started-with-authentication,
 * get-shifts, update-employee-task, update-employee-tasks, v1.0 response-codes); each such fact says where it
 * came from. Every guess is an option of HumanityFakeOptions (options.ts).
 *
 * As the API does: calls go to `/api/v2/...` with `?access_token=` (or a Bearer header), every answer is the
 * envelope and any `status` other than 1 is an error (HTTP 200 by default: the option errorHttpStatus), shift-task and
 * master-task ids are ULIDs, timestamps are ISO 8601 in UTC with `+00:00` (seed 004's example), and the
 * shift-task PUT replaces the shift's whole list: tasks left out are deleted.
 *
 * This file builds the server: the state (store.ts), then each resource's routes (auth.ts, company.ts,
 * shifts.ts, shiftTasks.ts, employeeTasks.ts, masterTasks.ts) behind the checks every call passes (gates.ts).
 */
import { authRoutes } from './auth';
import { companyRoutes } from './company';
import { employeeTaskRoutes } from './employeeTasks';
import { envelopeError } from './envelope';
import { routeMissing } from './gates';
import { masterTaskRoutes } from './masterTasks';
import type { HumanityFakeOptions } from './options';
import { shiftTaskRoutes } from './shiftTasks';
import { shiftRoutes } from './shifts';
import { HumanityStore } from './store';

export {
	HUMANITY_API_PREFIX,
	HUMANITY_TOKEN_PATH,
	RESPONSE_CODES,
	HTTP_STATUS_BY_CODE,
	SHIFT_TASK_TYPES,
	ACTIVITY_STATUS,
	ROLES,
	SHIFT_MODES,
	MODELLED_SHIFT_MODES,
} from './types';
export type {
	Role,
	ShiftTaskType,
	ActivityStatus,
	HumanityEmployee,
	HumanityLocation,
	HumanityPosition,
	HumanityShift,
	TimeBox,
	HumanityShiftTask,
	HumanityMasterTask,
	Activity,
	HumanityEmployeeTask,
	MorningBar,
} from './types';
export type { HumanityFakeOptions } from './options';

export class HumanityFake extends HumanityStore {
	constructor(options: HumanityFakeOptions = {}) {
		super(options);
		this.server.notFound = (request) => routeMissing(this, request);
		this.server.internalError = (error) => ({
			status: 500,
			body: envelopeError(this, 99, `fake humanity failed: ${error.message}`, null),
		});
		// In the single-file fake's order, but for the employee-task list, which came before the master tasks.
		authRoutes(this);
		companyRoutes(this);
		shiftRoutes(this);
		shiftTaskRoutes(this);
		employeeTaskRoutes(this);
		masterTaskRoutes(this);
		this.reset();
	}
}
