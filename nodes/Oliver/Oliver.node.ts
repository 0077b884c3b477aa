import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { resourceParameters } from '../shared/actionNode';
import { actionNodeDescription, actionSubtitle, vendorIcon } from '../shared/nodeDescription';
import { oliverRequestDefaults } from './api';
import { searchClients, searchPatients, searchStaffTasks } from './listSearch';
import { clientResource } from './resources/client';
import { patientResource } from './resources/patient';
import { staffTaskResource } from './resources/staffTask';
import { OLIVER_IDENTITY } from './vendorIdentity';

const resources = [staffTaskResource, clientResource, patientResource];
const properties = resourceParameters(resources, 'staffTask');

export class Oliver implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription({
			vendor: OLIVER_IDENTITY,
			description:
				'Work with staff tasks, clients and patients in Oliver, the veterinary practice platform',
			requestDefaults: oliverRequestDefaults,
			properties,
		}),
		icon: vendorIcon(OLIVER_IDENTITY),
		subtitle: actionSubtitle(properties),
		usableAsTool: true,
	};

	methods = { listSearch: { searchClients, searchPatients, searchStaffTasks } };
}
