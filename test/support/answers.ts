/** Fields every state answer has (with others), over HTTP and from the CLI alike: a public contract. */
export const STATE_FIELDS = [
  'organisation',
  'asOf',
  'knownAt',
  'exists',
  'members',
  'signatories',
  'observers',
  'partners',
  'instruments',
  'deployments',
  'uncertain',
];
