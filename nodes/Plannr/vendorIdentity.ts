import type { VendorIdentity } from '../shared/nodeDescription';
import { plannrCredentials } from './authentication';

/** Who Plannr is to n8n: both of its nodes' names, defaults, icon and credentials come from here. */
export const PLANNR_IDENTITY: VendorIdentity = {
	displayName: 'Plannr',
	name: 'plannr',
	icon: 'plannr',
	credentials: plannrCredentials(),
};
