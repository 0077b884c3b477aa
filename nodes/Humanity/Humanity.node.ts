import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { executeOperation, resourceParameters } from '../shared/actionNode';
import { ACTION_SUBTITLE, actionNodeDescription, vendorIcon } from '../shared/nodeDescription';
import { searchMasterTasks, searchShifts, searchShiftTasks } from './listSearch';
import { getEmployees, getLocations, getMasterTasks, getPositions } from './loadOptions';
import { employeeTaskResource } from './resources/employeeTask';
import { masterTaskResource } from './resources/masterTask';
import { shiftResource } from './resources/shift';
import { shiftTaskResource } from './resources/shiftTask';
import { HUMANITY_IDENTITY } from './vendorIdentity';

const resources = [shiftTaskResource, shiftResource, masterTaskResource, employeeTaskResource];

export class Humanity implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription({
			vendor: HUMANITY_IDENTITY,
			description:
				'Work with shifts, shift tasks, master tasks and employee tasks in Humanity, the employee scheduling platform',
			properties: resourceParameters(resources, 'shiftTask'),
		}),
		icon: vendorIcon(HUMANITY_IDENTITY),
		subtitle: ACTION_SUBTITLE,
		usableAsTool: true,
	};

	methods = {
		listSearch: { searchMasterTasks, searchShifts, searchShiftTasks },
		loadOptions: { getEmployees, getLocations, getMasterTasks, getPositions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, resources);
	}
}
