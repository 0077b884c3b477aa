import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { executeOperation, resourceParameters } from '../shared/actionNode';
import { HUMANITY_CREDENTIAL } from './api';
import { searchMasterTasks, searchShifts, searchShiftTasks } from './listSearch';
import { getEmployees, getLocations, getMasterTasks, getPositions } from './loadOptions';
import { employeeTaskResource } from './resources/employeeTask';
import { masterTaskResource } from './resources/masterTask';
import { shiftResource } from './resources/shift';
import { shiftTaskResource } from './resources/shiftTask';

const resources = [shiftTaskResource, shiftResource, masterTaskResource, employeeTaskResource];

export class Humanity implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Humanity',
		name: 'humanity',
		icon: { light: 'file:../../icons/humanity.svg', dark: 'file:../../icons/humanity.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Work with shifts, shift tasks, master tasks and employee tasks in Humanity, the employee scheduling platform',
		defaults: { name: 'Humanity' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: HUMANITY_CREDENTIAL, required: true }],
		properties: resourceParameters(resources, 'shiftTask'),
	};

	methods = {
		listSearch: { searchMasterTasks, searchShifts, searchShiftTasks },
		loadOptions: { getEmployees, getLocations, getMasterTasks, getPositions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, resources);
	}
}
