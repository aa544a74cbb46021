import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EMULATOR_ADVERTISER_ID } from '../../../src/tiktok/emulator';
import { createEmulatorApp } from '../../../src/tiktok/emulator/app';
import { FaultControl } from '../../../src/tiktok/emulator/faults';
import { EmulatorState } from '../../../src/tiktok/emulator/state';

let server: Server;
let base: string;
let state: EmulatorState;
let faults: FaultControl;

beforeEach(async () => {
  state = new EmulatorState({ appId: 'app', secret: 'secret', now: Date.now });
  faults = new FaultControl();
  const app = createEmulatorApp(state, faults);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const api = (endpoint: string, init?: RequestInit) =>
  fetch(`${base}/open_api/v1.3/${endpoint}`, init);

describe('the emulator app', () => {
  it("answers in TikTok's envelope with a log id, and counts the call", async () => {
    const res = await api('campaign/get/?advertiser_id=1');
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(Object.keys(body)).toEqual(['code', 'message', 'request_id', 'data']);
    expect(body).toMatchObject({
      code: 40104,
      message: 'Access token is null, you should set it in http header with key Access-Token.',
      data: {},
    });
    expect(res.headers.get('x-tt-logid')).toBe(body.request_id);
    const counts = (await (await fetch(`${base}/_emulator/counts`)).json()) as {
      calls: Record<string, number>;
    };
    expect(counts.calls['campaign/get/']).toBe(1);
  });

  it('refuses a wrong method with 405 and an Allow header, and unknown paths with 404', async () => {
    const wrong = await api('campaign/create/');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    const unknown = await api('campaign/explode/');
    expect({ status: unknown.status, text: await unknown.text() }).toEqual({
      status: 404,
      text: 'page not found',
    });
  });

  it('answers an injected fault with its envelope code, once', async () => {
    const armed = await fetch(`${base}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'server', times: 1 }),
    });
    expect(armed.status).toBe(200);
    const first = (await (await api('campaign/get/')).json()) as { code: number; message: string };
    expect(first).toMatchObject({ code: 50000, message: 'System error, please try again later.' });
    const second = (await (await api('campaign/get/')).json()) as { code: number };
    expect(second.code).toBe(40104);
  });

  it('loses the reply as a 502 page when asked, after doing the work', async () => {
    const token = state.issueToken({ advertiser_ids: [EMULATOR_ADVERTISER_ID] });
    const get = () =>
      api(`campaign/get/?advertiser_id=${EMULATOR_ADVERTISER_ID}`, {
        headers: { 'Access-Token': token },
      });
    faults.set({ kind: 'lose_reply', endpoint: 'campaign/get/', as: '502' });
    const lost = await get();
    expect(lost.status).toBe(502);
    expect(await lost.text()).toContain('502 Bad Gateway');
    const answered = (await (await get()).json()) as { code: number; message: string };
    expect(answered).toMatchObject({ code: 0, message: 'OK' });
  });

  it('refuses a body that is not JSON with 40002', async () => {
    const res = await api('campaign/create/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(await res.json()).toMatchObject({
      code: 40002,
      message: 'The request body is not valid JSON.',
    });
  });

  it('validates the test controls', async () => {
    const badFault = await fetch(`${base}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'meteor' }),
    });
    expect(badFault.status).toBe(400);
    const badMode = await fetch(`${base}/_emulator/duplicates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'twice' }),
    });
    expect({ status: badMode.status, body: await badMode.json() }).toEqual({
      status: 400,
      body: { error: 'mode must be "replay" or "40050"' },
    });
    const mode = await fetch(`${base}/_emulator/duplicates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: '40050' }),
    });
    expect(await mode.json()).toEqual({ mode: '40050' });
    expect(state.duplicateMode).toBe('40050');
  });
});
