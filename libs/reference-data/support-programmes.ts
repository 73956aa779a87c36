/**
 * The support programmes (support-programmes.v1.json): codes the support events store, with their form and
 * their names in Chinese and English. Kept apart from ./reference-data.ts so the support aggregate brings its
 * own reference data; checked on load like the rest (a duplicate code or a missing name stops start-up).
 */
import file from './support-programmes.v1.json';

export const SUPPORT_FORMS = ['cash', 'in-kind'] as const;
export type SupportForm = (typeof SUPPORT_FORMS)[number];

export interface SupportProgramme {
  readonly code: string;
  /** Cash carries an amount in fen and no units; in-kind carries units, with their value in fen where known. */
  readonly form: SupportForm;
  /** What one unit of an in-kind programme is (`wheelchair`); absent for cash. */
  readonly unit?: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
}

export interface SupportProgrammesFile {
  version: string;
  supportProgrammes: readonly SupportProgramme[];
}

/** Looks support programmes up by code; built once, checked on construction. */
export class SupportProgrammes {
  readonly version: string;
  private readonly byCode = new Map<string, SupportProgramme>();

  constructor(data: SupportProgrammesFile) {
    this.version = data.version;
    for (const programme of data.supportProgrammes) {
      if (this.byCode.has(programme.code)) throw new Error(`reference data: duplicate support programme ${programme.code}`);
      if (!SUPPORT_FORMS.includes(programme.form)) throw new Error(`reference data: support programme ${programme.code} has no form`);
      if (!programme.name['zh-CN'] || !programme.name.en)
        throw new Error(`reference data: support programme ${programme.code} has no name in both languages`);
      this.byCode.set(programme.code, programme);
    }
  }

  programme(code: string): SupportProgramme | undefined {
    return this.byCode.get(code);
  }

  all(): SupportProgramme[] {
    return [...this.byCode.values()];
  }
}

export const supportProgrammes = new SupportProgrammes(file as SupportProgrammesFile);
