import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';

/**
 * What services may ask the operating system, behind a small interface so tests can feed recorded data.
 * Reading only: nothing here sends a packet.
 */
export interface SystemSource {
  platform: NodeJS.Platform;
  networkInterfaces(): NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  /** Names of every network link, also those without addresses (Linux: /sys/class/net). Null where unknown. */
  listLinks(): Promise<string[] | null>;
  /** A small text file, or null if it cannot be read. */
  readText(path: string): Promise<string | null>;
  /** Runs a fixed program with fixed arguments; null on failure or time-out. */
  run(command: string, args: string[], timeoutMs?: number): Promise<string | null>;
}

export const nodeSystem: SystemSource = {
  platform: process.platform,
  networkInterfaces: () => os.networkInterfaces(),
  async listLinks() {
    if (process.platform !== 'linux') return null;
    try {
      return await readdir('/sys/class/net');
    } catch {
      return null;
    }
  },
  async readText(path) {
    try {
      const text = await readFile(path, 'utf8');
      return text.length > 1_000_000 ? text.slice(0, 1_000_000) : text;
    } catch {
      return null;
    }
  },
  run(command, args, timeoutMs = 3000) {
    return new Promise((resolve) => {
      execFile(command, args, { timeout: timeoutMs, maxBuffer: 1_000_000, windowsHide: true }, (err, stdout) =>
        resolve(err ? null : String(stdout)),
      );
    });
  },
};
