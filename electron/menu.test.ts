import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'

const electron = vi.hoisted(() => ({
  dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })) },
  BrowserWindow: { getFocusedWindow: vi.fn(() => null) },
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
  app: { isPackaged: true, getVersion: () => '1.2.3' },
}))
vi.mock('electron', () => electron)

import { buildMenuTemplate, installMenu } from './menu'

const items = (m: MenuItemConstructorOptions) => m.submenu as MenuItemConstructorOptions[]
const labels = (m: MenuItemConstructorOptions) =>
  items(m)
    .filter((i) => i.type !== 'separator')
    .map((i) => i.label)
const top = (t: MenuItemConstructorOptions[], label: string) => t.find((m) => m.label === label)!

describe('application menu', () => {
  const template = buildMenuTemplate({ isMac: false, isDev: false, version: '1.2.3' })

  it('has 文件/编辑/视图/帮助 in Chinese', () => {
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助'])
    expect(labels(top(template, '文件'))).toEqual(['退出'])
    expect(labels(top(template, '编辑'))).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选'])
    expect(labels(top(template, '视图'))).toEqual(['实际大小', '放大', '缩小', '全屏'])
    expect(labels(top(template, '帮助'))).toEqual(['关于 巡察工作台'])
  })

  it('has no devtools entry, and 重新加载 only in development', () => {
    const all = (t: MenuItemConstructorOptions[]) => t.flatMap(items)
    expect(all(template).map((i) => i.role)).not.toContain('toggleDevTools')
    expect(all(template).map((i) => i.role)).not.toContain('reload')
    const dev = buildMenuTemplate({ isMac: false, isDev: true, version: '1.2.3' })
    expect(labels(top(dev, '视图'))).toContain('重新加载')
    expect(all(dev).map((i) => i.role)).not.toContain('toggleDevTools')
  })

  it('关于 shows the version', () => {
    const about = items(top(template, '帮助'))[0]!
    ;(about.click as () => void)()
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ title: '关于 巡察工作台', detail: expect.stringContaining('版本 1.2.3') }),
    )
  })

  it('puts the app menu first on macOS', () => {
    const mac = buildMenuTemplate({ isMac: true, isDev: false, version: '1.2.3' })
    expect(mac[0]!.label).toBe('巡察工作台')
    expect(items(mac[0]!).map((i) => i.role)).toContain('quit')
  })

  it('installs the menu with the app version', () => {
    installMenu()
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce()
    const installed = electron.Menu.buildFromTemplate.mock.calls[0]![0] as unknown as MenuItemConstructorOptions[]
    expect(installed.map((m) => m.label)).toContain('帮助')
  })
})
