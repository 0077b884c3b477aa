import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import {
	OPEN_DENTAL_API_PATH,
	OPEN_DENTAL_BASE_URL,
	OPEN_DENTAL_CREDENTIAL,
	OPEN_DENTAL_JSON_HEADERS,
	OPEN_DENTAL_LOCAL_HOST,
	OPEN_DENTAL_PATHS,
	OPEN_DENTAL_REMOTE_HOST,
	OPEN_DENTAL_SERVICE_PORT,
	RATE_LIMITED_CONNECTIONS,
} from '../nodes/OpenDental/api';
import { refusedWithStatus, secretProperty } from '../nodes/shared/credentialShapes';

export class OpenDentalApi implements ICredentialType {
	name = OPEN_DENTAL_CREDENTIAL;

	displayName = 'Open Dental API';

	icon: Icon = { light: 'file:../icons/openDental.svg', dark: 'file:../icons/openDental.dark.svg' };

	documentationUrl = 'https://www.opendental.com/site/apisetup.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'options',
			options: [
				{
					name: 'Remote (Cloud, through the Office’s eConnector)',
					value: 'remote',
					description: `${OPEN_DENTAL_REMOTE_HOST}. Open Dental allows one request per second per customer key.`,
				},
				{
					name: 'Local API (on the Office PC)',
					value: 'local',
					description: OPEN_DENTAL_LOCAL_HOST,
				},
				{
					name: 'API Service (on the Office Network)',
					value: 'service',
					description: `A host on port ${OPEN_DENTAL_SERVICE_PORT}`,
				},
				{ name: 'Custom Base URL', value: 'custom', description: 'A proxy or a sandbox' },
			],
			default: 'remote',
		},
		{
			displayName: 'Service Host',
			name: 'serviceHost',
			type: 'string',
			default: '',
			placeholder: 'e.g. 192.168.1.20',
			description: 'The office computer that runs the Open Dental API Service',
			displayOptions: { show: { connection: ['service'] } },
		},
		{
			displayName: 'Service Port',
			name: 'servicePort',
			type: 'number',
			default: OPEN_DENTAL_SERVICE_PORT,
			displayOptions: { show: { connection: ['service'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: `e.g. https://proxy.example.com${OPEN_DENTAL_API_PATH}`,
			description: `Everything before ${OPEN_DENTAL_PATHS.tasks}, including ${OPEN_DENTAL_API_PATH}`,
			displayOptions: { show: { connection: ['custom'] } },
		},
		{
			displayName: 'Rate Limit',
			name: 'rateLimit',
			type: 'options',
			options: [
				{
					name: 'One Request per Second',
					value: 'perSecond',
					description: 'What Open Dental allows a customer key on Remote',
				},
				{
					name: 'One Request per 5 Seconds',
					value: 'perFiveSeconds',
					description: 'What Open Dental allows a key that only has the ReadAll permission',
				},
				{
					name: 'None',
					value: 'none',
					description: 'For a URL that reaches the Local API or the API Service',
				},
			],
			default: 'perSecond',
			description:
				'The nodes space their own calls to stay within it, so Open Dental never refuses one',
			displayOptions: { show: { connection: RATE_LIMITED_CONNECTIONS } },
		},
		secretProperty('Developer Key', 'developerApiKey', { required: true }),
		secretProperty('Customer Key', 'customerApiKey', {
			required: true,
			description: 'The office’s key, generated in Open Dental under Setup → Advanced Setup → API',
		}),
		{
			displayName: 'Office Time Zone',
			name: 'officeTimeZone',
			type: 'string',
			default: '',
			placeholder: 'e.g. America/Chicago',
			description:
				'The time zone the office’s Open Dental runs in: its dates carry none. Leave empty to use the workflow’s time zone.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=ODFHIR {{$credentials.developerApiKey}}/{{$credentials.customerApiKey}}',
			},
		},
	};

	// Task lists are the oldest task call (22.3.15), so the test works on any office that has tasks.
	test: ICredentialTestRequest = {
		request: {
			baseURL: OPEN_DENTAL_BASE_URL,
			url: OPEN_DENTAL_PATHS.taskLists,
			headers: OPEN_DENTAL_JSON_HEADERS,
		},
		rules: [
			refusedWithStatus(
				401,
				'Open Dental did not accept the keys: check the Developer Key (the one Open Dental issued for your app, with the API permissions it needs) and the Customer Key (the office’s, under Setup → Advanced Setup → API)',
			),
			refusedWithStatus(
				404,
				'No Open Dental API answered at this address: check the Connection, and the Base URL, Service Host or Service Port it uses',
			),
		],
	};
}
