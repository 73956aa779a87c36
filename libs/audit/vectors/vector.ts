/** One test vector: an input for one of the verifiers, and whether it must accept or reject it. */
export interface Vector {
  kind: 'inclusion' | 'consistency' | 'checkpoint-note' | 'extension' | 'bundle';
  name: string;
  expect: 'accept' | 'reject';
  input: object;
}
