import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { resourceParameters } from '../shared/actionNode';
import { OLIVER_CREDENTIAL, oliverRequestDefaults } from './api';
import { searchClients, searchPatients } from './listSearch';
import { clientResource } from './resources/client';
import { patientResource } from './resources/patient';
import { staffTaskResource } from './resources/staffTask';

const resources = [staffTaskResource, clientResource, patientResource];

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
		properties: resourceParameters(resources, 'staffTask'),
	};

	methods = { listSearch: { searchClients, searchPatients } };
}
