/** What the register endpoints answer (OpenAPI schemas). */
export class RegisterLoadView {
  kind!: string;
  /** Each load is a new version; readers see the latest. */
  version!: number;
  /** Where the figures come from, as the loader stated it. */
  source!: string;
  loadedBy!: string;
  loadedAt!: string;
  rows!: number;
}

export class RegisterLoads {
  kind!: string;
  loads!: RegisterLoadView[];
}
