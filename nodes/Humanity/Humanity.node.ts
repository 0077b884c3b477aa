import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { executeOperation, resourceParameters } from '../shared/actionNode';
import { actionNodeDescription, actionSubtitle, vendorIcon } from '../shared/nodeDescription';
import {
	searchEmployeeTasks,
	searchMasterTasks,
	searchShifts,
	searchShiftTasks,
} from './listSearch';
import { getEmployees, getLocations, getMasterTasks, getPositions, getShifts } from './loadOptions';
import { employeeTaskResource } from './resources/employeeTask';
import { masterTaskResource } from './resources/masterTask';
import { shiftResource } from './resources/shift';
import { shiftTaskResource } from './resources/shiftTask';
import { HUMANITY_IDENTITY } from './vendorIdentity';

const resources = [shiftTaskResource, shiftResource, masterTaskResource, employeeTaskResource];
const properties = resourceParameters(resources, 'shiftTask');

export class Humanity implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription({
			vendor: HUMANITY_IDENTITY,
			description:
				'Work with shifts, shift tasks, master tasks and employee tasks in Humanity, the employee scheduling platform',
			properties,
		}),
		icon: vendorIcon(HUMANITY_IDENTITY),
		subtitle: actionSubtitle(properties),
		usableAsTool: true,
	};

	methods = {
		listSearch: { searchEmployeeTasks, searchMasterTasks, searchShifts, searchShiftTasks },
		loadOptions: { getEmployees, getLocations, getMasterTasks, getPositions, getShifts },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, resources);
	}
}
