/**
 * Nest's console logger colours its output unless NO_COLOR is set, terminal or not, so log files, pipes
 * and journald got ANSI escape codes. Colours are kept for a terminal only (and never with NO_COLOR).
 */
import { ConsoleLogger, Logger } from '@nestjs/common';

export function colourLogsOnlyOnATerminal(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): void {
  const colors = stream.isTTY === true && !env.NO_COLOR;
  Logger.overrideLogger(new ConsoleLogger({ colors }));
}
