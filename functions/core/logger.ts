/**
 * The structured logger (Powertools): JSON lines with the service name and request id.
 * Personal data is never logged on purpose; `redact` is the last line of defence for
 * strings that might carry some (error messages), masking anything shaped like a MyKad
 * number, an email address or a phone number.
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'latih' });

const IC_LIKE = /\b\d{6}-?\d{2}-?\d{4}\b/g;
const EMAIL_LIKE = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE_LIKE = /(\+?6?0)[\s-]?1\d[\s-]?\d{3,4}[\s-]?\d{4}\b/g;

export function redact(text: string): string {
  return text.replace(IC_LIKE, '[ic]').replace(EMAIL_LIKE, '[email]').replace(PHONE_LIKE, '[phone]');
}
