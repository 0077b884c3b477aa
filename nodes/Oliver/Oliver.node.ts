import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { OLIVER_CREDENTIAL, oliverRequestDefaults } from './transport';
import { searchClients, searchPatients } from './listSearch';
import { staffTaskDescription } from './resources/staffTask';
import { clientDescription } from './resources/client';
import { patientDescription } from './resources/patient';

export class Oliver implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Oliver',
		name: 'oliver',
		icon: { light: 'file:../../icons/oliver.svg', dark: 'file:../../icons/oliver.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Work with staff tasks, clients and patients in Oliver, the veterinary practice platform',
		defaults: { name: 'Oliver' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: OLIVER_CREDENTIAL, required: true }],
		requestDefaults: oliverRequestDefaults,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Client', value: 'client' },
					{ name: 'Patient', value: 'patient' },
					{ name: 'Staff Task', value: 'staffTask' },
				],
				default: 'staffTask',
			},
			...staffTaskDescription,
			...clientDescription,
			...patientDescription,
		],
	};

	methods = { listSearch: { searchClients, searchPatients } };
}
