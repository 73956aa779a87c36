/** A missing or malformed setting: the message names it and never repeats its value (it may be a secret). */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`configuration: ${setting} ${problem}`);
    this.name = 'ConfigError';
  }
}
