import { defineResource } from '../../../shared/operation';
import { MILEAPP_CURSOR_PAGE_SIZE } from '../../api';
import { withCursorPaging } from '../../cursorPaging';
import { mileAppOperations } from '../../requests';
import { assign } from './assign';
import { create } from './create';
import { deleteTask } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { replace } from './replace';
import { update } from './update';

/** Get Many pages by MileApp's cursor (see cursorPaging.ts), not by page number. */
export const taskResource = withCursorPaging(
	defineResource(mileAppOperations, {
		value: 'task',
		displayName: 'Task',
		defaultOperation: 'create',
		// Delete first: its notice is declared before the Task ID that Get, Update and Assign share with it.
		operations: [deleteTask, assign, create, get, getMany, replace, update],
	}),
	getMany.value,
	MILEAPP_CURSOR_PAGE_SIZE,
);
