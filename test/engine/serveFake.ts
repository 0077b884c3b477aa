import type { VendorFake } from '../fakes/kit';

/** Keeps a fake vendor listening on loopback for the whole test file. */
export function serveFake(fake: VendorFake): void {
	beforeAll(async () => {
		await fake.start();
	});
	afterAll(async () => {
		await fake.stop();
	});
}
