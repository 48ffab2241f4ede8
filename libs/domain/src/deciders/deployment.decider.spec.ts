import { fact, given } from '../testing/given-when-then';
import { deploymentDecider } from './deployment.decider';

const requested = fact('DeploymentRequested', { effectiveDate: '2022-01-05' });
const authorized = fact('DeploymentAuthorized', { effectiveDate: '2022-01-06' });
const deployed = fact('ContingentDeployed', { effectiveDate: '2022-01-06' });
const withdrawing = fact('DeploymentWithdrawalStarted', { effectiveDate: '2022-01-13' });
const ended = fact('DeploymentEnded', { effectiveDate: '2022-01-19' });

describe('deployment decider', () => {
  it('accepts the whole sequence from request to end', () => {
    given([requested, authorized, deployed, withdrawing]).when(ended).then([ended]);
  });
  it('refuses an authorization before any request (DEPLOYMENT_NOT_REQUESTED)', () => {
    given([]).when(authorized).thenRejects('DEPLOYMENT_NOT_REQUESTED');
  });
  it('refuses an authorization dated before the request (DEPLOYMENT_NOT_REQUESTED)', () => {
    given([requested])
      .when(fact('DeploymentAuthorized', { effectiveDate: '2022-01-04' }))
      .thenRejects('DEPLOYMENT_NOT_REQUESTED');
  });
  it('deploys a contingent once authorized, and a second contingent after it', () => {
    const second = fact('ContingentDeployed', { effectiveDate: '2022-01-07', contributor: 'ARM' });
    given([requested, authorized]).when(deployed).then([deployed]);
    given([requested, authorized, deployed]).when(second).then([second]);
  });
  it('refuses a contingent before authorization (DEPLOYMENT_NOT_AUTHORIZED)', () => {
    given([requested]).when(deployed).thenRejects('DEPLOYMENT_NOT_AUTHORIZED');
  });
  it('refuses a withdrawal before any contingent deployed (DEPLOYMENT_NOT_DEPLOYED)', () => {
    given([requested, authorized]).when(withdrawing).thenRejects('DEPLOYMENT_NOT_DEPLOYED');
  });
  it('refuses an end before the withdrawal started (WITHDRAWAL_NOT_STARTED)', () => {
    given([requested, authorized, deployed]).when(ended).thenRejects('WITHDRAWAL_NOT_STARTED');
  });
  it('refuses to go back to a passed phase (DEPLOYMENT_PHASE_PASSED)', () => {
    given([requested, authorized, deployed, withdrawing])
      .when(fact('ContingentDeployed', { effectiveDate: '2022-01-14' }))
      .thenRejects('DEPLOYMENT_PHASE_PASSED');
    given([requested])
      .when(fact('DeploymentRequested', { effectiveDate: '2022-01-06' }))
      .thenRejects('DEPLOYMENT_PHASE_PASSED');
  });
  it('folds to the phase reached', () => {
    const history = [requested, authorized, deployed].map((event, i) => ({ id: `e${i}`, event }));
    expect(deploymentDecider.fold(history)).toEqual({ phase: 'deployed' });
  });
});
