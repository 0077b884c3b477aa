/** The vendors the fault matrix (faults.test.ts) runs, in the order its report lists them. */
import type { VendorAdapter } from './adapter';
import { humanity } from './humanity';
import { mileApp } from './mileApp';
import { oliver } from './oliver';
import { openDental } from './openDental';
import { plannr } from './plannr';

export const VENDORS = [
	oliver,
	openDental,
	plannr,
	mileApp,
	humanity,
] as unknown as VendorAdapter[];
