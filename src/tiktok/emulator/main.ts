/**
 * `npm run emulator`: runs the TikTok emulator on `PORT` (default 4010) and prints its base URL
 * and the fixture credentials. The printed token and secret are fake emulator values; real
 * TikTok credentials are never printed anywhere.
 */
import { createLogger } from '../../logging/logger';
import {
  createTikTokEmulator,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_APP_ID,
  EMULATOR_SECRET,
} from './index';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4010);
  const host = process.env.HOST ?? '127.0.0.1';
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
  const emulator = createTikTokEmulator({ logger });
  // Objects live in this process: they survive restarts of the bot that points at it
  // (TIKTOK_BASE_URL), which is what crash tests need.
  if (process.env.EMULATOR_DUPLICATES === '40050') emulator.state.duplicateMode = '40050';
  const baseUrl = await emulator.listen(port, host);
  process.stdout.write(
    [
      `TikTok Marketing API emulator listening on ${baseUrl}`,
      `  API base:      ${baseUrl}/open_api/v1.3/`,
      `  Auth page:     ${baseUrl}/portal/auth?app_id=${EMULATOR_APP_ID}&state=...&redirect_uri=...`,
      `  Faults:        POST ${baseUrl}/_emulator/faults {"kind":"server","times":3}`,
      `  Counts:        GET  ${baseUrl}/_emulator/counts   (all objects: GET /_emulator/objects)`,
      `  Lost replies:  POST ${baseUrl}/_emulator/faults {"kind":"lose_reply","endpoint":"ad/create/","as":"502"}`,
      `  Repeats:       POST ${baseUrl}/_emulator/duplicates {"mode":"40050"}  (default "replay"; env EMULATOR_DUPLICATES)`,
      'Fixture credentials (fake, emulator only):',
      `  app_id:        ${EMULATOR_APP_ID}`,
      `  secret:        ${EMULATOR_SECRET}`,
      `  advertiser_id: ${EMULATOR_ADVERTISER_ID}`,
      `  access_token:  ${EMULATOR_ACCESS_TOKEN}`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    emulator.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator failed to start: ${String(err)}\n`);
  process.exit(1);
});
