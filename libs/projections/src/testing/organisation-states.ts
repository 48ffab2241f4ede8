import type { OrganisationState } from '../queries/organisation-state';

/** An organisation state with nothing in it but `parts`: for tests of what is made from states. */
export function organisationStateWith(parts: Partial<OrganisationState>): OrganisationState {
  return {
    organisation: 'csto',
    asOf: '2000-01-01',
    knownAt: null,
    exists: false,
    members: [],
    signatories: [],
    observers: [],
    partners: [],
    externalStatuses: [],
    instruments: [],
    deployments: [],
    pendingDeployments: [],
    uncertain: [],
    ...parts,
  };
}
