import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';
import { versionedIdFields, withoutRouting } from '../../../shared/recordPicker';
import { recordOf } from '../../api';
import { locator, shiftField, ULID_EXAMPLE, ULID_REGEX } from '../../fields';
import { humanityApiRequest } from '../../requests';

const employeeTaskIdField: INodeProperties = {
	displayName: 'Employee Task ID',
	name: 'employeeTaskId',
	type: 'string',
	default: '',
	required: true,
	placeholder: ULID_EXAMPLE,
	description: "One employee's copy of a shift task (from Employee Task: Get Many)",
};

/** Start and Complete's shift: only to list its employee tasks in the picker below it; nothing is sent. */
const shiftToListField: INodeProperties = withoutRouting({
	...shiftField('The shift whose employee tasks the Employee Task ID list shows; it is not sent'),
	required: false,
});

/**
 * The employee task of Start and Complete: version 1's typed ID; from version 2 a picker of the employee tasks
 * of the shift picked above it, or By ID.
 */
export const employeeTaskIdFields: INodeProperties[] = versionedIdFields(
	employeeTaskIdField,
	locator({
		displayName: 'Employee Task ID',
		name: 'employeeTaskId',
		description: "One employee's copy of a task of the shift above, picked from its list or by ID",
		searchListMethod: 'searchEmployeeTasks',
		listPlaceholder: 'Select a task of the shift…',
		idPlaceholder: ULID_EXAMPLE,
		idRegex: ULID_REGEX,
		idError: '"Employee Task ID" must be a 26-character ULID',
	}),
	[shiftToListField],
);

/** Writes an employee task's activity; the item is the task's ID with the activity Humanity answers. */
export async function writeActivity(
	this: IExecuteFunctions,
	itemIndex: number,
	id: string,
	method: IHttpRequestMethods,
	body: IDataObject,
): Promise<IDataObject[]> {
	const answer = await humanityApiRequest.call(this, method, `/employee-tasks/${id}/activity`, {
		body,
		itemIndex,
	});
	return [{ id, ...recordOf(answer) }];
}
