import type { TaskFields, TimeBox } from './taskFields';

/** One item's requested change to a shift's task list, checked before anything is sent. */
export type ShiftTaskChange =
	| { kind: 'add'; shiftId: number; fields: TaskFields }
	| { kind: 'update'; shiftId: number; id: string; patch: TaskPatch }
	| { kind: 'remove'; shiftId: number; id: string };

/** The fields an Update sets; the others keep their value. */
export interface TaskPatch {
	taskId?: string;
	name?: string;
	description?: string;
	type?: number;
	startTime?: string;
	dueTime?: string;
}

export type { TaskFields, TimeBox };
