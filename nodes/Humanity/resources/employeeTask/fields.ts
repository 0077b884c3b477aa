import type { INodeProperties } from 'n8n-workflow';

export function employeeTaskIdField(show: {
	resource: string[];
	operation: string[];
}): INodeProperties {
	return {
		displayName: 'Employee Task ID',
		name: 'employeeTaskId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 01k6k3y2c3yq0f3v8w9x7z5a4b',
		description: "One employee's copy of a shift task (from Employee Task: Get Many)",
		displayOptions: { show },
	};
}
