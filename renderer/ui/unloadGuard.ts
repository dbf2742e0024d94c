// Nothing typed is lost when the page reloads or the window closes (issue 16).
// - Drafts sealed ahead but not yet in IndexedDB are stashed, still sealed, as the page goes
//   (pagehide): an IndexedDB write started then would not finish.
// - While something is still at risk (a change being sealed, a 谈话记录 save in flight), leaving
//   is held: the browser asks its "leave this page?" question; in Electron, where that question
//   does not exist, a held close is silently cancelled, so the close waits for the writes and then
//   closes the window itself. The main process needs nothing for this.
import { flushPendingWrites, stashPendingWrites, writesAtRisk } from './pendingWrites'

type GuardedWindow = Pick<Window, 'addEventListener' | 'close'>

export function installUnloadGuard(target: 'electron' | 'browser', win: GuardedWindow = window): void {
  let flushedForClose = false
  win.addEventListener('beforeunload', (event) => {
    if (flushedForClose || !writesAtRisk()) return
    event.preventDefault()
    const written = flushPendingWrites()
    if (target === 'electron')
      void written.then(() => {
        flushedForClose = true
        win.close()
      })
  })
  win.addEventListener('pagehide', () => stashPendingWrites())
}
