import { NamedIn } from './named-in';
import { SubjectLog } from './subject-log';

describe('the subjects that name a participant', () => {
  const logs = [
    'organisation-csto',
    'instrument-cst-1992',
    'instrument-csto-charter-2002',
    'deployment-kazakhstan-2022',
  ].map((subject, number) => new SubjectLog(subject, number));
  const [csto, cst, charter, deployment] = logs as [SubjectLog, SubjectLog, SubjectLog, SubjectLog];

  it('gives each subject once, in the order its log was made, whatever the order they were named in', () => {
    const named = new NamedIn(logs);
    for (const log of [charter, charter, csto, deployment, csto, charter, cst, csto, deployment])
      named.add(log);

    expect(named.subjects()).toEqual([
      'organisation-csto',
      'instrument-cst-1992',
      'instrument-csto-charter-2002',
      'deployment-kazakhstan-2022',
    ]);
  });

  it('changes its version with each subject new to it, and only then', () => {
    const named = new NamedIn(logs);
    const versions: number[] = [];
    for (const log of [cst, cst, csto, cst, csto, deployment]) {
      named.add(log);
      versions.push(named.version);
    }

    expect(versions).toEqual([1, 1, 2, 2, 2, 3]);
  });
});
