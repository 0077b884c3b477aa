import type { INodePropertyOptions } from 'n8n-workflow';
import { optionsNamedByValue } from '../shared/vocabulary';

/** Open Dental's allowed values, each list written once; a field's options are what its checks allow. */

/** TaskStatus, in Open Dental's order. */
const TASK_STATUS_VALUES = ['New', 'Viewed', 'Done'] as const;
export type TaskStatus = (typeof TASK_STATUS_VALUES)[number];
export const TASK_STATUSES = optionsNamedByValue(TASK_STATUS_VALUES);

/** ObjectType: what a task's KeyNum names. */
export const OBJECT_TYPES: INodePropertyOptions[] = [
	{ name: 'Nothing', value: 'None' },
	{ name: 'Patient', value: 'Patient' },
	{ name: 'Appointment', value: 'Appointment' },
];
/** The object types with a number (KeyNum): a patient's PatNum, an appointment's AptNum. */
export const NUMBERED_OBJECT_TYPES = ['Patient', 'Appointment'];

/** TaskListStatus: Open Dental lists one kind at a time. */
export const TASK_LIST_STATUSES = optionsNamedByValue(['Active', 'Archived']);

/** Documented: without DateTimeOriginal, GET /tasks answers the tasks created in the previous 14 days. */
export const DEFAULT_CREATED_WINDOW_DAYS = 14;

/** Documented: task priorities are the definitions of category 33. */
export const TASK_PRIORITY_CATEGORY = 33;

/** DescriptOverride's documented length. */
export const MAX_SHORT_DESCRIPTION_LENGTH = 256;
