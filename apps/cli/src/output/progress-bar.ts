/**
 * A one-line progress bar on stderr, redrawn in place on a terminal and reduced to a few plain lines elsewhere
 * (a log file should not fill with carriage returns). stdout stays clean for results.
 */
export class ProgressBar {
  private lastPercent = -1;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number): void {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (this.stream.isTTY) {
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      this.stream.write(
        `\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% (${done}/${total})`,
      );
    } else if (percent >= this.lastPercent + 25 || (percent === 100 && this.lastPercent !== 100)) {
      this.stream.write(`${this.label}: ${percent}% (${done}/${total})\n`);
    } else {
      return;
    }
    this.lastPercent = percent;
  }

  finish(): void {
    if (this.stream.isTTY && this.lastPercent >= 0) this.stream.write('\n');
  }
}
