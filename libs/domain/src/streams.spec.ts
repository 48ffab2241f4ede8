import { streamOf } from './streams';
import { fact } from './testing/given-when-then';

describe('streamOf', () => {
  it('puts a fact in the stream of its subject', () => {
    expect(streamOf(fact('MemberAdmitted'))).toBe('organisation-csto');
    expect(streamOf(fact('InstrumentSigned'))).toBe('instrument-cst-1992');
    expect(streamOf(fact('ContingentDeployed'))).toBe('deployment-csto-kazakhstan-2022');
  });

  it('puts a correction or retraction in the stream of the fact it supersedes', () => {
    const lookup = (id: string) => (id === 'evt-0001' ? 'instrument-cst-1992' : undefined);
    expect(streamOf(fact('FactRetracted'), lookup)).toBe('instrument-cst-1992');
    expect(streamOf(fact('FactCorrected'), lookup)).toBe('instrument-cst-1992');
  });

  it('refuses a correction whose superseded fact is unknown', () => {
    expect(() => streamOf(fact('FactRetracted'), () => undefined)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FACT' }),
    );
  });
});
