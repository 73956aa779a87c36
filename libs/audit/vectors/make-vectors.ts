/** Every vector, by the file it is committed in (libs/audit/vectors/<file>.json; scripts/audit/write-vectors.ts writes them). */
import { bundleVectors } from './bundle-vectors';
import { extensionVectors, noteVectors } from './checkpoint-vectors';
import { consistencyVectors, inclusionVectors } from './proof-vectors';
import { Vector } from './vector';

export function makeVectors(): Record<string, Vector[]> {
  return {
    inclusion: inclusionVectors(),
    consistency: consistencyVectors(),
    checkpoints: [...noteVectors(), ...extensionVectors()],
    bundles: bundleVectors(),
  };
}
