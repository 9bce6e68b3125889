import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../files/packageRoot.js';
import { Worker } from 'node:worker_threads';

/** One statement for {@link runSQLite}, with its one bound value when it has one. */
export type SQLStep = readonly [sql: string] | readonly [sql: string, bind: string];

// The worker: loads SQLite's WebAssembly build once, then for each job
// opens an empty database, runs each statement as it arrives, in order, and
// on null sends the file's bytes back (or the first error, once, skipping
// the rest of that job). A script, not a module file, so every bundle of
// the package starts it the same way.
const WORKER = `
(async () => {
  // import(), not require: the script is read as a module where the process reads -e scripts as modules.
  const { parentPort, workerData } = await import('node:worker_threads');
  let chain = import(workerData).then((m) => m.default()).then((sqlite3) => ({ sqlite3 }), (error) => ({ error }));
  let db = null;
  let failed = false;
  const fail = (error) => parentPort.postMessage({ error: String((error && error.message) || error) });
  parentPort.on('message', (step) => {
    chain = chain.then((loaded) => {
      if (loaded.error || failed) {
        if (step === null) {
          if (!failed) fail(loaded.error);
          failed = false;
        }
        return loaded;
      }
      try {
        if (step === null) {
          const bytes = loaded.sqlite3.capi.sqlite3_js_db_export(db);
          db.close();
          db = null;
          parentPort.postMessage({ bytes }, [bytes.buffer]);
        } else {
          db ??= new loaded.sqlite3.oo1.DB(':memory:', 'c');
          db.exec(step[0], step.length > 1 ? { bind: [step[1]] } : {});
        }
      } catch (error) {
        if (db) db.close();
        db = null;
        failed = step !== null;
        fail(error);
      }
      return loaded;
    });
  });
})();
`;

/** The worker, kept for the next database once started (it does not keep the process alive between jobs). */
let shared: Worker | undefined;
/** The jobs, one at a time. */
let queue: Promise<unknown> = Promise.resolve();

function worker(): Worker {
  if (shared) return shared;
  const started = new Worker(WORKER, { eval: true, workerData: pathToFileURL(createRequire(join(packageRoot(), 'package.json')).resolve('@sqlite.org/sqlite-wasm')).href });
  started.unref();
  started.once('exit', () => {
    if (shared === started) shared = undefined;
  });
  shared = started;
  return started;
}

async function job(steps: Iterable<SQLStep>): Promise<Uint8Array> {
  const thread = worker();
  thread.ref();
  try {
    const reply = new Promise<Uint8Array>((resolve, reject) => {
      const onMessage = (message: { bytes?: Uint8Array; error?: string }) => {
        off();
        if (message.bytes) resolve(message.bytes);
        else reject(new Error(`SQLite: ${message.error}`));
      };
      const onError = (error: Error) => {
        off();
        reject(error);
      };
      const onExit = (code: number) => {
        off();
        reject(new Error(`SQLite: the worker stopped (exit ${code}) before the database was written`));
      };
      const off = () => thread.off('message', onMessage).off('error', onError).off('exit', onExit);
      thread.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
    reply.catch(() => undefined);
    try {
      for (const step of steps) thread.postMessage(step);
    } finally {
      // Even when making the statements failed: the job ends, and the worker is ready for the next.
      thread.postMessage(null);
    }
    return await reply;
  } finally {
    thread.unref();
  }
}

/**
 * Runs statements in a new, empty SQLite database on a thread of its own
 * and gives back the database file's bytes. The statements are handed over
 * as they come, so the caller goes on with other work while SQLite runs
 * (a build renders its other files meanwhile, on the other core). One
 * database at a time; the thread stays for the next one without keeping
 * the process alive.
 *
 * @param steps - the statements, in order
 * @returns the database file
 */
export function runSQLite(steps: Iterable<SQLStep>): Promise<Uint8Array> {
  const run = queue.then(() => job(steps));
  queue = run.catch(() => undefined);
  return run;
}
