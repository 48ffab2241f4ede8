import { readInstrument, type Instrument } from './instrument';
import { readOrganisation } from './organisation';
import { byText, type Record } from './record';

/**
 * The organisation's instruments, by id: those adopted within it, its founding and predecessor instruments, and the
 * protocols amending any of these (and the protocols amending those).
 */
export function instrumentsOf(record: Record, organisation: string): Instrument[] {
  return record.reading(`instruments of ${organisation}`, () => {
    const all = record.ids('instrument').map((id) => readInstrument(record, id) as Instrument);
    const established = readOrganisation(record, organisation)?.established;
    const own = new Set(
      all
        .filter((instrument) => instrument.adopted?.organisation === organisation)
        .map((instrument) => instrument.id),
    );
    for (const id of [established?.foundingInstrument, established?.predecessorInstrument])
      if (id !== undefined) own.add(id);
    let grew = true;
    while (grew) {
      grew = false;
      for (const instrument of all) {
        const amends = instrument.adopted?.rules.amends;
        if (amends !== undefined && own.has(amends) && !own.has(instrument.id)) {
          own.add(instrument.id);
          grew = true;
        }
      }
    }
    return all.filter((instrument) => own.has(instrument.id)).sort((a, b) => byText(a.id, b.id));
  });
}
