// The one worker client behind the export, search and backup workers: replies reach the right
// caller, a crash or a stop fails every job in hand with a Chinese reason, an idle worker ends,
// and a job whose data cannot be copied fails alone.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WorkerClient, type JobReply } from './workerClient'

/** A stand-in Worker: `answer` decides what it replies to each message (synchronously posted back later). */
class FakeWorker extends EventTarget {
  static started: FakeWorker[] = []
  received: unknown[] = []
  terminated = false
  constructor(private readonly answer: (m: Record<string, unknown>) => unknown[]) {
    super()
    FakeWorker.started.push(this)
  }
  postMessage(message: Record<string, unknown>): void {
    if (message.uncloneable) throw new DOMException('could not be cloned', 'DataCloneError')
    this.received.push(message)
    for (const reply of this.answer(message)) queueMicrotask(() => this.reply(reply))
  }
  reply(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }))
  }
  crash(message: string): void {
    this.dispatchEvent(new ErrorEvent('error', { message }))
  }
  terminate(): void {
    this.terminated = true
  }
}

/** Echoes the job back as its result after one progress report; `fail` jobs fail; `silent` jobs get no reply. */
const echo = (m: Record<string, unknown>): JobReply[] => {
  const id = m.id as number
  if (m.silent) return []
  if (m.fail) return [{ type: 'failed', id, error: String(m.fail) }]
  return [
    { type: 'progress', id, progress: 50, step: '读取' },
    { type: 'done', id, result: { echoed: m.value } },
  ]
}

function client(options: Partial<ConstructorParameters<typeof WorkerClient>[0]> = {}) {
  return new WorkerClient({
    start: () => new FakeWorker(echo) as unknown as Worker,
    crashed: (reason) => `测试进程出错：${reason || '无法启动'}`,
    ...options,
  })
}

afterEach(() => {
  FakeWorker.started = []
  vi.useRealTimers()
})

describe('worker client', () => {
  it('starts the worker at the first job and gives each caller its own result and progress', async () => {
    const c = client()
    expect(c.running).toBe(false)
    const steps: [number, string | undefined][] = []
    const [a, b] = await Promise.all([
      c.request({ value: 'A' }, { onProgress: (p: number, step?: string) => steps.push([p, step]) }),
      c.request({ value: 'B' }),
    ])
    expect(a).toEqual({ echoed: 'A' })
    expect(b).toEqual({ echoed: 'B' })
    expect(steps).toEqual([[50, '读取']])
    expect(FakeWorker.started).toHaveLength(1)
    expect(c.busy).toBe(0)
  })

  it('rejects a job the worker failed with the worker’s own message', async () => {
    await expect(client().request({ fail: '找不到该巡察轮次' })).rejects.toThrow('找不到该巡察轮次')
  })

  it('fails every job in hand when the worker crashes, and starts a fresh worker for the next job', async () => {
    const ended = vi.fn()
    const c = client({ onEnd: ended })
    const first = c.request({ silent: true })
    const second = c.request({ silent: true })
    FakeWorker.started[0]!.crash('')
    await expect(first).rejects.toThrow('测试进程出错：无法启动')
    await expect(second).rejects.toThrow('测试进程出错：无法启动')
    expect(FakeWorker.started[0]!.terminated).toBe(true)
    expect(ended).toHaveBeenCalledOnce()
    await expect(c.request({ value: 'again' })).resolves.toEqual({ echoed: 'again' })
    expect(FakeWorker.started).toHaveLength(2)
  })

  it('stops on demand: the worker ends and waiting jobs fail with the reason given', async () => {
    const c = client()
    const waiting = c.request({ silent: true })
    c.terminate('搜索已停止')
    await expect(waiting).rejects.toThrow('搜索已停止')
    expect(FakeWorker.started[0]!.terminated).toBe(true)
    expect(c.running).toBe(false)
  })

  it('ends an idle worker after the configured time, and not while a job is in hand', async () => {
    vi.useFakeTimers()
    const c = client({ idleEndMs: 60_000 })
    await c.request({ value: 1 })
    const slow = c.request({ silent: true })
    await vi.advanceTimersByTimeAsync(120_000)
    expect(FakeWorker.started[0]!.terminated).toBe(false)
    FakeWorker.started[0]!.reply({ type: 'done', id: 2, result: 'late' })
    await expect(slow).resolves.toBe('late')
    await vi.advanceTimersByTimeAsync(59_000)
    expect(FakeWorker.started[0]!.terminated).toBe(false)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(FakeWorker.started[0]!.terminated).toBe(true)
  })

  it('fails only the job whose data cannot be copied to the worker', async () => {
    const c = client()
    const other = c.request({ silent: true })
    await expect(c.request({ uncloneable: true })).rejects.toThrow('could not be cloned')
    FakeWorker.started[0]!.reply({ type: 'done', id: 1, result: 'fine' })
    await expect(other).resolves.toBe('fine')
  })

  it('ignores a reply to an abandoned job and hands other messages to the worker’s own handler', async () => {
    const other = vi.fn()
    const c = client({ onOther: other })
    const { id, result } = c.begin({ silent: true })
    c.abandon(id, new Error('已取消'))
    await expect(result).rejects.toThrow('已取消')
    expect(c.has(id)).toBe(false)
    FakeWorker.started[0]!.reply({ type: 'done', id, result: 'too late' })
    FakeWorker.started[0]!.reply({ type: 'sub', id, sub: 1 })
    expect(other).toHaveBeenCalledWith({ type: 'sub', id, sub: 1 }, c)
  })

  it('rebuilds a structured refusal into the error the caller checks for', async () => {
    class Refusal extends Error {}
    const c = client({
      start: () =>
        new FakeWorker((m) => [{ type: 'failed', id: m.id, error: { message: '文件已损坏，未做任何更改' } }]) as unknown as Worker,
      revive: (error) => new Refusal((error as { message: string }).message),
    })
    const failed = c.request({})
    await expect(failed).rejects.toBeInstanceOf(Refusal)
    await expect(failed).rejects.toThrow('文件已损坏，未做任何更改')
  })
})
