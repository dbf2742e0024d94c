import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron'
import { APP_NAME } from './app-info'

export interface MenuContext {
  isMac: boolean
  /** Unpackaged runs get 重新加载; there are no devtools entries either way. */
  isDev: boolean
  version: string
}

export function showAbout(version: string): void {
  const win = BrowserWindow.getFocusedWindow()
  const options = {
    type: 'info' as const,
    title: `关于 ${APP_NAME}`,
    message: APP_NAME,
    detail: `版本 ${version}\nElectron ${process.versions.electron ?? ''} · Chromium ${process.versions.chrome ?? ''}`,
    buttons: ['确定'],
    noLink: true,
  }
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: `关于 ${APP_NAME}`, click: () => showAbout(ctx.version) }
  const template: MenuItemConstructorOptions[] = []
  if (ctx.isMac) {
    // macOS puts 关于/退出 under the application menu.
    template.push({
      label: APP_NAME,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'hide', label: `隐藏 ${APP_NAME}` },
        { role: 'hideOthers', label: '隐藏其他' },
        { role: 'unhide', label: '全部显示' },
        { type: 'separator' },
        { role: 'quit', label: `退出 ${APP_NAME}` },
      ],
    })
  }
  template.push(
    { label: '文件', submenu: ctx.isMac ? [{ role: 'close', label: '关闭窗口' }] : [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        ...(ctx.isDev ? [{ role: 'reload', label: '重新加载' } as const, { type: 'separator' } as const] : []),
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    { label: '帮助', role: 'help', submenu: [about] },
  )
  return template
}

export function installMenu(): void {
  const template = buildMenuTemplate({ isMac: process.platform === 'darwin', isDev: !app.isPackaged, version: app.getVersion() })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
