/** A progress bar on an interactive terminal; silent otherwise (CI logs, tests). */
import { SingleBar, Presets } from 'cli-progress';

export type Progress = { start(total: number): void; tick(): void; stop(): void };

export const silentProgress: Progress = { start() {}, tick() {}, stop() {} };

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return silentProgress;
  const bar = new SingleBar({ format: 'Menyegerak / syncing [{bar}] {value}/{total}', stream, hideCursor: true }, Presets.shades_classic);
  return { start: (total) => bar.start(total, 0), tick: () => bar.increment(), stop: () => bar.stop() };
}
