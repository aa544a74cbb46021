import type { RequestHandler } from 'express';

/**
 * Rejects (HTTP 401, empty body) a request whose `X-Slack-Request-Timestamp` lies more than
 * `maxSkewSec` seconds in the future. Bolt's verifier (which checks the HMAC and rejects
 * timestamps older than 5 minutes) does not look at future ones; Slack's own recipe rejects
 * `|now - timestamp| > 300` both ways ("Verifying requests from Slack",
 * docs.slack.dev/authentication/verifying-requests-from-slack; docs/slack.md §1).
 * Everything else, including the signature, is left to Bolt.
 */
export function rejectFutureTimestamps(
  maxSkewSec = 300,
  nowMs: () => number = Date.now,
): RequestHandler {
  return (req, res, next) => {
    const header = req.headers['x-slack-request-timestamp'];
    const ts = Number(Array.isArray(header) ? header[0] : header);
    if (Number.isFinite(ts) && ts > Math.floor(nowMs() / 1000) + maxSkewSec) {
      res.status(401).send();
      return;
    }
    next();
  };
}
