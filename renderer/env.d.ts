declare const __BRIDGE_TARGET__: 'electron' | 'browser'
declare const __APP_VERSION__: string
