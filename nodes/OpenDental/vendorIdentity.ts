import type { VendorIdentity } from '../shared/nodeDescription';
import { OPEN_DENTAL_CREDENTIAL } from './api';

/** Who Open Dental is to n8n: both of its nodes' names, defaults, icon and credentials come from here. */
export const OPEN_DENTAL_IDENTITY: VendorIdentity = {
	displayName: 'Open Dental',
	name: 'openDental',
	icon: 'openDental',
	credentials: [{ name: OPEN_DENTAL_CREDENTIAL, required: true }],
};
