import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { runPerItem } from '../../../shared/itemRunner';
import { readDateTime, readUlid, refuseField } from '../../input';
import { humanityApiRequest } from '../../transport';
import { employeeTaskIdField } from './fields';

const show = { resource: ['employeeTask'], operation: ['complete'] };

export const completeDescription: INodeProperties[] = [
	employeeTaskIdField(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description:
			'Without times the task is completed now; with both it is recorded as done between them (needs edit rights on the shift)',
		displayOptions: { show },
		options: [
			{
				displayName: 'Started At',
				name: 'startedAt',
				type: 'dateTime',
				default: '',
				description: 'When the work started',
			},
			{
				displayName: 'Ended At',
				name: 'endedAt',
				type: 'dateTime',
				default: '',
				description: 'When the work ended',
			},
		],
	},
];

export async function complete(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const id = readUlid(
			this,
			itemIndex,
			this.getNodeParameter('employeeTaskId', itemIndex, ''),
			'Employee Task ID',
		);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const given = (name: string) =>
			options[name] !== undefined && String(options[name]).trim() !== '';
		let answer;
		if (given('startedAt') || given('endedAt')) {
			// update-employee-task: both times are mandatory, and the task is then completed.
			const startedAt = readDateTime(this, itemIndex, options.startedAt, 'Started At');
			const endedAt = readDateTime(this, itemIndex, options.endedAt, 'Ended At');
			if (Date.parse(endedAt) < Date.parse(startedAt)) {
				throw refuseField(
					this,
					itemIndex,
					`"Ended At" (${endedAt}) is before "Started At" (${startedAt})`,
					'Ended At',
				);
			}
			answer = await humanityApiRequest.call(this, 'PUT', `/employee-tasks/${id}/activity`, {
				body: { startedAt, endedAt },
				itemIndex,
			});
		} else {
			// update-employee-tasks: `{status: 2}` finishes the task now.
			answer = await humanityApiRequest.call(this, 'POST', `/employee-tasks/${id}/activity`, {
				body: { status: 2 },
				itemIndex,
			});
		}
		return [{ id, ...((answer.data as IDataObject | null) ?? {}) }];
	});
}
