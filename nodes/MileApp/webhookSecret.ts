import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
	IWebhookFunctions,
} from 'n8n-workflow';
import { isSameSecret } from '../shared/secrets';
import { MILEAPP_WEBHOOK_CREDENTIAL } from './api';

/**
 * The shared secret a MileApp webhook carries (MileApp signs nothing): what the MileApp Trigger expects, whether a
 * delivery carries it, and the credential's test.
 */

/** The trigger's Authentication choice. */
export type WebhookAuthentication = 'none' | 'sharedSecret';

interface ExpectedSecret {
	sentAs: 'header' | 'query';
	/** The header's or query parameter's name. */
	name: string;
	value: string;
}

/** Shorter secrets are reported by the credential's test: a guessable value protects nothing. */
const MIN_SECRET_LENGTH = 16;
/** An HTTP header name (RFC 9110 token): anything else MileApp could not send as a header. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function fromCredential(credentials: ICredentialDataDecryptedObject): ExpectedSecret {
	const sentAs = credentials.sentAs === 'query' ? 'query' : 'header';
	const name = sentAs === 'query' ? credentials.queryParameterName : credentials.headerName;
	return { sentAs, name: String(name ?? '').trim(), value: String(credentials.secret ?? '') };
}

/**
 * The secret the trigger's own parameters hold: workflows saved before the MileApp Webhook credential existed.
 * Still checked, so that updating the pack never opens a webhook that was closed.
 */
function savedInWorkflow(context: IWebhookFunctions): ExpectedSecret | undefined {
	const sentAs = context.getNodeParameter('secretLocation', 'none');
	if (sentAs !== 'header' && sentAs !== 'query') return undefined;
	const name = context.getNodeParameter(
		sentAs === 'header' ? 'headerName' : 'queryParameterName',
		'',
	);
	return {
		sentAs,
		name: String(name).trim(),
		value: String(context.getNodeParameter('secretValue', '')),
	};
}

/** What the delivery must carry: the credential's secret, else one saved in the workflow, else nothing. */
async function expectedSecret(context: IWebhookFunctions): Promise<ExpectedSecret | undefined> {
	const authentication = context.getNodeParameter('authentication', 'none');
	// Anything but an explicit None asks for the credential: an unreadable choice never lets everyone in.
	if (authentication !== 'none')
		return fromCredential(await context.getCredentials(MILEAPP_WEBHOOK_CREDENTIAL));
	return savedInWorkflow(context);
}

/** Whether the delivery carries the secret the trigger expects (always, when it expects none). */
export async function carriesExpectedSecret(context: IWebhookFunctions): Promise<boolean> {
	const expected = await expectedSecret(context);
	if (!expected) return true;
	const given =
		expected.sentAs === 'header'
			? context.getHeaderData()[expected.name.toLowerCase()]
			: (context.getQueryData() as IDataObject)[expected.name];
	return isSameSecret(given, expected.value);
}

/** What is wrong with a MileApp Webhook credential, in words that say what to change; undefined when nothing is. */
function problemWith({ sentAs, name, value }: ExpectedSecret): string | undefined {
	if (sentAs === 'header' && !HEADER_NAME.test(name))
		return `Header Name "${name}" is not an HTTP header name: use letters, digits and dashes, e.g. X-Webhook-Secret, and the same in MileApp.`;
	if (sentAs === 'query' && name === '')
		return 'Enter the Query Parameter Name: the name after ? at the end of the URL pasted into MileApp, e.g. secret.';
	if (value === '')
		return "Enter the Secret: the Value of the webhook's header in MileApp (Automation → Webhook → Header and Value).";
	if (value.length < MIN_SECRET_LENGTH)
		return `The Secret has ${value.length} characters: use at least ${MIN_SECRET_LENGTH} random ones (e.g. from a password generator), and the same value in MileApp.`;
	return undefined;
}

/**
 * The credential's Test button. There is nothing at MileApp to call (its webhooks have no API), so it checks
 * what MileApp needs to send the secret and what makes it hard to guess.
 */
export async function mileAppWebhookSecretTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problem = problemWith(fromCredential(credential.data ?? {}));
	if (problem) return { status: 'Error', message: problem };
	return { status: 'OK', message: 'Connection tested successfully' };
}
