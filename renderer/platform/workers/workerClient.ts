// The page's side of a job worker, one shape for the export, search, backup and decode workers: it
// starts the worker when the first job comes, numbers the jobs, routes each reply (progress,
// result, failure) to its caller, fails every job in hand with a Chinese reason when the worker
// dies, and ends the worker on demand or after it has been idle for a while. What differs per
// worker is configuration: how to start it, the wording of a crash, when it ends, and any
// message of its own (the export worker's requests for sub-jobs).

/** Worker → page, for every job worker. `step` is what the job is doing now (worker-specific). */
export type JobReply<Step = string, Failure = string> =
  | { type: 'progress'; id: number; progress: number; step?: Step }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'failed'; id: number; error: Failure }

export type OnProgress<Step = string> = (percent: number, step?: Step) => void

export interface WorkerClientOptions {
  /** Starts the worker (called again after it ended or crashed). */
  start: () => Worker
  /** The Chinese message every job in hand fails with when the worker crashes or cannot start (`reason` may be empty). */
  crashed: (reason: string) => string
  /** Ends the worker once it has had no job for this long (what it holds in memory is given back). */
  idleEndMs?: number
  /** A message that is not a job reply (e.g. the export worker asking for a sub-job). */
  onOther?: (message: unknown, client: WorkerClient) => void
  /** Called whenever the worker goes away (stopped, crashed, idle): state it held is gone. */
  onEnd?: () => void
  /** The error a failed job rejects with, from what the worker sent (default: its message). */
  revive?: (error: unknown) => Error
}

export interface JobOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each worker reports its own kind of step
  onProgress?: OnProgress<any>
  /** Buffers that move to the worker instead of being copied. */
  transfer?: Transferable[]
}

interface Pending {
  resolve: (result: unknown) => void
  reject: (e: Error) => void
  onProgress?: OnProgress<unknown>
}

const isReply = (m: unknown): m is JobReply<unknown, unknown> =>
  !!m &&
  typeof m === 'object' &&
  typeof (m as { id?: unknown }).id === 'number' &&
  ['progress', 'done', 'failed'].includes((m as { type?: string }).type ?? '')

export class WorkerClient {
  private worker: Worker | undefined
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private idle: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly options: WorkerClientOptions) {}

  /** Jobs sent and not yet answered. */
  get busy(): number {
    return this.pending.size
  }

  get running(): boolean {
    return this.worker !== undefined
  }

  /** Whether job `id` still waits for its answer (false once answered, failed or abandoned). */
  has(id: number): boolean {
    return this.pending.has(id)
  }

  /** Sends a job (`message` gets the job's id) and waits for its result. */
  request<T>(message: object, options: JobOptions = {}): Promise<T> {
    return this.begin<T>(message, options).result
  }

  /** As `request`, with the job's id, for a caller that sends more messages for the job (slices). */
  begin<T>(message: object, options: JobOptions = {}): { id: number; result: Promise<T> } {
    const worker = this.ensure()
    const id = this.nextId++
    const result = new Promise<T>((resolve, reject) =>
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, onProgress: options.onProgress as OnProgress<unknown> }),
    )
    try {
      worker.postMessage({ ...message, id }, options.transfer ?? [])
    } catch (e) {
      // Data postMessage cannot copy: this job fails, the worker and its other jobs carry on.
      this.abandon(id, e instanceof Error ? e : new Error(String(e)))
    }
    return { id, result }
  }

  /** A message that is not a job (settings the worker keeps, answers to its own requests); starts the worker if needed. */
  post(message: unknown, transfer: Transferable[] = []): void {
    this.ensure().postMessage(message, transfer)
  }

  /** Fails job `id` now with `error`; a reply that comes later is ignored. */
  abandon(id: number, error: Error): void {
    const job = this.pending.get(id)
    if (!job) return
    this.settle(id)
    job.reject(error)
  }

  /** Ends the worker and everything it held; every job in hand fails with `reason`. */
  terminate(reason: string): void {
    clearTimeout(this.idle)
    const worker = this.worker
    if (!worker) return
    this.worker = undefined
    worker.terminate()
    const failed = [...this.pending.values()]
    this.pending.clear()
    for (const job of failed) job.reject(new Error(reason))
    this.options.onEnd?.()
  }

  private ensure(): Worker {
    clearTimeout(this.idle)
    if (this.worker) return this.worker
    const worker = this.options.start()
    worker.addEventListener('message', (event: MessageEvent<unknown>) => this.receive(event.data))
    worker.addEventListener('error', (event: ErrorEvent) => {
      if (this.worker === worker) this.terminate(this.options.crashed(event.message))
    })
    this.worker = worker
    return worker
  }

  private receive(message: unknown): void {
    if (!isReply(message)) return this.options.onOther?.(message, this)
    const job = this.pending.get(message.id)
    if (!job) return
    if (message.type === 'progress') return job.onProgress?.(message.progress, message.step)
    this.settle(message.id)
    if (message.type === 'done') job.resolve(message.result)
    else job.reject(this.options.revive?.(message.error) ?? new Error(String(message.error)))
  }

  private settle(id: number): void {
    this.pending.delete(id)
    if (this.pending.size || this.options.idleEndMs === undefined) return
    clearTimeout(this.idle)
    this.idle = setTimeout(() => this.terminate('后台进程已空闲结束'), this.options.idleEndMs)
  }
}
