import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { getEmployees, getLocations, getMasterTasks, getPositions } from './loadOptions';
import { searchMasterTasks, searchShifts, searchShiftTasks } from './listSearch';
import { employeeTaskDescription, employeeTaskOperations } from './resources/employeeTask';
import { masterTaskDescription, masterTaskOperations } from './resources/masterTask';
import { shiftDescription, shiftOperations } from './resources/shift';
import { shiftTaskDescription, shiftTaskOperations } from './resources/shiftTask';
import { HUMANITY_CREDENTIAL } from './transport';
import { normalizeEmployeeTask, normalizeMasterTask, normalizeShiftTask } from './normalize';
import {
	OUTPUT_FORMAT_PARAMETER,
	applyTaskOutput,
	taskOutputProperty,
	type TaskMapper,
} from '../shared/normalizedTask';

type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

const OPERATIONS: Record<string, Record<string, Operation>> = {
	employeeTask: employeeTaskOperations,
	masterTask: masterTaskOperations,
	shift: shiftOperations,
	shiftTask: shiftTaskOperations,
};

/** The operations whose items are tasks, which the node's Output can normalize. */
const TASK_OUTPUTS: Record<string, { operations: string[]; mapper: TaskMapper }> = {
	employeeTask: { operations: ['complete', 'getMany', 'start'], mapper: normalizeEmployeeTask },
	masterTask: { operations: ['create', 'getMany', 'update'], mapper: normalizeMasterTask },
	shiftTask: {
		operations: ['add', 'getMany', 'remove', 'setAll', 'update'],
		mapper: normalizeShiftTask,
	},
};

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
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Employee Task', value: 'employeeTask' },
					{ name: 'Master Task', value: 'masterTask' },
					{ name: 'Shift', value: 'shift' },
					{ name: 'Shift Task', value: 'shiftTask' },
				],
				default: 'shiftTask',
			},
			...shiftTaskDescription,
			...shiftDescription,
			...masterTaskDescription,
			...employeeTaskDescription,
			...Object.entries(TASK_OUTPUTS).map(([resource, { operations }]) =>
				taskOutputProperty('Humanity', { resource: [resource], operation: operations }),
			),
		],
	};

	methods = {
		listSearch: { searchMasterTasks, searchShifts, searchShiftTasks },
		loadOptions: { getEmployees, getLocations, getMasterTasks, getPositions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = OPERATIONS[resource]?.[operation];
		if (!run)
			throw new NodeOperationError(
				this.getNode(),
				`Unknown operation "${operation}" of resource "${resource}"`,
			);
		const items = await run.call(this);
		const taskOutput = TASK_OUTPUTS[resource];
		if (!taskOutput?.operations.includes(operation)) return [items];
		const format = this.getNodeParameter(OUTPUT_FORMAT_PARAMETER, 0, 'vendor');
		return [applyTaskOutput(items, format, taskOutput.mapper, this.getTimezone())];
	}
}
