/**
 * A loopback server standing for the URL a vendor delivers webhooks to: it records what arrives and answers
 * as the test sets it. The MileApp and Plannr fakes' tests both deliver to it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server standing in for a webhook receiver. */
export interface Receiver {
	url: string;
	received: { headers: http.IncomingHttpHeaders; body: string }[];
	/** Answered in order, then `status`. */
	statuses: number[];
	status: number;
	delayMs: number;
	close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
	const receiver: Receiver = {
		url: '',
		received: [],
		statuses: [],
		status: 200,
		delayMs: 0,
		close: async () => undefined,
	};
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			receiver.received.push({
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			});
			const status = receiver.statuses.shift() ?? receiver.status;
			setTimeout(() => {
				if (!res.destroyed) res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
			}, receiver.delayMs);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	receiver.close = () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return receiver;
}
