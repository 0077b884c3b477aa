import type { VendorIdentity } from '../shared/nodeDescription';
import { MILEAPP_CREDENTIAL } from './api';

/** Who MileApp is to n8n: both of its nodes' names, defaults, icon and credentials come from here. */
export const MILEAPP_IDENTITY: VendorIdentity = {
	displayName: 'MileApp',
	name: 'mileApp',
	icon: 'mileApp',
	credentials: [{ name: MILEAPP_CREDENTIAL, required: true }],
};
