import type { VendorIdentity } from '../shared/nodeDescription';
import { HUMANITY_CREDENTIAL } from './api';

/** Who Humanity is to n8n: both of its nodes' names, defaults, icon and credentials come from here. */
export const HUMANITY_IDENTITY: VendorIdentity = {
	displayName: 'Humanity',
	name: 'humanity',
	icon: 'humanity',
	credentials: [{ name: HUMANITY_CREDENTIAL, required: true }],
};
