export { LogBreak, LogVerdict, LogVerificationOptions, verifyLog } from './verify-log';
