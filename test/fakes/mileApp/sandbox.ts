/** The field-operations company the sandbox behind `npm start` is seeded with: dates follow the clock. */
import { DateTime } from 'luxon';
import type { MileAppStore } from './store';

/**
 * A small field-operations company for the sandbox: three hubs, four users, three flows with different
 * field lists, six tasks in every status (one ONGOING task already past its end time). Dates follow the clock.
 */
export function fillSandbox(fake: MileAppStore): void {
	const jakarta = fake.addHub({
		name: 'Jakarta Central',
		address: 'Jl. MH Thamrin No. 1, Jakarta Pusat',
		lat: -6.195,
		lng: 106.823,
	});
	const bandung = fake.addHub({
		name: 'Bandung',
		address: 'Jl. Asia Afrika No. 8, Bandung',
		lat: -6.9216,
		lng: 107.6071,
	});
	const surabaya = fake.addHub({
		name: 'Surabaya',
		address: 'Jl. Pemuda No. 17, Surabaya',
		lat: -7.2654,
		lng: 112.7478,
	});
	const dewi = fake.addUser(
		{ name: 'Dewi Lestari', email: 'dewi@example.com', hubIds: [jakarta._id] },
		'mileapp-dewi-token',
	);
	const budi = fake.addUser({
		name: 'Budi Santoso',
		email: 'budi@example.com',
		hubIds: [jakarta._id, bandung._id],
	});
	const sari = fake.addUser({
		name: 'Sari Wijaya',
		email: 'sari@example.com',
		hubIds: [surabaya._id],
	});

	const visit = fake.addFlow({
		name: 'Visit',
		fields: [
			{
				field: 'customerName',
				type: 'string',
				required: true,
				description: 'Customer name',
				example: 'John Birdy',
			},
			{
				field: 'address',
				type: 'string',
				required: true,
				description: 'Visit address',
				example: 'Gambir Jakarta',
			},
			{
				field: 'coordinate',
				type: 'location',
				description: 'Latitude,longitude',
				example: '-6.230815251,106.75684387',
			},
			{
				field: 'visitDate',
				type: 'date',
				description: 'Planned visit date',
				example: '2022-11-02',
			},
			{ field: 'notes', type: 'string', description: 'Notes for the visitor' },
		],
	});
	const delivery = fake.addFlow({
		name: 'Delivery',
		titleField: 'invoice',
		contentField: 'recipientName',
		defaultDurationMinutes: 8 * 60,
		fields: [
			{
				field: 'invoice',
				type: 'string',
				required: true,
				description: 'Invoice number',
				example: 'INV-2022-001',
			},
			{
				field: 'recipientName',
				type: 'string',
				required: true,
				description: 'Recipient',
				example: 'Jack Ward',
			},
			{
				field: 'packageCount',
				type: 'number',
				required: true,
				description: 'Packages to deliver',
				example: 2,
			},
			{
				field: 'priority',
				type: 'select',
				options: ['Low', 'Normal', 'Urgent'],
				description: 'Priority',
			},
			{ field: 'deliveryCoordinate', type: 'location', description: 'Where to deliver' },
		],
	});
	const inspection = fake.addFlow({
		name: 'Inspection',
		titleField: 'assetTag',
		contentField: 'inspectionType',
		defaultDurationMinutes: 3 * 24 * 60,
		fields: [
			{
				field: 'assetTag',
				type: 'string',
				required: true,
				description: 'Asset tag',
				example: 'GEN-0042',
			},
			{
				field: 'inspectionType',
				type: 'select',
				required: true,
				options: ['Routine', 'Repair', 'Installation'],
				description: 'Inspection type',
			},
			{
				field: 'scheduledDate',
				type: 'date',
				required: true,
				description: 'Scheduled date',
				example: '2022-11-03',
			},
			{ field: 'meterReading', type: 'number', description: 'Meter reading' },
		],
	});

	const at = (hours: number) => fake.isoAt(hours * 3_600_000);
	const day = (days: number) =>
		DateTime.fromJSDate(fake.options.clock())
			.setZone(fake.options.timeZone)
			.plus({ days })
			.toFormat('yyyy-MM-dd');
	fake.addTask({
		flowId: visit._id,
		hubId: jakarta._id,
		createdFrom: 'API',
		startTime: at(2),
		endTime: at(26),
		fields: {
			customerName: 'Toko Sinar Jaya',
			address: 'Jl. Kebon Sirih 12, Jakarta',
			coordinate: '-6.1862,106.8305',
			visitDate: day(1),
		},
		createdTime: at(-5),
	});
	fake.addTask({
		flowId: delivery._id,
		hubId: jakarta._id,
		assignee: [dewi.email],
		startTime: at(-1),
		endTime: at(7),
		fields: {
			invoice: 'INV-2026-0107',
			recipientName: 'Andi Pratama',
			packageCount: 3,
			priority: 'Urgent',
		},
		createdTime: at(-4),
	});
	fake.addTask({
		flowId: delivery._id,
		hubId: bandung._id,
		assignee: [budi.email],
		startTime: at(-30),
		endTime: at(-6),
		fields: {
			invoice: 'INV-2026-0098',
			recipientName: 'Rina Kusuma',
			packageCount: 1,
			priority: 'Normal',
		},
		createdTime: at(-32),
	});
	fake.addTask({
		flowId: inspection._id,
		hubId: surabaya._id,
		createdFrom: 'API',
		startTime: at(24),
		endTime: at(96),
		fields: { assetTag: 'GEN-0042', inspectionType: 'Routine', scheduledDate: day(2) },
		createdTime: at(-3),
	});
	fake.addTask({
		flowId: inspection._id,
		hubId: surabaya._id,
		assignee: [sari.email],
		status: 'DONE',
		startTime: at(-50),
		endTime: at(-2),
		fields: {
			assetTag: 'PUMP-0007',
			inspectionType: 'Repair',
			scheduledDate: day(-2),
			meterReading: 1532.5,
		},
		doneBy: sari.name,
		doneTime: at(-20),
		createdTime: at(-72),
	});
	fake.addTask({
		flowId: visit._id,
		hubId: bandung._id,
		assignee: [budi.email],
		status: 'DONE',
		startTime: at(-10),
		endTime: at(14),
		fields: {
			customerName: 'CV Maju Bersama',
			address: 'Jl. Braga 40, Bandung',
			notes: 'Ask for Pak Hendra.',
		},
		doneBy: budi.name,
		doneTime: at(-1),
		createdTime: at(-12),
	});
}
