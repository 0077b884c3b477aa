import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

const REMOTE_BASE_URL = 'https://api.opendental.com/api/v1';
const LOCAL_BASE_URL = 'http://localhost:30222/api/v1';

/**
 * Where the office's API answers, from the chosen connection: as an n8n expression for declarative
 * requests and the credential's test, and as a function for programmatic ones. The two must agree.
 */
export const OPEN_DENTAL_BASE_URL =
	`={{ $credentials.connection === "remote" ? "${REMOTE_BASE_URL}"` +
	` : $credentials.connection === "local" ? "${LOCAL_BASE_URL}"` +
	' : $credentials.connection === "service" ? "http://" + $credentials.serviceHost + ":" + $credentials.servicePort + "/api/v1"' +
	' : $credentials.baseUrl.replace(/\\/+$/, "") }}';

export function openDentalBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	switch (credentials.connection) {
		case 'remote':
			return REMOTE_BASE_URL;
		case 'local':
			return LOCAL_BASE_URL;
		case 'service':
			return `http://${String(credentials.serviceHost)}:${String(credentials.servicePort)}/api/v1`;
		default:
			return String(credentials.baseUrl).replace(/\/+$/, '');
	}
}

/** How often Open Dental's Remote API lets one customer key call, in milliseconds between requests. */
export const OPEN_DENTAL_RATE_LIMITS = { perSecond: 1000, perFiveSeconds: 5000, none: 0 } as const;
export type OpenDentalRateLimit = keyof typeof OPEN_DENTAL_RATE_LIMITS;

export class OpenDentalApi implements ICredentialType {
	name = 'openDentalApi';

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
					description:
						'https://api.opendental.com. Open Dental allows one request per second per customer key.',
				},
				{
					name: 'Local API (on the Office PC)',
					value: 'local',
					description: 'http://localhost:30222',
				},
				{
					name: 'API Service (on the Office Network)',
					value: 'service',
					description: 'A host on port 30223',
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
			placeholder: '192.168.1.20',
			description: 'The office computer that runs the Open Dental API Service',
			displayOptions: { show: { connection: ['service'] } },
		},
		{
			displayName: 'Service Port',
			name: 'servicePort',
			type: 'number',
			default: 30223,
			displayOptions: { show: { connection: ['service'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://proxy.example.com/api/v1',
			description: 'Everything before /tasks, including /api/v1',
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
			displayOptions: { show: { connection: ['remote', 'custom'] } },
		},
		{
			displayName: 'Developer Key',
			name: 'developerApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Customer Key',
			name: 'customerApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The office’s key, generated in Open Dental under Setup → Advanced Setup → API',
		},
		{
			displayName: 'Office Time Zone',
			name: 'officeTimeZone',
			type: 'string',
			default: '',
			placeholder: 'America/Chicago',
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
		request: { baseURL: OPEN_DENTAL_BASE_URL, url: '/tasklists' },
	};
}
