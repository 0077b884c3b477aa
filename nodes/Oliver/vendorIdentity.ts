import type { VendorIdentity } from '../shared/nodeDescription';
import { OLIVER_CREDENTIAL } from './api';

/** Who Oliver is to n8n: both of its nodes' names, defaults, icon and credentials come from here. */
export const OLIVER_IDENTITY: VendorIdentity = {
	displayName: 'Oliver',
	name: 'oliver',
	icon: 'oliver',
	credentials: [{ name: OLIVER_CREDENTIAL, required: true }],
};
