import { ApiProperty } from '@nestjs/swagger';

export class CodebookColumnAnswer {
  @ApiProperty({ example: 'code' }) readonly name!: string;
  @ApiProperty() readonly meaning!: string;
}

export class CodebookCodeAnswer {
  @ApiProperty({ type: 'integer', enum: [1, 2, 3, 0, -9, -1] }) readonly code!: number;
  @ApiProperty({ example: 'full member' }) readonly meaning!: string;
  @ApiProperty({ description: 'when the record is coded so' }) readonly rule!: string;
}

/** The codebook served beside /exports/state-year.csv. */
export class StateYearCodebookAnswer {
  @ApiProperty() readonly referenceDay!: string;
  @ApiProperty({ type: [CodebookColumnAnswer] }) readonly columns!: readonly CodebookColumnAnswer[];
  @ApiProperty({ type: [CodebookCodeAnswer] }) readonly codes!: readonly CodebookCodeAnswer[];
}
