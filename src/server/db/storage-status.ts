import { existsSync, statfsSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { storageUnavailable } from './storage-errors';

export interface StorageStatusOptions {
  /** The SQLite data folder; null with PostgreSQL (its disk is not ours to measure). */
  dataDir: string | null;
  /**
   * Keep a reserve file of this many bytes in the data folder (the server does; tests leave it off):
   * on a full disk it is deleted, and the room it frees lets a trainer log in and the server keep
   * its own small writes while uploads wait.
   */
  reserveBytes?: number;
  /** Free bytes on the data folder's disk; statfs by default (tests inject a full disk). */
  freeBytes?: (dir: string) => number;
  now?: () => number;
}

const reserveName = 'space-reserve.bin';

/**
 * Whether the server can store uploads now. A full disk is seen two ways: a write failed with
 * SQLITE_FULL/ENOSPC (PostgreSQL: disk_full), or the data folder's free space fell below the
 * reserve. While full, uploads answer 503 with Retry-After before writing (headsets keep them in
 * their outbox) and /api/health says the server cannot store; it clears itself once there is room.
 */
export class StorageStatus {
  private full = false;
  private fullSince = 0;
  private checkedAt = -Infinity;
  private readonly reserveBytes: number;
  private readonly freeBytes: (dir: string) => number;
  private readonly now: () => number;

  constructor(private readonly opts: StorageStatusOptions) {
    this.reserveBytes = opts.reserveBytes ?? 0;
    this.freeBytes = opts.freeBytes ?? ((dir) => {
      const s = statfsSync(dir);
      return Number(s.bavail) * Number(s.bsize);
    });
    this.now = opts.now ?? Date.now;
  }

  /** The smallest free space the server keeps for its own writes (the reserve, at least 8 MB). */
  private get minFree(): number {
    return Math.max(this.reserveBytes, 8 * 1024 * 1024);
  }

  private get reserveFile(): string | null {
    return this.opts.dataDir && this.reserveBytes > 0 ? join(this.opts.dataDir, reserveName) : null;
  }

  private releaseReserve() {
    const file = this.reserveFile;
    if (file && existsSync(file)) {
      try {
        unlinkSync(file);
      } catch {
        // Gone already, or not ours to delete: the status is what matters.
      }
    }
  }

  private makeReserve() {
    const file = this.reserveFile;
    if (!file || existsSync(file)) return;
    try {
      writeFileSync(file, Buffer.alloc(this.reserveBytes));
    } catch {
      this.releaseReserve();
    }
  }

  /** Checks the disk at most once a second; cheap enough to ask before every upload. */
  canStore(): boolean {
    const now = this.now();
    if (now - this.checkedAt < 1000) return !this.full;
    this.checkedAt = now;
    const dir = this.opts.dataDir;
    if (!dir) {
      // PostgreSQL: a disk_full answer holds uploads back for a minute, then they try again.
      if (this.full && now - this.fullSince > 60_000) this.full = false;
      return !this.full;
    }
    let free: number;
    try {
      free = this.freeBytes(dir);
    } catch {
      return !this.full;
    }
    const reserveHeld = this.reserveFile !== null && existsSync(this.reserveFile);
    if (free < this.minFree) {
      this.markFull(now);
    } else if (this.full && free >= 2 * this.minFree + (reserveHeld ? 0 : this.reserveBytes)) {
      this.full = false;
      this.makeReserve();
    } else if (!this.full) {
      this.makeReserve();
    }
    return !this.full;
  }

  private markFull(now: number) {
    if (!this.full) this.fullSince = now;
    this.full = true;
    this.releaseReserve();
  }

  /** Told of every failed write: a full disk switches uploads off until there is room again. */
  noteFailure(error: unknown) {
    if (storageUnavailable(error)?.error === 'storage-full') {
      this.markFull(this.now());
      this.checkedAt = this.now();
    }
  }

  get status(): { canStore: boolean; reason: 'disk-full' | null } {
    const ok = this.canStore();
    return { canStore: ok, reason: ok ? null : 'disk-full' };
  }
}
